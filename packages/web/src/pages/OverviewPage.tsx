import type { OrgUnit, OrgUnitGroup } from '@ioc/shared';
import { useResource } from '../api/useResource.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { useT } from '../i18n/index.tsx';
import { useLiveEvent } from '../live/LiveContext.tsx';
import { GroupList } from './overview/GroupList.tsx';
import { LiveFeed } from './overview/LiveFeed.tsx';
import { UnitStats } from './overview/UnitStats.tsx';

export function OverviewPage() {
  const t = useT();
  const { can, me } = useAuth();
  const mayReadUnits = can('orgunits.read');
  const units = useResource<OrgUnit[]>(mayReadUnits ? '/api/v1/orgunits' : null);
  const groups = useResource<OrgUnitGroup[]>(mayReadUnits ? '/api/v1/orgunit-groups' : null);

  // Importing boundaries changes how many units have one; nothing else on this page changes at runtime.
  useLiveEvent('boundaries.imported', () => units.reload());

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('overview.title')}</h1>
        <p className="muted">{t('overview.subtitle', { unit: me?.orgUnit?.name ?? t('app.province') })}</p>
      </header>
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
