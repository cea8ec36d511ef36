import type { TaskSummary } from '@ioc/shared';
import { useMemo, useState } from 'react';
import { OrderToggle } from '../components/OrderToggle.tsx';
import { localName, useI18n } from '../i18n/index.tsx';
import { psNumbers } from '../publicservices/format.ts';
import { orderRanking, type RankingOrder, rateBand, unitRanking } from './ranking.ts';

/**
 * Lead units by on-time completion, best first, with their average delay and the reminders they received this year;
 * a unit reminded as often as the review threshold is flagged for a review of its head.
 */
export function UnitRankingCard({ summary }: { summary: TaskSummary }) {
  const { t, lang } = useI18n();
  const n = psNumbers(lang);
  const [order, setOrder] = useState<RankingOrder>('bestFirst');
  const ranking = useMemo(
    () => unitRanking(summary.units, summary.reviewThreshold, lang),
    [summary.units, summary.reviewThreshold, lang],
  );
  const rows = useMemo(() => orderRanking(ranking.rows, order), [ranking.rows, order]);
  const idle = ranking.idle;
  return (
    <section className="card dir-ranking-card" aria-labelledby="dir-ranking-title" data-testid="direction-ranking">
      <header className="card-header">
        <div>
          <h2 id="dir-ranking-title">{t('direction.ranking.title')}</h2>
          <p className="muted small">{t('direction.ranking.subtitle', { year: summary.from.slice(0, 4) })}</p>
        </div>
        {rows.length > 1 && (
          <OrderToggle
            order={order}
            onChange={setOrder}
            first="bestFirst"
            legend={t('direction.ranking.order')}
            testIdPrefix="ranking"
            labels={{ bestFirst: t('direction.ranking.bestFirst'), worstFirst: t('direction.ranking.worstFirst') }}
          />
        )}
      </header>
      {rows.length === 0 ? (
        <p className="muted">{t('direction.ranking.empty')}</p>
      ) : (
        <div className="table-wrap dir-ranking-wrap">
          <table className="table dir-table dir-ranking-table">
            <caption className="visually-hidden">{t('direction.ranking.title')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('direction.ranking.rank')}
                </th>
                <th scope="col">{t('direction.ranking.unit')}</th>
                <th scope="col" className="dir-rate-col">
                  {t('direction.ranking.onTime')}
                </th>
                <th scope="col" className="num">
                  {t('direction.ranking.delay')}
                </th>
                <th scope="col" className="num">
                  {t('direction.ranking.reminders')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.code}
                  data-testid={`ranking-row-${row.code}`}
                  data-rate={row.onTimeRate ?? undefined}
                  data-review={row.review}
                >
                  <td className="num muted">{row.rank ?? '—'}</td>
                  <th scope="row">
                    {localName(lang, row.name, row.nameEn)}
                    {row.review && (
                      <span
                        className="badge badge-danger"
                        title={t('direction.ranking.reviewHint', { count: summary.reviewThreshold })}
                      >
                        {t('direction.ranking.review')}
                      </span>
                    )}
                    <span className="muted small dir-task-doc">
                      {t('direction.ranking.openCount', { count: n.count(row.open) })}
                      {row.overdue > 0 && (
                        <span className="dir-tone-bad">
                          {' · '}
                          {t('direction.ranking.overdueCount', { count: n.count(row.overdue) })}
                        </span>
                      )}
                    </span>
                  </th>
                  <td className="dir-rate-col">
                    <span className="dir-rate-cell">
                      <span className="dir-rate-value">{n.rate(row.onTimeRate)}</span>
                      <span className="dir-bar dir-bar-thin" aria-hidden="true">
                        {row.onTimeRate !== null && (
                          <span
                            className={`dir-bar-fill dir-band-${rateBand(row.onTimeRate)}`}
                            style={{ width: `${Math.min(100, row.onTimeRate)}%` }}
                          />
                        )}
                      </span>
                    </span>
                  </td>
                  <td className="num">{row.averageDelayDays === null ? '—' : n.days(row.averageDelayDays)}</td>
                  <td className={row.review ? 'num dir-tone-bad' : 'num'}>{n.count(row.reminders)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small">
        {t('direction.ranking.note', { count: summary.reviewThreshold })}
        {idle > 0 && ` ${t('direction.ranking.idle', { count: n.count(idle) })}`}
      </p>
    </section>
  );
}
