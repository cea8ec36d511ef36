import { type Static, Type } from 'typebox';
import { AlertSeverity } from './alerts.ts';
import { Figure, Nullable } from './common.ts';

export const AlertRuleType = Type.Union([
  Type.Literal('threshold'),
  Type.Literal('rate'),
  Type.Literal('absence'),
  Type.Literal('condition'),
]);
export type AlertRuleType = Static<typeof AlertRuleType>;

export const RuleOp = Type.Union([Type.Literal('above'), Type.Literal('below')]);
export type RuleOp = Static<typeof RuleOp>;

/** One alarm level: breached when the value (a threshold rule) or its change over the window (a rate rule) is above/below. */
export const RuleLevel = Type.Object({
  level: Type.String({ minLength: 1, maxLength: 20, pattern: '^[^:]+$', description: "'I', 'II', 'III', …" }),
  severity: AlertSeverity,
  op: RuleOp,
  value: Figure(),
});
export type RuleLevel = Static<typeof RuleLevel>;

/** A stream key '<station>/<metric>'; '*' stands for any station or any metric ('*\/water_level', 'son-diem/*'). */
export const StreamSelector = Type.String({
  minLength: 3,
  maxLength: 200,
  pattern: '^[^/\\s]+/[^/\\s]+$',
  description: "'<station>/<metric>', '*' for any station or metric",
});

/**
 * An indicator or data element code: a threshold rule over its latest period's value in every unit that has one,
 * evaluated on the rule's interval and when values are stored.
 */
export const IndicatorSelector = Type.String({
  minLength: 1,
  maxLength: 100,
  pattern: '^[^\\s]+$',
  description: "an indicator or data element code, e.g. 'DENGUE_INCIDENCE'",
});

const RuleCondition = Type.Object({
  all: Type.Array(
    Type.Object({
      metric: Type.String({ minLength: 1, maxLength: 80, pattern: '^[^/\\s]+$' }),
      op: RuleOp,
      value: Figure(),
    }),
    { minItems: 1, maxItems: 10 },
  ),
});

const RuleRoute = Type.Object({
  units: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 100 })),
  roles: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
});

const Seconds = (description: string) => Type.Integer({ minimum: 0, maximum: 366 * 86_400, description });

/** What a rule says; the body of POST/PUT and the argument of RuleService.ensureRule. */
export const AlertRuleInput = Type.Object({
  code: Type.String({
    minLength: 1,
    maxLength: 120,
    pattern: '^[a-z0-9][a-z0-9_.:-]*$',
    description: 'stable, unique',
  }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.String({ minLength: 1, maxLength: 200 }),
  type: AlertRuleType,
  /** What the rule watches: stream selectors, or (a threshold rule only) one indicator; exactly one of the two. */
  streams: Type.Optional(Type.Array(StreamSelector, { minItems: 1, maxItems: 500 })),
  indicator: Type.Optional(IndicatorSelector),
  levels: Type.Optional(
    Type.Array(RuleLevel, {
      maxItems: 10,
      description: 'threshold and rate: in rising order of gravity; absence and condition: the first names the level',
    }),
  ),
  windowSeconds: Type.Optional(Seconds('rate: the window of the change; absence: silent longer than this')),
  pendingSeconds: Type.Optional(Seconds('how long the condition must hold before the alert fires')),
  keepFiringSeconds: Type.Optional(Seconds('how long the alert stays after the condition clears')),
  intervalSeconds: Type.Optional(
    Type.Integer({ minimum: 10, maximum: 86_400, description: 'how often timers and absence are checked' }),
  ),
  condition: Type.Optional(RuleCondition),
  route: Type.Optional(RuleRoute),
  labels: Type.Optional(
    Type.Record(Type.String({ maxLength: 60 }), Type.String({ maxLength: 200 }), { maxProperties: 20 }),
  ),
  enabled: Type.Optional(Type.Boolean()),
});
export type AlertRuleInput = Static<typeof AlertRuleInput>;

/** A stored rule, every setting filled in with its default. */
export const AlertRule = Type.Object({
  id: Type.Integer(),
  code: AlertRuleInput.properties.code,
  name: Type.String(),
  nameEn: Type.String(),
  type: AlertRuleType,
  streams: Type.Array(Type.String()),
  /** The indicator a threshold rule watches instead of streams (then `streams` is empty). */
  indicator: Type.Optional(Nullable(Type.String())),
  levels: Type.Array(RuleLevel),
  windowSeconds: Nullable(Type.Integer()),
  pendingSeconds: Type.Integer(),
  keepFiringSeconds: Type.Integer(),
  intervalSeconds: Type.Integer(),
  condition: Nullable(RuleCondition),
  route: RuleRoute,
  labels: Type.Record(Type.String(), Type.String()),
  enabled: Type.Boolean(),
  createdAt: Type.String(),
  createdBy: Type.String(),
  updatedAt: Type.String(),
  updatedBy: Type.String(),
  /** Streams × levels whose alert is open now. */
  firing: Type.Integer({ minimum: 0 }),
});
export type AlertRule = Static<typeof AlertRule>;

export const RulePreviewBody = Type.Object({
  rule: AlertRuleInput,
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 31, default: 7 })),
});
export type RulePreviewBody = Static<typeof RulePreviewBody>;

/** When the rule's alert for one stream and level would have been raised, and resolved (null: still firing at the end). */
export const RulePreviewInterval = Type.Object({
  stream: Type.String(),
  level: Type.String(),
  severity: AlertSeverity,
  /** When the condition began (the alert's start). */
  startedAt: Type.String(),
  /** When it would have fired (after the pending period). */
  firedAt: Type.String(),
  resolvedAt: Nullable(Type.String()),
  /** The value (threshold), the change (rate) or the seconds of silence (absence) when it fired. */
  value: Nullable(Type.Number()),
});
export type RulePreviewInterval = Static<typeof RulePreviewInterval>;

/** An indicator rule's preview: one unit's latest value, and the level it would be alerted at now (null: none). */
export const RulePreviewReading = Type.Object({
  unit: Type.String(),
  unitName: Nullable(Type.String()),
  unitNameEn: Nullable(Type.String()),
  /** The period of the value ('2026', '202603'). */
  period: Type.String(),
  value: Type.Number(),
  level: Nullable(Type.String()),
  severity: Nullable(AlertSeverity),
});
export type RulePreviewReading = Static<typeof RulePreviewReading>;

export const RulePreview = Type.Object({
  from: Type.String(),
  to: Type.String(),
  streams: Type.Array(Type.String()),
  points: Type.Integer({ minimum: 0 }),
  intervals: Type.Array(RulePreviewInterval),
  readings: Type.Optional(
    Type.Array(RulePreviewReading, {
      description:
        "an indicator rule's preview: each unit in the caller's scope with a value, the alerted ones first (gravest first)",
    }),
  ),
});
export type RulePreview = Static<typeof RulePreview>;
