import { Suspense, useMemo } from 'react';
import { useApiQuery } from '../api/queries.ts';
import { useAuth, useHomeUnit, useMe } from '../auth/AuthContext.tsx';
import { currentMonth } from '../calendar/days.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { localName, useI18n } from '../i18n/index.tsx';
import { useLiveReload } from '../live/useLiveReload.ts';
import { SUBSYSTEMS } from '../modules.ts';
import type { OverviewScope, OverviewSection } from '../shell/subsystem.ts';
import { GroupList } from './overview/GroupList.tsx';
import { LiveFeed } from './overview/LiveFeed.tsx';
import { OpenAlerts } from './overview/OpenAlerts.tsx';
import { UnitStats } from './overview/UnitStats.tsx';

const SECTIONS: readonly OverviewSection[] = SUBSYSTEMS.flatMap((subsystem) => subsystem.overview ?? []);

function Sections({ sections, scope }: { sections: readonly OverviewSection[]; scope: OverviewScope }) {
  return sections.map(({ id, Component }) => (
    <Suspense key={id} fallback={<LoadingBlock />}>
      <Component key={scope.unit} {...scope} />
    </Suspense>
  ));
}

/**
 * The leaders' landing page: the subsystems' headline sections, open alerts and the subsystems' summaries first, each
 * for those allowed to see it; then the units, the urban centres and the live feed.
 */
export function OverviewPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const me = useMe();
  const mayReadUnits = can('orgunits.read');
  const mayReadAlerts = can('alerts.read');
  const units = useApiQuery('GET /api/v1/orgunits', mayReadUnits ? {} : null);
  const groups = useApiQuery('GET /api/v1/orgunit-groups', mayReadUnits ? {} : null);
  const thisMonth = useMemo(() => currentMonth(new Date()), []);

  // Importing boundaries changes how many units have one; nothing else on this page changes at runtime.
  useLiveReload('boundaries.imported', ['GET /api/v1/orgunits']);

  // A commune officer's scope is their commune: the province's figures would only answer "out of scope".
  const scopeUnit = useHomeUnit();
  const unitNames = useMemo(
    () => new Map((units.data ?? []).map((unit) => [unit.id, localName(lang, unit.name, unit.nameEn)])),
    [units.data, lang],
  );
  const own = me.orgUnit ?? me.rootUnit;
  const ownName = localName(lang, own.name, own.nameEn);
  const scope: OverviewScope = {
    unit: scopeUnit,
    unitName: unitNames.get(scopeUnit) ?? ownName,
    month: thisMonth,
  };
  const visible = SECTIONS.filter((section) => section.anyOf.some(can));
  const headline = visible.filter((section) => section.place === 'headline');
  const summary = visible.filter((section) => section.place === 'summary');

  return (
    <div className="page overview-page">
      <header className="page-header">
        <h1>{t('overview.title')}</h1>
        <p className="muted">{t('overview.subtitle', { unit: ownName })}</p>
      </header>
      <Sections sections={headline} scope={scope} />
      {(mayReadAlerts || summary.length > 0) && (
        <div className="overview-summary">
          {mayReadAlerts && <OpenAlerts unitNames={unitNames} />}
          <Sections sections={summary} scope={scope} />
        </div>
      )}
      <div className="overview-grid">
        <div className="overview-main">
          {mayReadUnits && units.error !== null && <ErrorNotice error={units.error} onRetry={units.refetch} />}
          {mayReadUnits && units.isLoading && <LoadingBlock />}
          {units.data && <UnitStats units={units.data} />}
          {mayReadUnits && groups.error !== null && <ErrorNotice error={groups.error} onRetry={groups.refetch} />}
          {groups.data && <GroupList groups={groups.data} units={units.data ?? []} />}
        </div>
        <LiveFeed />
      </div>
    </div>
  );
}
