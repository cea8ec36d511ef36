import { type Static, type TSchema, Type } from 'typebox';
import type { Permission } from './permissions.ts';
import { Nullable } from './schemas/common.ts';

// Events cross servers on the NATS bus: every field is bounded and no field may be added, so what a server accepts
// from another is exactly what the types below say.
const Strict = { additionalProperties: false } as const;
const Text = (maxLength = 500) => Type.String({ maxLength });
/** A unit id: a GSO code, a closed unit's `<code>@2024`, or the deployment's root. */
const UnitId = Type.String({ pattern: '^[A-Za-z0-9_.@-]{1,40}$' });
const Instant = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$',
});

const DossierSynced = Type.Object(
  {
    code: Text(200),
    procedure: Nullable(Text(1000)),
    /** Matched agency code, else the name the portal sent. */
    agency: Text(),
    agencyName: Text(),
    status: Type.Integer(),
    /** When it reached that status. */
    at: Text(40),
    unit: Nullable(UnitId),
  },
  Strict,
);
/** How many dossiers a `dossiers.synced` event lists (it counts them all). */
export const DOSSIER_BATCH_MAX = 50;

/**
 * Live events pushed over `GET /api/v1/stream`; the name is the SSE `event:` field, the payload its `data:`. One schema
 * per event gives its type (`EventMap`) and the check a server runs on an event that reached it from another.
 */
export const EVENT_PAYLOADS = {
  'orgunit.updated': Type.Object(
    { id: UnitId, code: Text(40), name: Text(), fields: Type.Array(Text(60), { maxItems: 100 }) },
    Strict,
  ),
  'boundaries.imported': Type.Object(
    { matched: Type.Integer({ minimum: 0 }), unmatched: Type.Array(Text(200), { maxItems: 10_000 }) },
    Strict,
  ),
  'user.updated': Type.Object({ id: Type.Integer(), username: Text(100) }, Strict),
  'alert.raised': Type.Object(
    {
      id: Text(40),
      severity: Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('critical')]),
      title: Text(1000),
      titleEn: Type.Optional(Text(1000)),
      orgUnit: Nullable(UnitId),
      /** What raised it (task.overdue, rule.threshold…): notifications group by kind × unit. */
      kind: Type.Optional(Text(100)),
    },
    Strict,
  ),
  /** An alert resolved: by itself when its condition cleared, or by hand (the reason is then the note). */
  'alert.resolved': Type.Object(
    {
      id: Text(40),
      severity: Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('critical')]),
      title: Text(1000),
      titleEn: Text(1000),
      orgUnit: Nullable(UnitId),
      reason: Text(2000),
      kind: Type.Optional(Text(100)),
    },
    Strict,
  ),
  /**
   * The latest value of a stream (at most one per stream per second: the last value of that second wins). `unit` is
   * the stream's org unit, `uom` its unit of measure.
   */
  observation: Type.Object(
    {
      stream: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}/[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' }),
      t: Instant,
      value: Type.Number(),
      unit: Nullable(UnitId),
      uom: Text(40),
    },
    Strict,
  ),
  /** Values were stored for a unit: pages showing its indicators refresh. */
  'indicators.values': Type.Object(
    {
      unit: UnitId,
      periods: Type.Array(Text(20), { maxItems: 1000 }),
      elements: Type.Array(Text(100), { maxItems: 1000 }),
    },
    Strict,
  ),
  /** A dossier arrived or changed status (public services' live ticker). */
  'dossier.synced': DossierSynced,
  /**
   * The dossiers a stream's reader may see that synced within a short window, in one event: the stream sends this
   * instead of one `dossier.synced` each (a busy sync is thousands a minute). `count` is how many synced; `dossiers`
   * the latest of them, at most DOSSIER_BATCH_MAX.
   */
  'dossiers.synced': Type.Object(
    {
      count: Type.Integer({ minimum: 1, maximum: 1_000_000_000 }),
      dossiers: Type.Array(DossierSynced, { minItems: 1, maxItems: DOSSIER_BATCH_MAX }),
    },
    Strict,
  ),
  /** A directed task was assigned or changed (a report, an extension, a reminder…): direction pages refresh. */
  'task.updated': Type.Object(
    { id: Type.Integer(), kind: Text(60), leadUnit: Text(60), state: Text(40), at: Instant },
    Strict,
  ),
  /** A document was registered (entered or imported). */
  'document.registered': Type.Object(
    {
      id: Type.Integer(),
      direction: Type.Union([Type.Literal('incoming'), Type.Literal('outgoing')]),
      label: Text(1000),
    },
    Strict,
  ),
} satisfies Record<string, TSchema>;

export type EventMap = { [N in keyof typeof EVENT_PAYLOADS]: Static<(typeof EVENT_PAYLOADS)[N]> };

export type EventName = keyof EventMap;

/**
 * A record several agencies share (a directed task, a document): the agencies it belongs to and their org units. An
 * officer who acts for an agency receives it only if theirs is listed; others, if their scope covers one of the units.
 */
export const SharedAudience = Type.Object(
  { agencies: Type.Array(Text(60), { maxItems: 1000 }), units: Type.Array(UnitId, { maxItems: 1000 }) },
  Strict,
);
export type SharedAudience = Static<typeof SharedAudience>;

/**
 * An event as it travels on the bus. `orgUnit` is the unit it is about (null: the whole deployment, for users scoped
 * to the root unit); `shared`, for records of several agencies, narrows it to those agencies' people.
 */
export interface BusEvent<N extends EventName = EventName> {
  name: N;
  payload: EventMap[N];
  orgUnit: string | null;
  shared?: SharedAudience;
  at: string;
}

/** What a user must hold to receive each event, besides `events.read` and the scope: the permission to read its data. */
export const EVENT_PERMISSIONS: Record<EventName, Permission> = {
  'orgunit.updated': 'orgunits.read',
  'boundaries.imported': 'orgunits.read',
  'user.updated': 'users.read',
  'alert.raised': 'alerts.read',
  'alert.resolved': 'alerts.read',
  'indicators.values': 'indicators.read',
  observation: 'observations.read',
  'dossier.synced': 'publicservices.read',
  'dossiers.synced': 'publicservices.read',
  'task.updated': 'documents.read',
  'document.registered': 'documents.read',
};

export const EVENT_NAMES = Object.keys(EVENT_PAYLOADS) as readonly EventName[];

/** The whole event of one name, as a server checks it when it comes from another. */
export function busEventSchema(name: EventName): TSchema {
  return Type.Object(
    {
      name: Type.Literal(name),
      payload: EVENT_PAYLOADS[name],
      orgUnit: Nullable(UnitId),
      shared: Type.Optional(SharedAudience),
      at: Instant,
    },
    Strict,
  );
}
