import { type Static, Type } from 'typebox';
import { localDate, Nullable, OrgUnitCode, PeriodId, RowOffset, YEAR_PATTERN } from './common.ts';

const Rate = Nullable(Type.Number({ description: 'percentage 0–100; null when there is nothing to divide by' }));

export const PsFigures = Type.Object({
  received: Type.Integer(),
  carriedOver: Type.Integer(),
  toProcess: Type.Integer({ description: 'carried over + received' }),
  inProgress: Type.Object({
    total: Type.Integer(),
    overdue: Type.Integer(),
    dueSoon: Type.Integer({ description: 'due within 2 working days' }),
    notYetDue: Type.Integer(),
  }),
  finished: Type.Object({ total: Type.Integer(), early: Type.Integer(), onTime: Type.Integer(), late: Type.Integer() }),
  returned: Type.Integer({ description: 'not accepted (status 3)' }),
  withdrawn: Type.Integer(),
  onTimeRate: Rate,
  overdueRate: Rate,
  averageResolutionDays: Nullable(Type.Number({ description: 'working days, supplement pauses excluded' })),
  channels: Type.Object({
    inPerson: Type.Integer(),
    online: Type.Integer(),
    postal: Type.Integer(),
    unknown: Type.Integer(),
  }),
  channelShares: Type.Object({ inPerson: Rate, online: Rate, postal: Rate, unknown: Rate }),
  onlineShare: Rate,
  paidOnline: Type.Integer(),
  onlinePaymentShare: Rate,
  digitised: Type.Integer(),
  digitisationShare: Rate,
});
export type PsFigures = Static<typeof PsFigures>;

export const PsCriterionScore = Type.Object({
  id: Type.String(),
  rate: Rate,
  points: Nullable(Type.Number()),
  maxPoints: Type.Number(),
  threshold: Type.Number(),
  description: Type.String(),
});
export const PsGroupScore = Type.Object({
  id: Type.String(),
  name: Type.String(),
  maxPoints: Type.Number(),
  points: Nullable(Type.Number({ description: 'null when none of its criteria has a rate' })),
  partial: Type.Boolean(),
  criteria: Type.Array(PsCriterionScore),
});
export const PsScore = Type.Object({
  total: Type.Number({ description: 'sum of the known points' }),
  maxAvailable: Type.Number({ description: 'what the known criteria could give at most' }),
  complete: Type.Boolean(),
  missingGroups: Type.Array(Type.String()),
  partialGroups: Type.Array(Type.String()),
  groups: Type.Array(PsGroupScore),
});
export type PsScore = Static<typeof PsScore>;

export const PsPeriodInfo = Type.Object({
  id: Type.String(),
  from: Type.String({ description: 'ISO instant (local midnight, UTC+7)' }),
  to: Type.String({ description: 'end of the period, or now while it runs' }),
  running: Type.Boolean(),
});

export const PsSummaryQuery = Type.Object({
  period: PeriodId,
  unit: Type.Optional(OrgUnitCode),
  groupBy: Type.Optional(
    Type.Union([Type.Literal('agency'), Type.Literal('unit'), Type.Literal('field'), Type.Literal('procedure')], {
      description: "agency and unit come from the daily counts; field and procedure read the period's dossiers",
    }),
  ),
  agency: Type.Optional(Type.String({ maxLength: 500, description: 'only this agency (code, or the portal name)' })),
});
export type PsSummaryQuery = Static<typeof PsSummaryQuery>;

export const PsGroup = Type.Object({
  key: Nullable(Type.String({ description: 'agency code (or the unmatched name), or org unit id' })),
  name: Type.String(),
  nameEn: Type.String(),
  unitId: Nullable(Type.String()),
  figures: PsFigures,
});
export type PsGroup = Static<typeof PsGroup>;

export const PsSummary = Type.Object({
  period: PsPeriodInfo,
  unit: Type.String(),
  total: PsFigures,
  groups: Type.Array(PsGroup),
  rates: Type.Record(Type.String(), Rate, { description: 'the 766 inputs, by rate key' }),
  score: PsScore,
});
export type PsSummary = Static<typeof PsSummary>;

export const PsTrendQuery = Type.Object({
  period: PeriodId,
  unit: Type.Optional(OrgUnitCode),
});
export type PsTrendQuery = Static<typeof PsTrendQuery>;

export const PsTrendPoint = Type.Object({
  period: Type.String(),
  running: Type.Boolean(),
  score: Type.Number(),
  maxAvailable: Type.Number(),
  groups: Type.Array(Type.Object({ id: Type.String(), points: Nullable(Type.Number()) })),
  onTimeRate: Rate,
  onlineShare: Rate,
  received: Type.Integer(),
  finished: Type.Integer(),
});
export const PsTrend = Type.Object({ unit: Type.String(), points: Type.Array(PsTrendPoint) });
export type PsTrend = Static<typeof PsTrend>;

export const PsOpenQuery = Type.Object({
  unit: Type.Optional(OrgUnitCode),
  agency: Type.Optional(Type.String({ maxLength: 500 })),
  progress: Type.Optional(
    Type.Union([Type.Literal('overdue'), Type.Literal('dueSoon')], { description: 'overdue (default) or due soon' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});
export type PsOpenQuery = Static<typeof PsOpenQuery>;

export const PsOpenDossier = Type.Object({
  code: Type.String(),
  procedure: Nullable(Type.String()),
  agency: Type.String({ description: 'agency code, or the name the portal sent' }),
  agencyName: Type.String(),
  unitId: Nullable(Type.String()),
  owner: Nullable(Type.String()),
  status: Type.Integer(),
  receivedAt: Type.String(),
  dueAt: Nullable(Type.String({ description: 'due date moved by the supplement pauses' })),
  workingDaysLate: Nullable(
    Type.Number({ description: 'overdue: working days past the due date; due soon: negative' }),
  ),
  secondSupplement: Type.Boolean({ description: 'late because a second supplement was requested' }),
  holder: Nullable(
    Type.Object({
      handler: Nullable(Type.String()),
      title: Nullable(Type.String()),
      department: Nullable(Type.String()),
      since: Type.String(),
    }),
  ),
});
export type PsOpenDossier = Static<typeof PsOpenDossier>;

export const PsOpenList = Type.Object({
  asOf: Type.String(),
  total: Type.Integer({ description: 'all matching, before the limit' }),
  dossiers: Type.Array(PsOpenDossier),
});
export type PsOpenList = Static<typeof PsOpenList>;

export const PsTickerQuery = Type.Object({
  unit: Type.Optional(OrgUnitCode),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export type PsTickerQuery = Static<typeof PsTickerQuery>;

export const PsTickerItem = Type.Object({
  code: Type.String(),
  procedure: Nullable(Type.String()),
  agency: Type.String(),
  agencyName: Type.String(),
  unitId: Nullable(Type.String()),
  status: Type.Integer(),
  at: Type.String({ description: 'when the dossier reached this status' }),
  syncedAt: Type.String(),
});
export type PsTickerItem = Static<typeof PsTickerItem>;

const Instant = Type.String({
  pattern: `^${YEAR_PATTERN}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})$`,
  description: 'ISO 8601 with its offset, e.g. 2025-03-01T08:30:00+07:00',
});

/** A dossier in plain JSON (the same facts as the portal's DongBoHoSoMC record, in English names and ISO dates). */
export const PlainDossier = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 100, description: 'MaHoSo' }),
    procedureCode: Type.String({ minLength: 1, maxLength: 100, description: 'MaTTHC' }),
    procedureName: Type.Optional(Type.String({ maxLength: 1000 })),
    fieldCode: Type.Optional(Type.String({ maxLength: 100 })),
    fieldName: Type.Optional(Type.String({ maxLength: 500 })),
    agency: Type.String({ minLength: 1, maxLength: 500, description: 'DonViXuLy: agency code or name' }),
    channel: Type.Optional(
      Type.Union([Type.Literal('inPerson'), Type.Literal('online'), Type.Literal('postal')], {
        description: 'KenhThucHien 1 / 2 / 3',
      }),
    ),
    owner: Type.Optional(Type.String({ maxLength: 500 })),
    ownerKind: Type.Optional(
      Type.Union([Type.Literal('citizen'), Type.Literal('enterprise'), Type.Literal('agency'), Type.Literal('other')]),
    ),
    summary: Type.Optional(Type.String({ maxLength: 2000 })),
    submittedAt: Type.Optional(Instant),
    receivedAt: Instant,
    dueAt: Type.Optional(Instant),
    status: Type.Integer({ minimum: 1, maximum: 10, description: 'TrangThaiHoSo 1–10' }),
    returnedAt: Type.Optional(Instant),
    finishedAt: Type.Optional(Instant),
    paidOnline: Type.Optional(Type.Boolean()),
    digitised: Type.Optional(Type.Boolean()),
    supplements: Type.Optional(
      Type.Array(
        Type.Object(
          {
            requestedAt: Instant,
            suppliedAt: Type.Optional(Instant),
            reason: Type.Optional(Type.String({ maxLength: 2000 })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type PlainDossier = Static<typeof PlainDossier>;

export const PlainDossierBatch = Type.Object(
  {
    dossiers: Type.Array(Type.Record(Type.String(), Type.Unknown()), {
      minItems: 1,
      maxItems: 10_000,
      description: 'plain dossiers; each is checked on its own',
    }),
  },
  { additionalProperties: false },
);
export type PlainDossierBatch = Static<typeof PlainDossierBatch>;

export const PlainDossierQuery = Type.Object({
  unit: Type.Optional(OrgUnitCode),
  agency: Type.Optional(Type.String({ maxLength: 500 })),
  status: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  from: Type.Optional(localDate('received on or after (local day)')),
  to: Type.Optional(localDate('received on or before (local day)')),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  offset: Type.Optional(RowOffset),
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
});
export type PlainDossierQuery = Static<typeof PlainDossierQuery>;

export const PlainDossierList = Type.Object({
  total: Type.Integer(),
  dossiers: Type.Array(PlainDossier),
});
export type PlainDossierList = Static<typeof PlainDossierList>;

const GroupId = Type.Union(
  ['publicity', 'progress', 'digitisation', 'online', 'satisfaction'].map((id) => Type.Literal(id)),
);
const RateKey = Type.Union(
  [
    'proceduresPublishedOnTime',
    'dossiersPublished',
    'proceduresInformationComplete',
    'onTime',
    'digitisedDossiers',
    'electronicResults',
    'onlineCoverage',
    'onlineUptake',
    'onlineSubmission',
    'onlinePaymentProcedures',
    'onlinePayment',
    'paknOnTime',
    'paknSatisfaction',
    'procedureSatisfaction',
  ].map((k) => Type.Literal(k)),
  { description: 'which rate the criterion reads' },
);

/** The Decision 766 scoring rules: five groups adding up to 100, each split into criteria adding up to the group. */
export const ScoringRulesBody = Type.Object(
  {
    groups: Type.Array(
      Type.Object(
        {
          id: GroupId,
          maxPoints: Type.Number({ minimum: 0, maximum: 100 }),
          name: Type.String({ minLength: 1, maxLength: 200 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 5 },
    ),
    criteria: Type.Array(
      Type.Object(
        {
          id: Type.String({ minLength: 1, maxLength: 100 }),
          group: GroupId,
          rate: RateKey,
          maxPoints: Type.Number({ minimum: 0, maximum: 100 }),
          threshold: Type.Number({ exclusiveMinimum: 0, maximum: 100, description: 'rate (%) that earns all points' }),
          description: Type.String({ maxLength: 500 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
  },
  { additionalProperties: false },
);
export type ScoringRulesBody = Static<typeof ScoringRulesBody>;

export const ScoringRulesView = Type.Object({
  rules: ScoringRulesBody,
  /** true: the rules shipped with the IOC (no operator change stored). */
  isDefault: Type.Boolean(),
  updatedAt: Nullable(Type.String()),
});
export type ScoringRulesView = Static<typeof ScoringRulesView>;
