import type { ComponentType } from 'react';
import { Link, useSearchParams } from 'react-router';
import { type MessageKey, useT } from '../../i18n/index.tsx';
import { ConstantsSection } from './ConstantsSection.tsx';
import { DataSetsSection } from './DataSetsSection.tsx';
import { ElementsSection } from './ElementsSection.tsx';
import { IndicatorsSection } from './IndicatorsSection.tsx';
import { PlansSection } from './PlansSection.tsx';
import { RulesSection } from './RulesSection.tsx';
import './catalogue.css';

interface CatalogueSection {
  slug: string;
  label: MessageKey;
  Component: ComponentType;
}

const SECTIONS: CatalogueSection[] = [
  { slug: 'indicators', label: 'catalogue.section.indicators', Component: IndicatorsSection },
  { slug: 'elements', label: 'catalogue.section.elements', Component: ElementsSection },
  { slug: 'datasets', label: 'catalogue.section.datasets', Component: DataSetsSection },
  { slug: 'rules', label: 'catalogue.section.rules', Component: RulesSection },
  { slug: 'constants', label: 'catalogue.section.constants', Component: ConstantsSection },
  { slug: 'plans', label: 'catalogue.section.plans', Component: PlansSection },
];

/** The indicator catalogue: what units report, what is computed from it, when it is due, and the yearly plans. */
export function CatalogueTab() {
  const t = useT();
  const [params] = useSearchParams();
  const current = SECTIONS.find((section) => section.slug === params.get('section')) ?? SECTIONS[0]!;
  return (
    <div className="catalogue" data-testid="catalogue-tab">
      <nav className="catalogue-nav" aria-label={t('catalogue.sections')}>
        {SECTIONS.map((section) => (
          <Link
            key={section.slug}
            to={{ search: `?section=${section.slug}` }}
            className={section === current ? 'catalogue-nav-item active' : 'catalogue-nav-item'}
            aria-current={section === current ? 'page' : undefined}
            data-testid={`catalogue-section-${section.slug}`}
          >
            {t(section.label)}
          </Link>
        ))}
      </nav>
      <current.Component key={current.slug} />
    </div>
  );
}
