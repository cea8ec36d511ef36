/** Live events pushed over `GET /api/v1/stream`; the name is the SSE `event:` field, the payload its `data:`. */
export interface EventMap {
  'orgunit.updated': { code: string; name: string; fields: string[] };
  'boundaries.imported': { matched: number; unmatched: string[] };
  'user.updated': { id: number; username: string };
  'audit.appended': { id: number; action: string; actor: string | null };
  'alert.raised': { id: string; severity: 'info' | 'warning' | 'critical'; title: string; orgUnit: string | null };
  'system.heartbeat': { at: string; node: string };
}

export type EventName = keyof EventMap;

/** An event as it travels on the bus: `orgUnit` lets the stream deliver it only to users whose scope covers it. */
export interface BusEvent<N extends EventName = EventName> {
  name: N;
  payload: EventMap[N];
  orgUnit: string | null;
  at: string;
}

export const EVENT_NAMES: readonly EventName[] = [
  'orgunit.updated',
  'boundaries.imported',
  'user.updated',
  'audit.appended',
  'alert.raised',
  'system.heartbeat',
];
