/** Live events pushed over `GET /api/v1/stream`; the name is the SSE `event:` field, the payload its `data:`. */
export interface EventMap {
  'orgunit.updated': { id: string; code: string; name: string; fields: string[] };
  'boundaries.imported': { matched: number; unmatched: string[] };
  'user.updated': { id: number; username: string };
  'alert.raised': {
    id: string;
    severity: 'info' | 'warning' | 'critical';
    title: string;
    titleEn?: string;
    orgUnit: string | null;
  };
  /** Values were stored for a unit: pages showing its indicators refresh. */
  'indicators.values': { unit: string; periods: string[]; elements: string[] };
  /** A dossier arrived or changed status (public services' live ticker). */
  'dossier.synced': {
    code: string;
    procedure: string | null;
    /** Matched agency code, else the name the portal sent. */
    agency: string;
    agencyName: string;
    status: number;
    /** When it reached that status. */
    at: string;
    unit: string | null;
  };
  /** A directed task was assigned or changed (a report, an extension, a reminder…): direction pages refresh. */
  'task.updated': { id: number; kind: string; leadUnit: string; state: string; at: string };
  /** A document was registered (entered or imported). */
  'document.registered': { id: number; direction: 'incoming' | 'outgoing'; label: string };
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
  'alert.raised',
  'indicators.values',
  'dossier.synced',
  'task.updated',
  'document.registered',
];
