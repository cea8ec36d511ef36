import { type Static, Type } from 'typebox';
import { IsoDateTime, Nullable, RowId, RowOffset } from './common.ts';

export const AlertSeverity = Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('critical')]);
export type AlertSeverity = Static<typeof AlertSeverity>;

/** Assignment is a field, not a status: an assigned alert is still open or acknowledged until it is resolved. */
export const AlertStatus = Type.Union([Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('resolved')]);
export type AlertStatus = Static<typeof AlertStatus>;

/** What the alert is about, for the page that opens it: a task id, an agency code (its dossiers), an indicator code. */
export const AlertLink = Type.Object({
  kind: Type.Union([
    Type.Literal('task'),
    Type.Literal('dossiers'),
    Type.Literal('indicator'),
    Type.Literal('stream'),
    Type.Literal('document'),
    Type.Literal('rule'),
  ]),
  ref: Type.String({ maxLength: 200 }),
});
export type AlertLink = Static<typeof AlertLink>;

export const Alert = Type.Object({
  id: Type.Integer(),
  kind: Type.String({ description: 'what raised it, e.g. indicator.anomaly, task.overdue, rule.threshold' }),
  severity: AlertSeverity,
  unit: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  title: Type.String({ description: 'Vietnamese; free of dates (detail carries ISO dates for the page to format)' }),
  titleEn: Type.String(),
  detail: Type.Record(Type.String(), Type.Unknown()),
  status: AlertStatus,
  /** When the condition began (a task's deadline, a dossier turning late); the raise time when the raiser gave none. */
  startedAt: Type.String(),
  raisedAt: Type.String(),
  updatedAt: Type.String(),
  acknowledgedBy: Nullable(Type.String()),
  acknowledgedAt: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String()),
  /** Who resolved it by hand; null on a resolved alert: it resolved by itself when its condition cleared. */
  resolvedBy: Nullable(Type.String()),
  /** The reason ('condition cleared', 'task done'…) or the note of whoever resolved it. */
  resolution: Nullable(Type.String()),
  assignedUnit: Nullable(Type.String()),
  assignedUnitName: Nullable(Type.String()),
  assignedBy: Nullable(Type.String()),
  assignedAt: Nullable(Type.String()),
  ruleId: Nullable(Type.Integer()),
  labels: Type.Record(Type.String(), Type.String()),
  link: Nullable(AlertLink),
  /** The agencies it concerns: an officer acting for an agency sees the alert only if theirs is listed. */
  agencies: Type.Array(Type.String()),
  /** When it was published for notification; null while a silence holds it back (or never, if it resolved first). */
  notifiedAt: Nullable(Type.String()),
});
export type Alert = Static<typeof Alert>;

export const AlertListQuery = Type.Object({
  status: Type.Optional(
    Type.Union(
      [
        Type.Literal('open'),
        Type.Literal('acknowledged'),
        Type.Literal('resolved'),
        Type.Literal('active'),
        Type.Literal('all'),
      ],
      { description: "'active' (the default) = open or acknowledged" },
    ),
  ),
  severity: Type.Optional(AlertSeverity),
  kind: Type.Optional(Type.String({ maxLength: 60 })),
  unit: Type.Optional(
    Type.String({ maxLength: 40, description: 'the alert’s org unit and the units under it (within your scope)' }),
  ),
  agency: Type.Optional(Type.String({ maxLength: 60, description: 'alerts concerning this agency code' })),
  assigned: Type.Optional(
    Type.String({ maxLength: 40, description: "an org unit id it is assigned to, 'none' or 'any'" }),
  ),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'words of the title (either language)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(RowOffset),
});
export type AlertListQuery = Static<typeof AlertListQuery>;

/** A page of alerts and the true number matching the filter (the same count the summary gives). */
export const AlertPage = Type.Object({ items: Type.Array(Alert), total: Type.Integer({ minimum: 0 }) });
export type AlertPage = Static<typeof AlertPage>;

/** Alerts of one kind about one unit or agency: "Sở NN&MT — 27 overdue tasks". */
export const AlertGroup = Type.Object({
  kind: Type.String(),
  /** The agency the alerts concern when they name one (a department's tasks), else null and the unit groups them. */
  agency: Nullable(Type.String()),
  agencyName: Nullable(Type.String()),
  agencyNameEn: Nullable(Type.String()),
  unit: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  count: Type.Integer({ minimum: 0 }),
  /** The most severe among them. */
  severity: AlertSeverity,
  /** The earliest start among them. */
  since: Type.String(),
});
export type AlertGroup = Static<typeof AlertGroup>;

export const AlertSummary = Type.Object({
  /** Equals the list's total for the same filter. */
  total: Type.Integer({ minimum: 0 }),
  bySeverity: Type.Object({
    info: Type.Integer({ minimum: 0 }),
    warning: Type.Integer({ minimum: 0 }),
    critical: Type.Integer({ minimum: 0 }),
  }),
  byStatus: Type.Object({
    open: Type.Integer({ minimum: 0 }),
    acknowledged: Type.Integer({ minimum: 0 }),
    resolved: Type.Integer({ minimum: 0 }),
  }),
  byKind: Type.Array(Type.Object({ kind: Type.String(), count: Type.Integer({ minimum: 0 }) })),
  /** Largest groups first; at most 100. */
  groups: Type.Array(AlertGroup),
});
export type AlertSummary = Static<typeof AlertSummary>;

export const AlertSummaryQuery = Type.Omit(AlertListQuery, ['limit', 'offset']);
export type AlertSummaryQuery = Static<typeof AlertSummaryQuery>;

export const AlertHistoryAction = Type.Union([
  Type.Literal('raised'),
  Type.Literal('reopened'),
  Type.Literal('acknowledged'),
  Type.Literal('assigned'),
  Type.Literal('resolved'),
  Type.Literal('commented'),
  Type.Literal('notified'),
]);
export type AlertHistoryAction = Static<typeof AlertHistoryAction>;

export const AlertHistoryEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  action: AlertHistoryAction,
  /** The account that acted; null: the IOC itself (a scan that saw the condition clear, the notification job). */
  by: Nullable(Type.String()),
  /** A comment's text, a resolution's reason or note, the unit an assignment went to. */
  note: Nullable(Type.String()),
});
export type AlertHistoryEntry = Static<typeof AlertHistoryEntry>;

export const AlertDetail = Type.Intersect([
  Alert,
  Type.Object({
    /** Every step, oldest first (comments included). */
    history: Type.Array(AlertHistoryEntry),
    /** The comments alone, oldest first. */
    comments: Type.Array(AlertHistoryEntry),
  }),
]);
export type AlertDetail = Static<typeof AlertDetail>;

export const AlertAssignBody = Type.Object(
  { unit: Type.String({ minLength: 1, maxLength: 40, description: 'org unit id, within your scope' }) },
  { additionalProperties: false },
);
export type AlertAssignBody = Static<typeof AlertAssignBody>;

export const AlertResolveBody = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export type AlertResolveBody = Static<typeof AlertResolveBody>;

export const AlertCommentBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 4000 }) },
  { additionalProperties: false },
);
export type AlertCommentBody = Static<typeof AlertCommentBody>;

/** A maintenance window: alerts matching every matcher given are not notified (they are still listed). */
export const AlertSilence = Type.Object({
  id: Type.Integer(),
  kind: Nullable(Type.String()),
  ruleId: Nullable(Type.Integer()),
  unit: Nullable(Type.String()),
  labelName: Nullable(Type.String()),
  labelValue: Nullable(Type.String()),
  startsAt: Type.String(),
  endsAt: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  comment: Type.String(),
  /** Whether it holds back notifications now. */
  active: Type.Boolean(),
});
export type AlertSilence = Static<typeof AlertSilence>;

export const AlertSilenceInput = Type.Object(
  {
    kind: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    ruleId: Type.Optional(RowId('the rule whose alerts to hold back')),
    unit: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'org unit id (and units under it)' })),
    labelName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    labelValue: Type.Optional(Type.String({ maxLength: 200 })),
    startsAt: Type.Optional(IsoDateTime),
    endsAt: IsoDateTime,
    comment: Type.String({ minLength: 1, maxLength: 2000 }),
  },
  { additionalProperties: false },
);
export type AlertSilenceInput = Static<typeof AlertSilenceInput>;

export const AlertSilenceListQuery = Type.Object({
  state: Type.Optional(
    Type.Union([Type.Literal('active'), Type.Literal('pending'), Type.Literal('expired'), Type.Literal('all')], {
      description: "'active' and pending ones by default",
    }),
  ),
});
export type AlertSilenceListQuery = Static<typeof AlertSilenceListQuery>;
