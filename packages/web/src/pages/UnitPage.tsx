import { Link, useParams } from 'react-router';
import { useApiQuery } from '../api/queries.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { localName, useI18n } from '../i18n/index.tsx';
import { kindLabel } from '../units/kind.ts';
import { UnitFacts } from '../units/UnitFacts.tsx';
import { UnitLineage } from '../units/UnitLineage.tsx';
import { UnitProfileCard } from '../units/UnitProfileCard.tsx';

export function UnitPage() {
  const { t, lang } = useI18n();
  const { id = '' } = useParams();
  const detail = useApiQuery('GET /api/v1/orgunits/:id', { params: { id } });

  const unit = detail.data?.unit ?? null;

  return (
    <div className="page">
      <nav className="breadcrumb" aria-label={t('unit.breadcrumb')}>
        <Link to="/map">{t('nav.map')}</Link>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{unit ? localName(lang, unit.name, unit.nameEn) : id}</span>
      </nav>
      {detail.error !== null && <ErrorNotice error={detail.error} onRetry={detail.refetch} />}
      {detail.isLoading && <LoadingBlock />}
      {unit && detail.data && (
        <>
          <header className="page-header">
            <h1 data-testid="unit-name">{localName(lang, unit.name, unit.nameEn)}</h1>
            <p className="muted">
              {kindLabel(t, unit.kind)} · {t('unit.code')} {unit.code}
              {unit.validTo && <span className="badge badge-muted">{t('unit.closedBadge')}</span>}
            </p>
          </header>
          <div className="unit-grid">
            <UnitFacts detail={detail.data} />
            <UnitLineage detail={detail.data} />
            <UnitProfileCard key={unit.id} unitId={unit.id} closed={unit.validTo !== null} />
          </div>
        </>
      )}
    </div>
  );
}
