import type { Indicator } from '@ioc/shared';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { RankingCard, type RankingColumn, type RankingRow } from '../components/RankingCard.tsx';
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

interface CommuneRankingCardProps {
  entries: readonly RankingEntry[];
  indicator: Indicator;
  direction: Direction;
  selectedUnit: string;
  /** The page's URL with another unit selected. */
  unitHref(unit: string): string;
  csvHref: string;
  /** Says what each figure is computed on: the period's value, the year to date, "% of plan". */
  planNote: string;
  /** A yearly period is its own year to date: no column for it. */
  showYearToDate: boolean;
}

const COLUMNS: { key: RankingSortKey; label: MessageKey; numeric: boolean }[] = [
  { key: 'rank', label: 'indicators.column.rank', numeric: true },
  { key: 'name', label: 'indicators.column.unit', numeric: false },
  { key: 'value', label: 'indicators.column.value', numeric: true },
  { key: 'yearToDate', label: 'indicators.column.yearToDate', numeric: true },
  { key: 'percentOfPlan', label: 'indicators.column.plan', numeric: true },
  { key: 'growth', label: 'indicators.column.growth', numeric: true },
];

/** The 69 communes, best first; sortable by any column; those without a value always last. */
export function CommuneRankingCard(props: CommuneRankingCardProps) {
  const { entries, indicator, direction, selectedUnit, unitHref, csvHref, planNote, showYearToDate } = props;
  const { t, lang } = useI18n();
  const figures = useFigures();
  const [sort, setSort] = useState<{ key: RankingSortKey; order: SortOrder }>({ key: 'rank', order: 'asc' });
  const sorted = useMemo(() => sortRanking(entries, sort.key, sort.order, lang), [entries, sort, lang]);
  const edges = useMemo(() => edgeUnits(entries), [entries]);
  const withValue = entries.filter((entry) => entry.value !== null).length;

  const toggle = (key: RankingSortKey) =>
    setSort((current) =>
      current.key === key ? { key, order: current.order === 'asc' ? 'desc' : 'asc' } : { key, order: firstOrder(key) },
    );
  const shownColumns = COLUMNS.filter((column) => showYearToDate || column.key !== 'yearToDate');
  const columns: RankingColumn[] = shownColumns.map((column) => ({
    key: column.key,
    label: t(column.label),
    className: column.numeric ? 'num' : undefined,
    sort: { active: sort.key === column.key, order: sort.order, onToggle: () => toggle(column.key) },
  }));

  const rows: RankingRow[] = sorted.map((entry) => {
    const edge = edges.top.has(entry.unit) ? 'top' : edges.bottom.has(entry.unit) ? 'bottom' : null;
    return {
      key: entry.unit,
      testId: `ranking-row-${entry.unit}`,
      className: [edge ? `ranking-${edge}` : '', entry.value === null ? 'row-muted' : ''].filter(Boolean).join(' '),
      selected: entry.unit === selectedUnit,
      data: {
        'data-value': entry.value ?? undefined,
        'data-year-to-date': entry.yearToDate ?? undefined,
        'data-percent-of-plan': entry.percentOfPlan ?? undefined,
      },
      cells: (
        <>
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
            <td colSpan={shownColumns.length - 2} className="no-data">
              {t('indicators.noData')}
            </td>
          ) : (
            <>
              <td className="num">{figures.fixed(entry.value, indicator.decimals)}</td>
              {showYearToDate && (
                <td
                  className="num"
                  title={entry.yearToDate === null ? t('indicators.ranking.noYearToDate') : undefined}
                >
                  {entry.yearToDate === null ? '—' : figures.fixed(entry.yearToDate, indicator.decimals)}
                </td>
              )}
              <td
                className={`num tone-${entry.planTone}`}
                title={
                  entry.percentOfPlan === null && entry.target !== null && entry.yearToDate === null
                    ? t('indicators.ranking.noYearToDate')
                    : undefined
                }
              >
                {entry.percentOfPlan === null ? '—' : figures.percent(entry.percentOfPlan)}
              </td>
              <td className="num">
                <GrowthText growth={entry.growth} direction={direction} />
              </td>
            </>
          )}
        </>
      ),
    };
  });

  return (
    <RankingCard
      titleId="ranking-title"
      title={t('indicators.ranking.title')}
      subtitle={
        <>
          {t('indicators.ranking.subtitle', { withValue, count: entries.length })}
          {direction === 'down' && ` · ${t('indicators.ranking.lowerBetter')}`}
        </>
      }
      classNames={{ card: 'ranking-card', wrap: 'ranking-wrap', table: 'ranking-table' }}
      actions={<CsvLink href={csvHref} testId="ranking-csv" />}
      caption={t('indicators.ranking.caption', { name: localName(lang, indicator.name, indicator.nameEn) })}
      columns={columns}
      rows={rows}
      tableTestId="ranking-table"
      followSelection
      footer={
        <p className="muted small ranking-note">
          {indicator.unit && `${t('indicators.ranking.valueUnit', { unit: figures.unit(indicator) })} `}
          {planNote}
        </p>
      }
    />
  );
}
