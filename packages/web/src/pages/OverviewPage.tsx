import type { OrgUnit, OrgUnitGroup } from '@ioc/shared';
import { useMemo } from 'react';
import { useResource } from '../api/useResource.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { localName, useI18n } from '../i18n/index.tsx';
import { currentMonth } from '../indicators/periods.ts';
import { PROVINCE } from '../indicators/selection.ts';
import { useLiveEvent } from '../live/LiveContext.tsx';
import { GroupList } from './overview/GroupList.tsx';
import { HeadlineKpis } from './overview/HeadlineKpis.tsx';
import { LiveFeed } from './overview/LiveFeed.tsx';
import { OpenAlerts } from './overview/OpenAlerts.tsx';
import { ReportingDiscipline } from './overview/ReportingDiscipline.tsx';
import { UnitStats } from './overview/UnitStats.tsx';

/**
 * The leaders' landing page: the headline figures, open alerts and this month's reporting discipline first, each for
 * those allowed to see it; then the units, the urban centres and the live feed.
 */
export function OverviewPage() {
  const { t, lang } = useI18n();
  const { can, me } = useAuth();
  const mayReadUnits = can('orgunits.read');
  const mayReadIndicators = can('indicators.read');
  const mayReadAlerts = can('alerts.read');
  const units = useResource<OrgUnit[]>(mayReadUnits ? '/api/v1/orgunits' : null);
  const groups = useResource<OrgUnitGroup[]>(mayReadUnits ? '/api/v1/orgunit-groups' : null);
  const thisMonth = useMemo(() => currentMonth(new Date()), []);

  // Importing boundaries changes how many units have one; nothing else on this page changes at runtime.
  useLiveEvent('boundaries.imported', () => units.reload());

  // A commune officer's scope is their commune: the province's figures would only answer "out of scope".
  const scopeUnit = me?.orgUnit?.code ?? PROVINCE;
  const unitNames = useMemo(
    () => new Map((units.data ?? []).map((unit) => [unit.id, localName(lang, unit.name, unit.nameEn)])),
    [units.data, lang],
  );
  const scopeName =
    unitNames.get(scopeUnit) ?? (scopeUnit === PROVINCE ? t('indicators.province') : (me?.orgUnit?.name ?? scopeUnit));

  return (
    <div className="page overview-page">
      <header className="page-header">
        <h1>{t('overview.title')}</h1>
        <p className="muted">{t('overview.subtitle', { unit: me?.orgUnit?.name ?? t('app.province') })}</p>
      </header>
      {mayReadIndicators && <HeadlineKpis key={scopeUnit} unit={scopeUnit} unitName={scopeName} today={thisMonth} />}
      {(mayReadAlerts || mayReadIndicators) && (
        <div className="overview-summary">
          {mayReadAlerts && <OpenAlerts unitNames={unitNames} />}
          {mayReadIndicators && <ReportingDiscipline parent={scopeUnit} month={thisMonth} />}
        </div>
      )}
      <div className="overview-grid">
        <div className="overview-main">
          {mayReadUnits && units.error !== null && <ErrorNotice error={units.error} onRetry={units.reload} />}
          {mayReadUnits && units.loading && !units.data && <LoadingBlock />}
          {units.data && <UnitStats units={units.data} />}
          {mayReadUnits && groups.error !== null && <ErrorNotice error={groups.error} onRetry={groups.reload} />}
          {groups.data && <GroupList groups={groups.data} units={units.data ?? []} />}
        </div>
        <LiveFeed />
      </div>
    </div>
  );
}
