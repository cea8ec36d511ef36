import { type Static, Type } from 'typebox';
import { AlertSeverity } from './alerts.ts';
import { Nullable, OrgUnitCode, RowId, RowOffset } from './common.ts';

/** The events an endpoint can subscribe to: the bus events of the alert engine. */
export const NotificationEvent = Type.Union([Type.Literal('alert.raised'), Type.Literal('alert.resolved')]);
export type NotificationEvent = Static<typeof NotificationEvent>;

/** 'webhook': a signed POST to a URL (the plug for SMS, Zalo and other gateways); 'email': over IOC_SMTP_URL. */
export const EndpointKind = Type.Union([Type.Literal('webhook'), Type.Literal('email')]);
export type EndpointKind = Static<typeof EndpointKind>;

const WebhookUrl = Type.String({
  pattern: '^https?://[^\\s/?#]+[^\\s]*$',
  maxLength: 2000,
  description: 'http(s) URL the notifications are POSTed to; only public addresses unless IOC_WEBHOOK_ALLOW_HOSTS',
});
const Recipient = Type.String({
  pattern: '^[^\\s@<>,;]+@[^\\s@<>,;]+\\.[^\\s@<>,;]+$',
  maxLength: 254,
  description: 'an e-mail address',
});

const endpointSettings = {
  name: Type.String({ minLength: 1, maxLength: 120 }),
  url: Type.Optional(Nullable(WebhookUrl)),
  recipients: Type.Optional(Type.Array(Recipient, { maxItems: 50, uniqueItems: true })),
  events: Type.Array(NotificationEvent, { minItems: 1, uniqueItems: true }),
  minSeverity: AlertSeverity,
  units: Type.Array(OrgUnitCode, {
    maxItems: 200,
    uniqueItems: true,
    description: "alerts on these units and the units under them; empty = every unit (the whole province's alerts)",
  }),
  enabled: Type.Boolean(),
};

export const CreateEndpointBody = Type.Object(
  { kind: EndpointKind, ...endpointSettings },
  { additionalProperties: false },
);
export type CreateEndpointBody = Static<typeof CreateEndpointBody>;

/** What can change after creation; the kind and the signing secret cannot. */
export const UpdateEndpointBody = Type.Partial(Type.Object(endpointSettings), { additionalProperties: false });
export type UpdateEndpointBody = Static<typeof UpdateEndpointBody>;

export const NotificationEndpoint = Type.Object({
  id: Type.Integer(),
  kind: EndpointKind,
  name: Type.String(),
  url: Nullable(Type.String()),
  recipients: Type.Array(Type.String()),
  hasSecret: Type.Boolean({ description: 'the signing secret itself is shown once, at creation' }),
  events: Type.Array(NotificationEvent),
  minSeverity: AlertSeverity,
  units: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  /** Deliveries not yet delivered nor given up, and those given up in the last 24 hours. */
  pending: Type.Integer(),
  failedLastDay: Type.Integer(),
});
export type NotificationEndpoint = Static<typeof NotificationEndpoint>;

/** The signing secret of a webhook is returned once, at creation (null for e-mail); only the IOC keeps it. */
export const CreatedEndpoint = Type.Object({ endpoint: NotificationEndpoint, secret: Nullable(Type.String()) });
export type CreatedEndpoint = Static<typeof CreatedEndpoint>;

export const DeliveryState = Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]);
export type DeliveryState = Static<typeof DeliveryState>;

export const DeliveryAttempt = Type.Object({
  at: Type.String(),
  /** The receiver's HTTP status (webhooks); null when there was no answer, or for e-mail. */
  status: Nullable(Type.Integer()),
  /** Why it failed, in fixed words (never the receiver's own text); null when it succeeded. */
  error: Nullable(Type.String()),
  durationMs: Type.Integer(),
});
export type DeliveryAttempt = Static<typeof DeliveryAttempt>;

export const NotificationDelivery = Type.Object({
  id: Type.Integer(),
  endpointId: Type.Integer(),
  endpointName: Type.String(),
  event: Type.String({ description: 'alert.raised, alert.resolved or notification.test' }),
  state: DeliveryState,
  /** How many alerts the payload lists (grouped by kind × unit). */
  alertCount: Type.Integer(),
  summary: Type.String({ description: 'one line, Vietnamese' }),
  summaryEn: Type.String(),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(Type.String()),
  createdAt: Type.String(),
  deliveredAt: Nullable(Type.String()),
  attemptLog: Type.Array(DeliveryAttempt),
});
export type NotificationDelivery = Static<typeof NotificationDelivery>;

export const DeliveryListQuery = Type.Object({
  endpoint: Type.Optional(RowId('only this endpoint')),
  state: Type.Optional(DeliveryState),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  offset: Type.Optional(RowOffset),
});
export type DeliveryListQuery = Static<typeof DeliveryListQuery>;

export const DeliveryPage = Type.Object({ items: Type.Array(NotificationDelivery), total: Type.Integer() });
export type DeliveryPage = Static<typeof DeliveryPage>;
