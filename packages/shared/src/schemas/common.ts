import { type Static, type TSchema, Type } from 'typebox';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** The largest row id: every id column is a 32-bit integer on PostgreSQL (and must mean the same on SQLite). */
export const MAX_ID = 2_147_483_647;
/** A row id: a larger number could never name a row, and PostgreSQL refuses to compare it with one. */
export const RowId = (description?: string) =>
  Type.Integer({ minimum: 1, maximum: MAX_ID, ...(description ? { description } : {}) });
/** How many rows to skip: no table holds more rows than its ids can number. */
export const RowOffset = Type.Integer({ minimum: 0, maximum: MAX_ID });

/** The largest magnitude of a figure: every whole number up to it is exact in a double, and sums stay finite. */
export const MAX_FIGURE = 1e15;
/** A measured or planned figure: finite, within ±1e15. */
export const Figure = (description?: string) =>
  Type.Number({ minimum: -MAX_FIGURE, maximum: MAX_FIGURE, ...(description ? { description } : {}) });

/**
 * Years a date may name: the Gregorian years Date reads as written (it takes 0–99 as 1900–1999) and that stay four
 * digits when an offset or a deadline moves them.
 */
export const YEAR_PATTERN = '(19|2[0-2])[0-9]{2}';
const DAY = `${YEAR_PATTERN}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])`;

/** A calendar day in the province's time (Asia/Ho_Chi_Minh): deadlines and issue dates are days, not instants. */
export const localDate = (description?: string) =>
  Type.String({
    format: 'date',
    pattern: `^${DAY}$`,
    description: description ? `${description}; YYYY-MM-DD` : 'YYYY-MM-DD, a real day of 1900–2299',
  });
export const LocalDate = localDate();

/**
 * An instant with its offset. The format refuses 30 February and 25:00; the pattern also what Date.parse cannot read
 * (a leap second, an offset without minutes), so every accepted instant has a time.
 */
export const isoDateTime = (description?: string) =>
  Type.String({
    format: 'date-time',
    pattern: `^${DAY}[Tt ]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])$`,
    maxLength: 40,
    description: description ? `${description}; ISO 8601 with its offset` : 'ISO 8601 with its offset',
  });
export const IsoDateTime = isoDateTime();

/** A period id: 2025, 2025Q3, 202507, 2025W27, 20250714 (parsePeriod decides whether the month, week or day exists). */
export const periodId = (description = 'period id: 2025, 2025Q3, 202507, 2025W27, 20250714') =>
  Type.String({ pattern: `^${YEAR_PATTERN}(Q[1-4]|W[0-9]{2}|[0-9]{2}|[0-9]{4})?$`, description });
export const PeriodId = periodId();

export const OrgUnitCode = Type.String({
  pattern: '^[0-9]{2,6}$',
  description: 'GSO code, e.g. 42 (province) or 18073',
});

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'ErrorResponse' },
);

export const OkResponse = Type.Object({ ok: Type.Literal(true) });

export const CodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });
export const IdParams = Type.Object({ id: RowId() });
export type IdParams = Static<typeof IdParams>;
