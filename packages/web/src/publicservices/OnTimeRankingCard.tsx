import { useMemo, useState } from 'react';
import { OrderToggle } from '../components/OrderToggle.tsx';
import { RankingCard, type RankingRow as TableRow } from '../components/RankingCard.tsx';
import { localName, useI18n } from '../i18n/index.tsx';
import { type RankingOrder, type RankingRow, rankByRate, sortRanking } from './ranking.ts';
import { scoreBand } from './score.ts';

interface OnTimeRankingCardProps {
  by: 'agency' | 'unit';
  rows: RankingRow[];
  /** Received dossiers left out (unmatched agencies), said under the table. */
  unplaced?: number;
  /** The row shown as selected (the unit of the page, the agency of the overdue list). */
  selectedKey: string | null;
  onPick?(row: RankingRow): void;
  /** The row's button label when it can be picked. */
  pickLabel?: (name: string) => string;
  canPick?(row: RankingRow): boolean;
}

/** Agencies or communes by on-time rate, worst first; a name is a button when picking it does something. */
export function OnTimeRankingCard(props: OnTimeRankingCardProps) {
  const { by, rows, unplaced = 0, selectedKey, onPick, pickLabel, canPick } = props;
  const { t, lang, fmt } = useI18n();
  const [order, setOrder] = useState<RankingOrder>('worstFirst');
  const sorted = useMemo(() => sortRanking(rows, order, lang), [rows, order, lang]);
  // The rank is the same whichever way the table is read: 1 is the highest on-time rate.
  const ranks = useMemo(() => rankByRate(rows, lang), [rows, lang]);

  const tableRows: TableRow[] = sorted.map((row) => {
    const name = localName(lang, row.name, row.nameEn);
    const pickable = onPick && (canPick?.(row) ?? true);
    return {
      key: row.key,
      testId: `ps-ranking-${by}-row-${row.key}`,
      selected: row.key === selectedKey,
      data: { 'data-rate': row.onTimeRate ?? undefined, 'data-received': row.received },
      cells: (
        <>
          <td className="num muted">{ranks.get(row.key) ?? '—'}</td>
          <th scope="row">
            {pickable ? (
              <button
                type="button"
                className="link-button"
                onClick={() => onPick(row)}
                aria-label={pickLabel?.(name)}
                title={pickLabel?.(name)}
              >
                {name}
              </button>
            ) : (
              name
            )}
            {by === 'agency' && row.unitId === null && (
              <span className="badge badge-muted">{t('ps.ranking.unmatched')}</span>
            )}
          </th>
          <td className="ps-rate-col">
            <span className="ps-rate-cell">
              <span className="ps-rate-value">{fmt.rate(row.onTimeRate)}</span>
              <span className="ps-bar ps-bar-thin" aria-hidden="true">
                {row.onTimeRate !== null && (
                  <span
                    className={`ps-bar-fill ps-band-bg-${scoreBand(row.onTimeRate)}`}
                    style={{ width: `${Math.min(100, row.onTimeRate)}%` }}
                  />
                )}
              </span>
            </span>
          </td>
          <td className="num">{fmt.count(row.received)}</td>
          <td className="num">{fmt.count(row.finished)}</td>
          <td className={row.overdue > 0 ? 'num ps-overdue-count' : 'num'}>{fmt.count(row.overdue)}</td>
        </>
      ),
    };
  });

  return (
    <RankingCard
      titleId={`ps-ranking-${by}-title`}
      title={t(by === 'agency' ? 'ps.ranking.agency.title' : 'ps.ranking.unit.title')}
      subtitle={t('ps.ranking.subtitle', { count: rows.length })}
      testId={`ps-ranking-${by}`}
      classNames={{ card: 'ps-ranking-card', wrap: 'ps-ranking-wrap', table: 'ps-ranking-table' }}
      actions={
        rows.length > 0 && (
          <OrderToggle
            order={order}
            onChange={setOrder}
            first="worstFirst"
            legend={t('ps.ranking.order')}
            testIdPrefix={`ps-ranking-${by}`}
            labels={{ bestFirst: t('ps.ranking.bestFirst'), worstFirst: t('ps.ranking.worstFirst') }}
          />
        )
      }
      caption={t('ps.ranking.caption')}
      columns={[
        { key: 'rank', label: t('ps.ranking.column.rank'), className: 'num ps-rank-col' },
        { key: 'name', label: t(by === 'agency' ? 'ps.ranking.column.agency' : 'ps.ranking.column.unit') },
        { key: 'rate', label: t('ps.ranking.column.onTime'), className: 'num ps-rate-col' },
        { key: 'received', label: t('ps.ranking.column.received'), className: 'num ps-count-col' },
        { key: 'finished', label: t('ps.ranking.column.finished'), className: 'num ps-count-col' },
        {
          key: 'overdue',
          label: t('ps.ranking.column.overdue'),
          className: 'num ps-count-col',
          title: t('ps.ranking.column.overdueHint'),
        },
      ]}
      rows={tableRows}
      empty={t('ps.ranking.empty')}
      footer={unplaced > 0 && <p className="muted small">{t('ps.ranking.unplaced', { count: unplaced })}</p>}
    />
  );
}
