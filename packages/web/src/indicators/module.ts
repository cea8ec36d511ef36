import { lazyComponent } from '../shell/lazyComponent.ts';
import type { Subsystem } from '../shell/subsystem.ts';
import { catalogueEn } from './catalogue/i18n.en.ts';
import { catalogueVi } from './catalogue/i18n.vi.ts';
import { dataEntryEn } from './data/i18n.en.ts';
import { dataEntryVi } from './data/i18n.vi.ts';
import { INDICATOR_EVENTS } from './events.ts';
import { indicatorsEn } from './i18n.en.ts';
import { indicatorsVi } from './i18n.vi.ts';
import { HeadlineKpis } from './overview/HeadlineKpis.tsx';
import { ReportingDiscipline } from './overview/ReportingDiscipline.tsx';

/** Subsystem 1, socio-economic indicators: the indicators page, data entry and import, reporting discipline. */
export const indicators: Subsystem = {
  number: 1,
  routes: [
    {
      path: '/indicators',
      anyOf: ['indicators.read'],
      page: lazyComponent(() => import('./IndicatorsPage.tsx').then((m) => m.IndicatorsPage)),
    },
    {
      path: '/data',
      anyOf: ['indicators.write', 'ingest.write'],
      page: lazyComponent(() => import('./data/DataEntryPage.tsx').then((m) => m.DataEntryPage)),
    },
    {
      path: '/data/discipline',
      anyOf: ['indicators.read'],
      page: lazyComponent(() => import('./discipline/DisciplinePage.tsx').then((m) => m.DisciplinePage)),
    },
  ],
  navigation: [
    { path: '/indicators', testId: 'indicators', label: 'nav.indicators', anyOf: ['indicators.read'], number: 1 },
    // Data entry and import is for those who enter or push data.
    {
      path: '/data',
      testId: 'data',
      label: 'nav.data',
      anyOf: ['indicators.write', 'ingest.write'],
      icon: 'data',
      order: 40,
    },
    // Leaders follow who reports late; it sits under the data page it is reached from.
    {
      path: '/data/discipline',
      testId: 'data-discipline',
      label: 'discipline.title',
      anyOf: ['indicators.read'],
      icon: 'discipline',
      order: 41,
    },
  ],
  adminTabs: [
    {
      slug: 'catalogue',
      label: 'catalogue.tab',
      permission: 'indicators.manage',
      Component: lazyComponent(() => import('./catalogue/CatalogueTab.tsx').then((m) => m.CatalogueTab)),
    },
  ],
  overview: [
    {
      id: 'indicators-kpis',
      place: 'headline',
      anyOf: ['indicators.read'],
      Component: HeadlineKpis,
    },
    {
      id: 'indicators-discipline',
      place: 'summary',
      anyOf: ['indicators.read'],
      Component: ReportingDiscipline,
    },
  ],
  related: [
    {
      topic: 'health',
      id: 'indicators-health',
      anyOf: ['indicators.read'],
      Component: lazyComponent(() => import('./related/HealthIndicators.tsx').then((m) => m.HealthIndicators)),
    },
  ],
  events: INDICATOR_EVENTS,
  messages: {
    vi: { ...indicatorsVi, ...dataEntryVi, ...catalogueVi },
    en: { ...indicatorsEn, ...dataEntryEn, ...catalogueEn },
  },
};
