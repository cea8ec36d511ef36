import { type Static, Type } from 'typebox';
import { Figure, IsoDateTime, Nullable, OrgUnitCode, PeriodId, YEAR_PATTERN } from './common.ts';
import { CatalogueCode } from './indicators.ts';

const PeriodTypeSchema = Type.Union([
  Type.Literal('year'),
  Type.Literal('quarter'),
  Type.Literal('month'),
  Type.Literal('week'),
  Type.Literal('day'),
]);
const UnitId = Type.String({
  pattern: '^[0-9]{2,6}(@[0-9]{4})?$',
  description: 'unit id: 18073, or 18070@2024 for a unit closed in 2025',
});

export const SaveDataSetBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    nameEn: Type.String({ minLength: 1, maxLength: 200 }),
    frequency: PeriodTypeSchema,
    dueDays: Type.Integer({
      minimum: 0,
      maximum: 400,
      description: "days from the period's first day to the deadline",
    }),
    dueTime: Type.String({
      pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
      description: 'time of day of the deadline, UTC+7',
    }),
    lockDays: Type.Optional(
      Nullable(
        Type.Integer({ minimum: 0, maximum: 800, description: "days from the period's first day until entry closes" }),
      ),
    ),
    elements: Type.Array(CatalogueCode, { minItems: 1, maxItems: 300, uniqueItems: true }),
    units: Type.Optional(
      Type.Array(OrgUnitCode, { maxItems: 2000, uniqueItems: true, description: 'the units that must report' }),
    ),
  },
  { additionalProperties: false },
);
export type SaveDataSetBody = Static<typeof SaveDataSetBody>;

export const DataSet = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  frequency: Type.String(),
  dueDays: Type.Integer(),
  dueTime: Type.String(),
  lockDays: Nullable(Type.Integer()),
  elements: Type.Array(Type.String()),
  units: Type.Array(Type.String()),
});
export type DataSet = Static<typeof DataSet>;

export const DataValueInput = Type.Object(
  {
    element: CatalogueCode,
    unit: UnitId,
    period: PeriodId,
    category: Type.Optional(
      Type.String({ maxLength: 40, description: "a category option of the element; '' or absent for the total" }),
    ),
    value: Nullable(Figure('null removes the stored value')),
  },
  { additionalProperties: false },
);
export type DataValueInput = Static<typeof DataValueInput>;

export const ValuesBatchBody = Type.Object(
  {
    values: Type.Array(DataValueInput, { minItems: 1, maxItems: 50_000 }),
    mode: Type.Optional(
      Type.Union([Type.Literal('all'), Type.Literal('valid')], {
        description: 'all (default): any refused row stores nothing; valid: store the valid rows, report the rest',
      }),
    ),
  },
  { additionalProperties: false },
);
export type ValuesBatchBody = Static<typeof ValuesBatchBody>;

export const RowProblem = Type.Object({
  /** Index of the row in the batch (0-based), or the spreadsheet row number for an XLSX import. */
  row: Type.Integer(),
  field: Type.String({ description: 'element, unit, period, category or value' }),
  rule: Type.String({
    description:
      'unknown, closed, unitOutOfScope, pattern, frequency, integer, minimum, maximum, locked, duplicate, type, validationRule',
  }),
  message: Type.String(),
  limit: Type.Optional(Type.Union([Type.Number(), Type.String()])),
});
export type RowProblem = Static<typeof RowProblem>;

export const ImportQuery = Type.Object({
  period: PeriodId,
  mode: Type.Optional(
    Type.Union([Type.Literal('all'), Type.Literal('valid')], {
      description: 'all (default): store only if every row is valid; valid: store the valid cells, report the rest',
    }),
  ),
});
export type ImportQuery = Static<typeof ImportQuery>;

export const TemplateQuery = Type.Object({ period: PeriodId });
export type TemplateQuery = Static<typeof TemplateQuery>;

export const ImportProblem = Type.Object({
  /** The spreadsheet row number (1-based, as Excel shows it). */
  row: Type.Integer(),
  /** The cell, e.g. D7, or null for a problem with the whole row (an unknown unit code). */
  cell: Nullable(Type.String()),
  field: Type.String(),
  rule: Type.String(),
  message: Type.String(),
  limit: Type.Optional(Type.Union([Type.Number(), Type.String()])),
});
export type ImportProblem = Static<typeof ImportProblem>;

export const RuleViolation = Type.Object({
  rule: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  severity: Type.String(),
  unit: Type.String(),
  period: Type.String(),
  left: Nullable(Type.Number()),
  operator: Type.String(),
  right: Nullable(Type.Number()),
});
export type RuleViolation = Static<typeof RuleViolation>;

export const ValuesBatchResult = Type.Object({
  stored: Type.Integer({ description: 'values written or removed' }),
  refused: Type.Array(RowProblem),
  warnings: Type.Array(RuleViolation),
  anomalies: Type.Integer({ description: 'alerts raised for values far from their history' }),
});
export type ValuesBatchResult = Static<typeof ValuesBatchResult>;

export const ImportReport = Type.Object({
  /** True when values were stored: every row was valid, or mode=valid was asked for. */
  applied: Type.Boolean(),
  rows: Type.Integer({ description: 'unit rows read from the sheet' }),
  values: Type.Integer({ description: 'filled cells read' }),
  stored: Type.Integer(),
  refused: Type.Array(ImportProblem),
  warnings: Type.Array(RuleViolation),
  anomalies: Type.Integer(),
});
export type ImportReport = Static<typeof ImportReport>;

export const DataEntryQuery = Type.Object({ dataSet: CatalogueCode, unit: UnitId, period: PeriodId });
export type DataEntryQuery = Static<typeof DataEntryQuery>;

export const EntryElement = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  unit: Type.String(),
  valueType: Type.String(),
  categories: Type.Array(Type.String()),
  minValue: Nullable(Type.Number()),
  maxValue: Nullable(Type.Number()),
});

export const EntryValue = Type.Object({
  element: Type.String(),
  category: Type.String(),
  value: Type.Number(),
  storedBy: Nullable(Type.String()),
  storedAt: Type.String(),
});
export type EntryValue = Static<typeof EntryValue>;

export const DataEntryForm = Type.Object({
  dataSet: Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String(), frequency: Type.String() }),
  unit: Type.Object({ id: Type.String(), name: Type.String(), nameEn: Type.String() }),
  period: Type.String(),
  deadline: Type.String({ description: 'ISO time' }),
  lockAt: Nullable(Type.String()),
  locked: Type.Boolean(),
  report: Nullable(
    Type.Object({
      firstSubmittedAt: Type.String(),
      lastSubmittedAt: Type.String(),
      submittedBy: Nullable(Type.String()),
      onTime: Type.Boolean(),
    }),
  ),
  elements: Type.Array(EntryElement),
  values: Type.Array(EntryValue),
  /** When the form was read: send it back on save so a value changed by someone else meanwhile is a visible conflict. */
  loadedAt: Type.String(),
});
export type DataEntryForm = Static<typeof DataEntryForm>;

export const SaveEntryBody = Type.Object(
  {
    dataSet: CatalogueCode,
    unit: UnitId,
    period: PeriodId,
    loadedAt: IsoDateTime,
    values: Type.Array(
      Type.Object(
        {
          element: CatalogueCode,
          category: Type.Optional(Type.String({ maxLength: 40 })),
          value: Nullable(Figure()),
        },
        { additionalProperties: false },
      ),
      { maxItems: 2000 },
    ),
  },
  { additionalProperties: false },
);
export type SaveEntryBody = Static<typeof SaveEntryBody>;

export const DisciplineQuery = Type.Object({
  period: Type.Optional(
    Type.String({
      pattern: `^${YEAR_PATTERN}(0[1-9]|1[0-2])$`,
      description:
        'a month, 202611: each data set is judged on its period holding it; absent: the latest month in which a deadline has passed',
    }),
  ),
  parent: Type.Optional(OrgUnitCode),
  format: Type.Optional(
    Type.Union([Type.Literal('json'), Type.Literal('csv')], { description: 'csv: one row per unit and data set' }),
  ),
});
export type DisciplineQuery = Static<typeof DisciplineQuery>;

export const ReportStatus = Type.Union(
  [Type.Literal('onTime'), Type.Literal('late'), Type.Literal('missing'), Type.Literal('pending')],
  {
    description:
      'onTime / late: reported before / after the deadline; missing: not reported and past the deadline; pending: not yet due',
  },
);

export const DataSetDiscipline = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  period: Type.String(),
  deadline: Type.String(),
  expected: Type.Integer(),
  reported: Type.Integer(),
  onTime: Type.Integer(),
  late: Type.Integer(),
  missing: Type.Integer(),
  /** reported ÷ expected × 100; null when no unit must report. */
  completeness: Nullable(Type.Number()),
  /** reported on time ÷ expected × 100. */
  timeliness: Nullable(Type.Number()),
});
export type DataSetDiscipline = Static<typeof DataSetDiscipline>;

export const UnitDiscipline = Type.Object({
  unit: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  cells: Type.Array(
    Type.Object({
      dataSet: Type.String(),
      status: ReportStatus,
      submittedAt: Nullable(Type.String()),
      /** Days after the deadline (late, or missing until now); 0 otherwise. */
      daysLate: Type.Number(),
    }),
  ),
});
export type UnitDiscipline = Static<typeof UnitDiscipline>;

export const Discipline = Type.Object({
  period: Type.String(),
  parent: Type.String(),
  at: Type.String({ description: 'the time the statuses were judged at' }),
  dataSets: Type.Array(DataSetDiscipline),
  units: Type.Array(UnitDiscipline),
});
export type Discipline = Static<typeof Discipline>;

export const RuleOperator = Type.Union([
  Type.Literal('<='),
  Type.Literal('<'),
  Type.Literal('>='),
  Type.Literal('>'),
  Type.Literal('=='),
  Type.Literal('!='),
]);

export const SaveValidationRuleBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    nameEn: Type.String({ minLength: 1, maxLength: 200 }),
    left: Type.String({
      minLength: 1,
      maxLength: 1000,
      description: 'a formula over data elements, e.g. #{POP_URBAN}',
    }),
    operator: RuleOperator,
    right: Type.String({ minLength: 1, maxLength: 1000 }),
    severity: Type.Union([Type.Literal('error'), Type.Literal('warning')], {
      description: 'error refuses the values; warning stores them and lists the violation',
    }),
  },
  { additionalProperties: false },
);
export type SaveValidationRuleBody = Static<typeof SaveValidationRuleBody>;

export const ValidationRule = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  left: Type.String(),
  operator: Type.String(),
  right: Type.String(),
  severity: Type.String(),
});
export type ValidationRule = Static<typeof ValidationRule>;

export const ViolationsQuery = Type.Object({
  dataSet: CatalogueCode,
  period: PeriodId,
  parent: Type.Optional(OrgUnitCode),
});
export type ViolationsQuery = Static<typeof ViolationsQuery>;
