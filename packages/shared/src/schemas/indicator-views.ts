import { type Static, Type } from 'typebox';
import { Nullable, OrgUnitCode, PeriodId, periodId } from './common.ts';

const IndicatorCode = Type.String({ pattern: '^[A-Z0-9_]{2,40}$' });
const Format = Type.Optional(
  Type.Union([Type.Literal('json'), Type.Literal('csv')], { description: 'csv: the same rows as a CSV download' }),
);

export const SeriesQuery = Type.Object({
  code: IndicatorCode,
  unit: OrgUnitCode,
  from: PeriodId,
  to: periodId('last period, of the same type as from (inclusive)'),
  format: Format,
});
export type SeriesQuery = Static<typeof SeriesQuery>;

export const SeriesPoint = Type.Object({
  period: Type.String(),
  value: Nullable(Type.Number()),
  lastYear: Nullable(Type.Number({ description: 'the same period one year earlier' })),
  /**
   * From the first day of the period's year to the end of the period: what the yearly plan is compared with; null
   * unless every period of the year up to this one has a value (in the window or before it).
   */
  yearToDate: Nullable(Type.Number()),
  target: Nullable(Type.Number({ description: "the unit's plan for the period's year" })),
});
export type SeriesPoint = Static<typeof SeriesPoint>;

export const IndicatorSeries = Type.Object({
  code: Type.String(),
  unit: Type.String(),
  points: Type.Array(SeriesPoint),
});
export type IndicatorSeries = Static<typeof IndicatorSeries>;

export const RankingQuery = Type.Object({
  code: IndicatorCode,
  parent: Type.Optional(OrgUnitCode),
  period: PeriodId,
  format: Format,
});
export type RankingQuery = Static<typeof RankingQuery>;

export const RankingRow = Type.Object({
  unit: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  value: Nullable(Type.Number()),
  target: Nullable(Type.Number()),
  /** From 1 January to the end of the period; null unless every period of the year so far has a value. */
  yearToDate: Nullable(Type.Number()),
  /** yearToDate ÷ the yearly plan × 100, whatever the indicator: the ranking's `value` is the period's alone. */
  percentOfPlan: Nullable(Type.Number()),
  /** The same period a year earlier, cut to the same span while the period is still running. */
  lastYear: Nullable(Type.Number()),
  growth: Nullable(Type.Number()),
  /** 1 is the best by the indicator's direction; null without a value. */
  rank: Nullable(Type.Integer()),
});
export type RankingRow = Static<typeof RankingRow>;

export const IndicatorRanking = Type.Object({
  code: Type.String(),
  parent: Type.String(),
  period: Type.String(),
  direction: Type.String(),
  rows: Type.Array(RankingRow),
});
export type IndicatorRanking = Static<typeof IndicatorRanking>;

export const ViewQuery = Type.Object({
  code: IndicatorCode,
  parent: Type.Optional(OrgUnitCode),
  from: PeriodId,
  to: periodId('last period, of the same type as from (inclusive)'),
  format: Format,
});
export type ViewQuery = Static<typeof ViewQuery>;

/** The children of a unit × a run of periods: the map's time slider and the benchmark's view. */
export const IndicatorView = Type.Object({
  code: Type.String(),
  parent: Type.String(),
  units: Type.Array(Type.String()),
  periods: Type.Array(Type.String()),
  /** values[u][p] for units[u] and periods[p]. */
  values: Type.Array(Type.Array(Nullable(Type.Number()))),
});
export type IndicatorView = Static<typeof IndicatorView>;
