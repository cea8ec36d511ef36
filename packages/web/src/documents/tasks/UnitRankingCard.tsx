import type { TaskSummary } from '@ioc/shared';
import { useMemo, useState } from 'react';
import { OrderToggle } from '../../components/OrderToggle.tsx';
import { RankingCard, type RankingRow } from '../../components/RankingCard.tsx';
import { localName, useI18n } from '../../i18n/index.tsx';
import { orderUnitRanking, type RankingOrder, rateBand, unitRanking } from './ranking.ts';

/**
 * Lead units by on-time completion, best first, with their average delay and the reminders they received this year;
 * a unit reminded as often as the review threshold is flagged for a review of its head.
 */
export function UnitRankingCard({ summary }: { summary: TaskSummary }) {
  const { t, lang, fmt } = useI18n();
  const [order, setOrder] = useState<RankingOrder>('bestFirst');
  const ranking = useMemo(
    () => unitRanking(summary.units, summary.reviewThreshold, lang),
    [summary.units, summary.reviewThreshold, lang],
  );
  const ordered = useMemo(() => orderUnitRanking(ranking.rows, order), [ranking.rows, order]);
  const idle = ranking.idle;

  const rows: RankingRow[] = ordered.map((row) => ({
    key: row.code,
    testId: `ranking-row-${row.code}`,
    data: {
      'data-rate': row.onTimeRate ?? undefined,
      'data-review': row.review,
      'data-open': row.open,
      'data-overdue': row.overdue,
    },
    cells: (
      <>
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
            {t('direction.ranking.openCount', { count: row.open })}
            {row.overdue > 0 && (
              <span className="dir-tone-bad">
                {' · '}
                {t('direction.ranking.overdueCount', { count: row.overdue })}
              </span>
            )}
          </span>
        </th>
        <td className="dir-rate-col">
          <span className="dir-rate-cell">
            <span className="dir-rate-value">{fmt.rate(row.onTimeRate)}</span>
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
        <td className="num">{row.averageDelayDays === null ? '—' : fmt.fixed(row.averageDelayDays, 1)}</td>
        <td className={row.review ? 'num dir-tone-bad' : 'num'}>{fmt.count(row.reminders)}</td>
      </>
    ),
  }));

  return (
    <RankingCard
      titleId="dir-ranking-title"
      title={t('direction.ranking.title')}
      subtitle={t('direction.ranking.subtitle')}
      testId="direction-ranking"
      classNames={{ card: 'dir-ranking-card', wrap: 'dir-ranking-wrap', table: 'dir-table dir-ranking-table' }}
      actions={
        rows.length > 1 && (
          <OrderToggle
            order={order}
            onChange={setOrder}
            first="bestFirst"
            legend={t('direction.ranking.order')}
            testIdPrefix="ranking"
            labels={{ bestFirst: t('direction.ranking.bestFirst'), worstFirst: t('direction.ranking.worstFirst') }}
          />
        )
      }
      caption={t('direction.ranking.title')}
      columns={[
        { key: 'rank', label: t('direction.ranking.rank'), className: 'num' },
        { key: 'unit', label: t('direction.ranking.unit') },
        { key: 'rate', label: t('direction.ranking.onTime'), className: 'dir-rate-col' },
        { key: 'delay', label: t('direction.ranking.delay'), className: 'num' },
        { key: 'reminders', label: t('direction.ranking.reminders'), className: 'num' },
      ]}
      rows={rows}
      empty={t('direction.ranking.empty')}
      footer={
        <p className="muted small">
          {t('direction.ranking.note', { count: summary.reviewThreshold })}
          {idle > 0 && ` ${t('direction.ranking.idle', { count: idle })}`}
        </p>
      }
    />
  );
}
