import type { Permission } from './permissions.ts';

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

/**
 * A record several agencies share (a directed task, a document): the agencies it belongs to and their org units. An
 * officer who acts for an agency receives it only if theirs is listed; others, if their scope covers one of the units.
 */
export interface SharedAudience {
  agencies: string[];
  units: string[];
}

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
  'indicators.values': 'indicators.read',
  'dossier.synced': 'publicservices.read',
  'task.updated': 'documents.read',
  'document.registered': 'documents.read',
};

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
