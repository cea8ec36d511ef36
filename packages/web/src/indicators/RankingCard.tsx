import type { Indicator } from '@ioc/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { localName, type MessageKey, useI18n } from '../i18n/index.tsx';
import type { Direction } from './assess.ts';
import { CsvLink } from './CsvLink.tsx';
import { GrowthText } from './GrowthText.tsx';
import {
  edgeUnits,
  firstOrder,
  type RankingEntry,
  type RankingSortKey,
  type SortOrder,
  sortRanking,
} from './ranking.ts';
import { useFigures } from './useFigures.ts';

interface RankingCardProps {
  entries: readonly RankingEntry[];
  indicator: Indicator;
  direction: Direction;
  selectedUnit: string;
  /** The page's URL with another unit selected. */
  unitHref(unit: string): string;
  csvHref: string;
  /** Says what "% of plan" means for this indicator and period. */
  planNote: string;
}

const COLUMNS: { key: RankingSortKey; label: MessageKey; numeric: boolean }[] = [
  { key: 'rank', label: 'indicators.column.rank', numeric: true },
  { key: 'name', label: 'indicators.column.unit', numeric: false },
  { key: 'value', label: 'indicators.column.value', numeric: true },
  { key: 'percentOfPlan', label: 'indicators.column.plan', numeric: true },
  { key: 'growth', label: 'indicators.column.growth', numeric: true },
];

/** The 69 communes, best first; sortable by any column; those without a value always last. */
export function RankingCard(props: RankingCardProps) {
  const { entries, indicator, direction, selectedUnit, unitHref, csvHref, planNote } = props;
  const { t, lang } = useI18n();
  const figures = useFigures();
  const [sort, setSort] = useState<{ key: RankingSortKey; order: SortOrder }>({ key: 'rank', order: 'asc' });
  const sorted = useMemo(() => sortRanking(entries, sort.key, sort.order, lang), [entries, sort, lang]);
  const edges = useMemo(() => edgeUnits(entries), [entries]);
  const withValue = entries.filter((entry) => entry.value !== null).length;
  const wrap = useRef<HTMLDivElement>(null);

  // A commune chosen on the map is brought into the table's own view (not the page's, which goes to the top).
  useEffect(() => {
    const container = wrap.current;
    const row = container?.querySelector<HTMLElement>(`[data-testid="ranking-row-${CSS.escape(selectedUnit)}"]`);
    if (!container || !row) return;
    const top = row.offsetTop - container.clientHeight / 2;
    container.scrollTop = Math.max(0, top);
  }, [selectedUnit]);

  const toggle = (key: RankingSortKey) =>
    setSort((current) =>
      current.key === key ? { key, order: current.order === 'asc' ? 'desc' : 'asc' } : { key, order: firstOrder(key) },
    );

  return (
    <section className="card ranking-card" aria-labelledby="ranking-title">
      <header className="card-header">
        <div>
          <h2 id="ranking-title">{t('indicators.ranking.title')}</h2>
          <p className="muted small">
            {t('indicators.ranking.subtitle', { withValue, count: entries.length })}
            {direction === 'down' && ` · ${t('indicators.ranking.lowerBetter')}`}
          </p>
        </div>
        <CsvLink href={csvHref} testId="ranking-csv" />
      </header>
      <div className="table-wrap ranking-wrap" ref={wrap}>
        <table className="table ranking-table" data-testid="ranking-table">
          <caption className="visually-hidden">
            {t('indicators.ranking.caption', { name: localName(lang, indicator.name, indicator.nameEn) })}
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => {
                const active = sort.key === column.key;
                return (
                  <th
                    key={column.key}
                    scope="col"
                    className={column.numeric ? 'num' : undefined}
                    aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none'}
                  >
                    <button type="button" className="sort-button" onClick={() => toggle(column.key)}>
                      {t(column.label)}
                      <span aria-hidden="true" className="sort-mark">
                        {active ? (sort.order === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {sorted.map((entry) => {
              const edge = edges.top.has(entry.unit) ? 'top' : edges.bottom.has(entry.unit) ? 'bottom' : null;
              const classes = [
                edge ? `ranking-${edge}` : '',
                entry.value === null ? 'row-muted' : '',
                entry.unit === selectedUnit ? 'ranking-selected' : '',
              ].filter(Boolean);
              return (
                <tr
                  key={entry.unit}
                  className={classes.join(' ') || undefined}
                  data-testid={`ranking-row-${entry.unit}`}
                  data-value={entry.value ?? undefined}
                  aria-current={entry.unit === selectedUnit ? 'true' : undefined}
                >
                  <td className="num">
                    {entry.rank === null ? (
                      '—'
                    ) : (
                      <span className={edge ? `rank-badge rank-${edge}` : 'rank-badge'}>{entry.rank}</span>
                    )}
                  </td>
                  <th scope="row">
                    <Link to={unitHref(entry.unit)}>{localName(lang, entry.name, entry.nameEn)}</Link>
                  </th>
                  {entry.value === null ? (
                    <td colSpan={3} className="no-data">
                      {t('indicators.noData')}
                    </td>
                  ) : (
                    <>
                      <td className="num">{figures.fixed(entry.value, indicator.decimals)}</td>
                      <td className={`num tone-${entry.planTone}`}>
                        {entry.percentOfPlan === null ? '—' : figures.percent(entry.percentOfPlan)}
                      </td>
                      <td className="num">
                        <GrowthText growth={entry.growth} direction={direction} />
                      </td>
                    </>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted small ranking-note">
        {indicator.unit && `${t('indicators.ranking.valueUnit', { unit: figures.unit(indicator) })} `}
        {planNote}
      </p>
    </section>
  );
}
