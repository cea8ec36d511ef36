import { type Static, Type } from 'typebox';
import { Figure, Nullable, OrgUnitCode, PeriodId } from './common.ts';

export const CatalogueCode = Type.String({
  pattern: '^[A-Z0-9_]{2,40}$',
  description: 'upper-case letters, digits, _',
});
/** The catalogue entry (data element, indicator, constant, data set, rule) a `/:code` path names. */
export const CatalogueParams = Type.Object({ code: CatalogueCode });
export type CatalogueParams = Static<typeof CatalogueParams>;

const PeriodTypeSchema = Type.Union([
  Type.Literal('year'),
  Type.Literal('quarter'),
  Type.Literal('month'),
  Type.Literal('week'),
  Type.Literal('day'),
]);

export const SaveDataElementBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    nameEn: Type.String({ minLength: 1, maxLength: 200 }),
    unit: Type.String({ maxLength: 40, description: 'e.g. tỷ đồng, người, %' }),
    valueType: Type.Union([Type.Literal('number'), Type.Literal('integer'), Type.Literal('percent')]),
    aggregation: Type.Union([Type.Literal('sum'), Type.Literal('average'), Type.Literal('last')], {
      description: 'sum for flows, last for stocks, average for levels',
    }),
    frequency: PeriodTypeSchema,
    owner: Type.Optional(Nullable(Type.String({ maxLength: 120, description: 'owning department' }))),
    categories: Type.Optional(Type.Array(CatalogueCode, { uniqueItems: true, maxItems: 50 })),
    minValue: Type.Optional(Nullable(Figure())),
    maxValue: Type.Optional(Nullable(Figure())),
  },
  { additionalProperties: false },
);
export type SaveDataElementBody = Static<typeof SaveDataElementBody>;

export const DataElement = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  unit: Type.String(),
  valueType: Type.String(),
  aggregation: Type.String(),
  frequency: Type.String(),
  owner: Nullable(Type.String()),
  categories: Type.Array(Type.String()),
  minValue: Nullable(Type.Number()),
  maxValue: Nullable(Type.Number()),
});
export type DataElement = Static<typeof DataElement>;

export const SaveIndicatorBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    nameEn: Type.String({ minLength: 1, maxLength: 200 }),
    formula: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: '#{ELEMENT}, #{ELEMENT.OPTION}, I{INDICATOR}, C{CONSTANT}, + - * / ( )',
    }),
    unit: Type.String({ maxLength: 40 }),
    decimals: Type.Optional(Type.Integer({ minimum: 0, maximum: 6 })),
    direction: Type.Optional(
      Type.Union([Type.Literal('up'), Type.Literal('down')], { description: 'up: higher is better' }),
    ),
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { additionalProperties: false },
);
export type SaveIndicatorBody = Static<typeof SaveIndicatorBody>;

export const Indicator = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  formula: Type.String(),
  unit: Type.String(),
  decimals: Type.Integer(),
  direction: Type.String(),
  description: Nullable(Type.String()),
  accumulates: Type.Boolean({
    description:
      'its value grows with the span it covers (a flow, or a flow per head): its year to date climbs towards the yearly plan through the year; otherwise a level',
  }),
});
export type Indicator = Static<typeof Indicator>;

export const IndicatorValuesQuery = Type.Object({
  codes: Type.String({
    description: 'indicator codes, comma-separated',
    pattern: '^[A-Z0-9_]{2,40}(,[A-Z0-9_]{2,40}){0,49}$',
  }),
  unit: Type.String({ pattern: '^[0-9]{2,6}$' }),
  period: PeriodId,
  format: Type.Optional(
    Type.Union([Type.Literal('json'), Type.Literal('csv')], { description: 'csv: the same rows as a download' }),
  ),
});
export type IndicatorValuesQuery = Static<typeof IndicatorValuesQuery>;

export const IndicatorValue = Type.Object({
  code: Type.String(),
  value: Nullable(Type.Number()),
  /** The unit's plan for the period's year (kế hoạch năm). */
  target: Nullable(Type.Number()),
  /**
   * From 1 January to the end of the period: flows add up, stocks read at the period's end, ratios of the sums; null
   * unless every period of the year up to this one has a value.
   */
  yearToDate: Nullable(Type.Number()),
  /** yearToDate ÷ the yearly plan × 100: progress towards the year's plan. */
  percentOfPlan: Nullable(Type.Number()),
  lastYear: Nullable(
    Type.Number({ description: 'the same period one year earlier, cut to the same span while the period is running' }),
  ),
  /** (value ÷ lastYear − 1) × 100. */
  growth: Nullable(Type.Number()),
});
export type IndicatorValue = Static<typeof IndicatorValue>;

export const IndicatorValues = Type.Object({
  unit: Type.String(),
  period: Type.String(),
  values: Type.Array(IndicatorValue),
});
export type IndicatorValues = Static<typeof IndicatorValues>;

/** An indicator's yearly plan for one unit: `/indicators/:code/targets/:unit/:year`. */
export const TargetParams = Type.Object({
  code: CatalogueCode,
  unit: OrgUnitCode,
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
});
export type TargetParams = Static<typeof TargetParams>;

export const SaveTargetBody = Type.Object({ value: Figure() }, { additionalProperties: false });
export type SaveTargetBody = Static<typeof SaveTargetBody>;

export const IndicatorTarget = Type.Object({
  indicator: Type.String(),
  unit: Type.String(),
  year: Type.Integer(),
  value: Type.Number(),
});
export type IndicatorTarget = Static<typeof IndicatorTarget>;

export const SaveConstantBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 200 }), value: Figure() },
  { additionalProperties: false },
);
export type SaveConstantBody = Static<typeof SaveConstantBody>;

export const IndicatorConstant = Type.Object({ code: Type.String(), name: Type.String(), value: Type.Number() });
export type IndicatorConstant = Static<typeof IndicatorConstant>;
