import { type BusEvent, busEventSchema, EVENT_NAMES, type EventName } from '@ioc/shared';
import { type TSchema, Type } from 'typebox';
import { Compile } from 'typebox/compile';
import type { Revocation } from './bus.ts';

/** What one server sends the others: the event, or the ended sign-ins, with the sending node's name. */
export interface EventEnvelope {
  node: string;
  event: BusEvent;
}
export interface RevocationEnvelope {
  node: string;
  revocation: Revocation;
}

export type Reading<T> = { ok: true; value: T } | { ok: false; reason: string };

const Node = Type.String({ minLength: 1, maxLength: 200 });
const EventWrapper = Compile(
  Type.Object(
    { node: Node, event: Type.Object({ name: Type.String({ maxLength: 100 }) }) },
    { additionalProperties: false },
  ),
);
const EVENT_CHECKS = new Map(EVENT_NAMES.map((name) => [name, Compile(busEventSchema(name))] as const));
const KNOWN = new Set<string>(EVENT_NAMES);

const Ids = <T extends TSchema>(item: T) => Type.Optional(Type.Array(item, { maxItems: 10_000 }));
const SessionId = Type.String({ pattern: '^[0-9a-f]{64}$' });
const RevocationCheck = Compile(
  Type.Object(
    {
      node: Node,
      revocation: Type.Object(
        {
          sessionIds: Ids(SessionId),
          userIds: Ids(Type.Integer()),
          keepSessionId: Type.Optional(SessionId),
          apiKeyIds: Ids(Type.Integer()),
        },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false },
  ),
);

function parse(data: Uint8Array): Reading<unknown> {
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data)) };
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
}

const firstError = (errors: { instancePath: string; message: string }[]) =>
  errors[0] ? `${errors[0].instancePath || '/'} ${errors[0].message}` : 'invalid';

/** An event from another server, checked against the event map: a known name, its payload's shape, its audience. */
export function readEventEnvelope(data: Uint8Array): Reading<EventEnvelope> {
  const parsed = parse(data);
  if (!parsed.ok) return parsed;
  if (!EventWrapper.Check(parsed.value)) return { ok: false, reason: 'not an event envelope' };
  const { node, event } = parsed.value;
  const name = event.name;
  if (!KNOWN.has(name)) return { ok: false, reason: `unknown event ${JSON.stringify(name.slice(0, 60))}` };
  const check = EVENT_CHECKS.get(name as EventName)!;
  if (!check.Check(event)) return { ok: false, reason: `${name}: ${firstError(check.Errors(event))}` };
  return { ok: true, value: { node, event: event as BusEvent } };
}

export function readRevocation(data: Uint8Array): Reading<RevocationEnvelope> {
  const parsed = parse(data);
  if (!parsed.ok) return parsed;
  if (!RevocationCheck.Check(parsed.value)) {
    return { ok: false, reason: `revocation: ${firstError(RevocationCheck.Errors(parsed.value))}` };
  }
  return { ok: true, value: parsed.value as RevocationEnvelope };
}
