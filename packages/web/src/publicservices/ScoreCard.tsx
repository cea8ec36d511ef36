import type { PsScore } from '@ioc/shared';
import { useMemo } from 'react';
import { useChart } from '../charts/useChart.ts';
import { useThemeColours } from '../charts/useThemeColours.ts';
import { useI18n } from '../i18n/index.tsx';
import { buildGaugeOption } from './chartOptions.ts';
import { psColours } from './charts.ts';
import { criterionName, type GroupRow, groupName, type ScoreBand, scoreView } from './score.ts';

const BAND_KEYS = {
  weak: 'ps.band.weak',
  average: 'ps.band.average',
  good: 'ps.band.good',
  excellent: 'ps.band.excellent',
} as const satisfies Record<ScoreBand, string>;

/** The Decision 766 index: a gauge of the known points and the five groups, each opening onto its criteria. */
export function ScoreCard({ score }: { score: PsScore }) {
  const { t, fmt } = useI18n();
  const colours = useThemeColours(psColours);
  const view = useMemo(() => scoreView(score), [score]);
  const option = useMemo(() => buildGaugeOption(view, colours), [view, colours]);
  const gauge = useChart(option);
  const names = (ids: string[]) =>
    ids.map((id) => groupName(t, view.groups.find((g) => g.id === id) ?? { id, name: id })).join('; ');

  const headline = !view.hasData
    ? t('ps.score.empty')
    : view.complete
      ? `${fmt.fixed(view.total, 1)}/${view.maxPoints}`
      : t('ps.score.known', { total: view.total, max: view.maxAvailable });

  return (
    <section
      className="card ps-score-card"
      aria-labelledby="ps-score-title"
      data-testid="ps-score"
      data-complete={view.complete}
      data-total={view.total}
    >
      <header className="card-header">
        <div>
          <h2 id="ps-score-title">{t('ps.score.title')}</h2>
          <p className="muted small">{t('ps.score.subtitle')}</p>
        </div>
      </header>
      <div className="ps-score-body">
        <div className="ps-gauge-column">
          <div className="ps-gauge-frame">
            <div ref={gauge} className="ps-gauge" role="img" aria-label={t('ps.score.gaugeAria', { text: headline })} />
            <div className="ps-gauge-centre" aria-hidden="true">
              {view.hasData ? (
                <>
                  <span className={view.band ? `ps-gauge-value ps-band-text-${view.band}` : 'ps-gauge-value'}>
                    {fmt.fixed(view.total, 1)}
                  </span>
                  <span className="ps-gauge-unit">
                    {view.complete
                      ? t('ps.score.outOf', { max: view.maxPoints })
                      : t('ps.score.knownShort', { max: view.maxAvailable })}
                  </span>
                </>
              ) : (
                <span className="ps-gauge-unit">—</span>
              )}
            </div>
          </div>
          {view.hasData && (
            <p className="ps-grade" data-testid="ps-grade">
              {view.band ? (
                <span className={`ps-band-badge ps-band-${view.band}`}>{t(BAND_KEYS[view.band])}</span>
              ) : (
                <span className="badge badge-warning">{t('ps.band.notGraded')}</span>
              )}
            </p>
          )}
          {!view.hasData && <p className="muted small ps-score-note">{t('ps.score.empty')}</p>}
          {view.hasData && !view.complete && (
            <p className="muted small ps-score-note">
              {t('ps.score.range', {
                low: view.possible.low,
                high: view.possible.high,
              })}
            </p>
          )}
          <p className="muted small ps-score-note">{t('ps.score.bands')}</p>
        </div>
        <div className="ps-groups">
          <h3>{t('ps.groups.title')}</h3>
          {view.hasData && view.missingGroups.length > 0 && (
            <p className="small ps-missing" data-testid="ps-missing-groups">
              {t('ps.score.missing', { groups: names(view.missingGroups) })}
            </p>
          )}
          <ul className="ps-group-list">
            {view.groups.map((group) => (
              <GroupItem key={group.id} group={group} />
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}

function GroupItem({ group }: { group: GroupRow }) {
  const { t, fmt } = useI18n();
  const name = groupName(t, group);
  return (
    <li className={`ps-group ps-group-${group.state}`} data-testid={`ps-group-${group.id}`} data-state={group.state}>
      <details>
        <summary>
          <span className="ps-group-head">
            <span className="ps-group-name">
              {name}
              {group.state === 'missing' && <span className="badge badge-muted">{t('ps.group.missing')}</span>}
              {group.state === 'partial' && <span className="badge badge-warning">{t('ps.group.partial')}</span>}
            </span>
            <span className="ps-group-points">
              {group.points === null
                ? t('ps.group.pointsUnknown', { max: group.maxPoints })
                : t('ps.group.points', { points: group.points, max: group.maxPoints })}
            </span>
          </span>
          <span className="ps-bar" aria-hidden="true">
            {group.share !== null && <span className="ps-bar-fill" style={{ width: `${group.share * 100}%` }} />}
            {group.state === 'partial' && (
              <span
                className="ps-bar-unknown"
                style={{ left: `${(group.knownMax / group.maxPoints) * 100}%`, right: 0 }}
              />
            )}
            {group.state === 'missing' && <span className="ps-bar-unknown" style={{ left: 0, right: 0 }} />}
          </span>
        </summary>
        <table className="ps-criteria">
          <caption className="visually-hidden">{name}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ps.criterion.column.name')}</th>
              <th scope="col" className="num">
                {t('ps.criterion.column.rate')}
              </th>
              <th scope="col" className="num">
                {t('ps.criterion.column.threshold')}
              </th>
              <th scope="col" className="num">
                {t('ps.criterion.column.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {group.criteria.map((criterion) => (
              <tr key={criterion.id} className={criterion.rate === null ? 'ps-criterion-missing' : undefined}>
                <th scope="row">{criterionName(t, criterion)}</th>
                <td className="num">
                  {criterion.rate === null ? (
                    <span className="muted">{t('ps.criterion.noInput')}</span>
                  ) : (
                    fmt.rate(criterion.rate)
                  )}
                </td>
                <td className="num">{fmt.number(criterion.threshold, 1)}%</td>
                <td className="num">
                  {fmt.fixed(criterion.points, 1)}/{fmt.number(criterion.maxPoints, 1)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </li>
  );
}
