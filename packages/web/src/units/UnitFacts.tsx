import type { OrgUnitDetail } from '@ioc/shared';
import { Link } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { kindLabel } from './kind.ts';

export function UnitFacts({ detail }: { detail: OrgUnitDetail }) {
  const { t, fmt } = useI18n();
  const { unit, parent, children } = detail;
  const [lon, lat] = unit.centroid ?? [];

  return (
    <section className="card" aria-labelledby="unit-facts-title">
      <h2 id="unit-facts-title">{t('unit.facts')}</h2>
      <dl className="facts">
        <dt>{t('unit.name')}</dt>
        <dd>{unit.name}</dd>
        {unit.nameEn && unit.nameEn !== unit.name && (
          <>
            <dt>{t('unit.nameEn')}</dt>
            <dd lang="en">{unit.nameEn}</dd>
          </>
        )}
        <dt>{t('unit.kind')}</dt>
        <dd>{kindLabel(t, unit.kind)}</dd>
        <dt>{t('unit.code')}</dt>
        <dd>{unit.code}</dd>
        <dt>{t('unit.area')}</dt>
        <dd>{unit.areaKm2 === null ? '—' : `${fmt.number(unit.areaKm2)} km²`}</dd>
        <dt>{t('unit.centroid')}</dt>
        <dd>{lat === undefined || lon === undefined ? '—' : t('unit.centroidValue', { lat, lon })}</dd>
        <dt>{t('unit.boundary')}</dt>
        <dd>{unit.hasGeometry ? t('unit.boundaryYes') : t('unit.boundaryNo')}</dd>
        <dt>{t('unit.validity')}</dt>
        <dd data-testid="unit-validity">
          {unit.validTo
            ? t('unit.closedSince', { date: new Date(unit.validTo) })
            : unit.validFrom
              ? t('unit.validSince', { date: new Date(unit.validFrom) })
              : t('unit.valid')}
        </dd>
        {parent && (
          <>
            <dt>{t('unit.parent')}</dt>
            <dd>
              <Link to={`/units/${parent.id}`}>{parent.name}</Link>
            </dd>
          </>
        )}
      </dl>
      {children.length > 0 && (
        <>
          <h3>{t('unit.children', { count: children.length })}</h3>
          <p className="chips">
            {children.map((child) => (
              <Link key={child.id} to={`/units/${child.id}`} className="chip" title={kindLabel(t, child.kind)}>
                {child.name}
              </Link>
            ))}
          </p>
        </>
      )}
      {detail.groups.length > 0 && (
        <>
          <h3>{t('unit.groups')}</h3>
          <p className="chips">
            {detail.groups.map((group) => (
              <span key={group.code} className="chip chip-static">
                {group.name}
              </span>
            ))}
          </p>
        </>
      )}
    </section>
  );
}
