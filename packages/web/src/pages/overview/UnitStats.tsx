import type { OrgUnit } from '@ioc/shared';
import { useMemo } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { countUnits } from './unitCounts.ts';

export function UnitStats({ units }: { units: OrgUnit[] }) {
  const { t, fmt } = useI18n();
  const counts = useMemo(() => countUnits(units), [units]);
  const wardShare = counts.local > 0 ? counts.wards / counts.local : 0;

  return (
    <section className="card" aria-labelledby="unit-stats-title">
      <h2 id="unit-stats-title">{t('overview.units.title')}</h2>
      <dl className="stats">
        <div className="stat stat-primary" data-testid="stat-local">
          <dt>{t('overview.units.local')}</dt>
          <dd>{fmt.number(counts.local)}</dd>
        </div>
        <div className="stat" data-testid="stat-wards">
          <dt>{t('overview.units.wards')}</dt>
          <dd>{fmt.number(counts.wards)}</dd>
        </div>
        <div className="stat" data-testid="stat-communes">
          <dt>{t('overview.units.communes')}</dt>
          <dd>{fmt.number(counts.communes)}</dd>
        </div>
        <div className="stat">
          <dt>{t('overview.units.area')}</dt>
          <dd>
            {fmt.number(counts.areaKm2, 0)} <small>km²</small>
          </dd>
        </div>
      </dl>
      {counts.local > 0 && (
        <div
          className="split-bar"
          role="img"
          aria-label={t('overview.units.split', { wards: counts.wards, communes: counts.communes })}
        >
          <span className="split-ward" style={{ width: `${wardShare * 100}%` }} />
          <span className="split-commune" style={{ width: `${(1 - wardShare) * 100}%` }} />
        </div>
      )}
      <ul className="legend-inline">
        <li>
          <span className="swatch swatch-ward" aria-hidden="true" />
          {t('kind.ward')} · {fmt.percent(wardShare)}
        </li>
        <li>
          <span className="swatch swatch-commune" aria-hidden="true" />
          {t('kind.commune')} · {fmt.percent(counts.local > 0 ? counts.communes / counts.local : 0)}
        </li>
      </ul>
      <p className="muted small">
        {t('overview.units.footnote', {
          closed: counts.closed,
          withBoundary: counts.withBoundary,
          local: counts.local,
        })}
      </p>
    </section>
  );
}
