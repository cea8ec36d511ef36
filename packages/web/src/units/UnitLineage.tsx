import type { OrgUnitDetail } from '@ioc/shared';
import { Link } from 'react-router';
import { useI18n } from '../i18n/index.tsx';

type Mapping = OrgUnitDetail['predecessors'][number];

function MappingList({ mappings, testId }: { mappings: Mapping[]; testId: string }) {
  const { t } = useI18n();
  return (
    <ul className="mapping-list" data-testid={testId}>
      {mappings.map((mapping) => (
        <li key={mapping.id}>
          <Link to={`/units/${mapping.id}`}>{mapping.name}</Link>
          <span className="muted"> ({mapping.code})</span>
          {mapping.share < 1 && <span className="badge">{t('unit.share', { share: mapping.share })}</span>}
        </li>
      ))}
    </ul>
  );
}

/** Where the unit came from and where it went in the 2025 reorganisation. */
export function UnitLineage({ detail }: { detail: OrgUnitDetail }) {
  const { t } = useI18n();
  const { predecessors, successors } = detail;
  if (predecessors.length === 0 && successors.length === 0) return null;
  return (
    <section className="card" aria-labelledby="unit-lineage-title">
      <h2 id="unit-lineage-title">{t('unit.lineage')}</h2>
      {predecessors.length > 0 && (
        <>
          <h3>{t('unit.formedFrom', { count: predecessors.length })}</h3>
          <MappingList mappings={predecessors} testId="unit-predecessors" />
        </>
      )}
      {successors.length > 0 && (
        <>
          <h3>{t('unit.mergedInto')}</h3>
          <MappingList mappings={successors} testId="unit-successors" />
        </>
      )}
    </section>
  );
}
