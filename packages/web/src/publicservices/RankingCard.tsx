import { useMemo, useState } from 'react';
import { OrderToggle } from '../components/OrderToggle.tsx';
import { localName, useI18n } from '../i18n/index.tsx';
import { psNumbers } from './format.ts';
import { type RankingOrder, type RankingRow, rankByRate, sortRanking } from './ranking.ts';
import { scoreBand } from './score.ts';

interface RankingCardProps {
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
export function RankingCard({ by, rows, unplaced = 0, selectedKey, onPick, pickLabel, canPick }: RankingCardProps) {
  const { t, lang } = useI18n();
  const numbers = psNumbers(lang);
  const [order, setOrder] = useState<RankingOrder>('worstFirst');
  const sorted = useMemo(() => sortRanking(rows, order, lang), [rows, order, lang]);
  // The rank is the same whichever way the table is read: 1 is the highest on-time rate.
  const ranks = useMemo(() => rankByRate(rows, lang), [rows, lang]);
  const titleId = `ps-ranking-${by}-title`;

  return (
    <section className="card ps-ranking-card" aria-labelledby={titleId} data-testid={`ps-ranking-${by}`}>
      <header className="card-header">
        <div>
          <h2 id={titleId}>{t(by === 'agency' ? 'ps.ranking.agency.title' : 'ps.ranking.unit.title')}</h2>
          <p className="muted small">{t('ps.ranking.subtitle', { count: numbers.count(rows.length) })}</p>
        </div>
        {rows.length > 0 && (
          <OrderToggle
            order={order}
            onChange={setOrder}
            first="worstFirst"
            legend={t('ps.ranking.order')}
            testIdPrefix={`ps-ranking-${by}`}
            labels={{ bestFirst: t('ps.ranking.bestFirst'), worstFirst: t('ps.ranking.worstFirst') }}
          />
        )}
      </header>
      {rows.length === 0 ? (
        <p className="muted">{t('ps.ranking.empty')}</p>
      ) : (
        <div className="table-wrap ps-ranking-wrap">
          <table className="table ps-ranking-table">
            <caption className="visually-hidden">{t('ps.ranking.caption')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num ps-rank-col">
                  {t('ps.ranking.column.rank')}
                </th>
                <th scope="col">{t(by === 'agency' ? 'ps.ranking.column.agency' : 'ps.ranking.column.unit')}</th>
                <th scope="col" className="num ps-rate-col">
                  {t('ps.ranking.column.onTime')}
                </th>
                <th scope="col" className="num ps-count-col">
                  {t('ps.ranking.column.received')}
                </th>
                <th scope="col" className="num ps-count-col">
                  {t('ps.ranking.column.finished')}
                </th>
                <th scope="col" className="num ps-count-col" title={t('ps.ranking.column.overdueHint')}>
                  {t('ps.ranking.column.overdue')}
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((row) => {
                const name = localName(lang, row.name, row.nameEn);
                const pickable = onPick && (canPick?.(row) ?? true);
                const selected = row.key === selectedKey;
                return (
                  <tr
                    key={row.key}
                    className={selected ? 'ranking-selected' : undefined}
                    aria-current={selected ? 'true' : undefined}
                    data-testid={`ps-ranking-${by}-row-${row.key}`}
                    data-rate={row.onTimeRate ?? undefined}
                    data-received={row.received}
                  >
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
                        <span className="ps-rate-value">{numbers.rate(row.onTimeRate)}</span>
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
                    <td className="num">{numbers.count(row.received)}</td>
                    <td className="num">{numbers.count(row.finished)}</td>
                    <td className={row.overdue > 0 ? 'num ps-overdue-count' : 'num'}>{numbers.count(row.overdue)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {unplaced > 0 && <p className="muted small">{t('ps.ranking.unplaced', { count: numbers.count(unplaced) })}</p>}
    </section>
  );
}
