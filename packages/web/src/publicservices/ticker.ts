import type { EventMap, PsTickerItem } from '@ioc/shared';

export const TICKER_LIMIT = 30;

/** A ticker line: the API's item, marked when it arrived live (highlighted for a moment). */
export interface TickerEntry extends PsTickerItem {
  live: boolean;
}

/** A `dossier.synced` event as a ticker line; `receivedAt` is when the bus carried it (its sync time). */
export function tickerEntryOf(payload: EventMap['dossier.synced'], receivedAt: string): TickerEntry {
  return {
    code: payload.code,
    procedure: payload.procedure,
    agency: payload.agency,
    agencyName: payload.agencyName,
    unitId: payload.unit,
    status: payload.status,
    at: payload.at,
    syncedAt: receivedAt,
    live: true,
  };
}

/**
 * A `dossiers.synced` batch as ticker lines for `unit`, newest first (the batch lists them oldest first): only the
 * dossiers the ticker's unit concerns.
 */
export function tickerEntriesOf(
  batch: EventMap['dossiers.synced'],
  receivedAt: string,
  unit: string,
  rootUnit: string,
): TickerEntry[] {
  return batch.dossiers
    .filter((dossier) => concernsUnit(dossier.unit, unit, rootUnit))
    .map((dossier) => tickerEntryOf(dossier, receivedAt))
    .reverse();
}

/** Whether a live event belongs on the ticker of `unit`: the root unit sees every dossier, a commune its own. */
export function concernsUnit(eventUnit: string | null, unit: string, rootUnit: string): boolean {
  return unit === rootUnit || eventUnit === unit;
}

/**
 * Puts the newly synced entries on top (the first of `incoming` is the newest), one line per dossier: a dossier
 * already listed moves up with its new status, unless what arrived is older than what is shown (a late step),
 * which is dropped. At most `limit` lines.
 */
export function mergeTicker(
  current: readonly TickerEntry[],
  incoming: readonly TickerEntry[],
  limit = TICKER_LIMIT,
): TickerEntry[] {
  const shown = new Map(current.map((entry) => [entry.code, entry]));
  const top: TickerEntry[] = [];
  const taken = new Set<string>();
  for (const entry of incoming) {
    if (taken.has(entry.code)) continue;
    const before = shown.get(entry.code);
    if (before && Date.parse(before.at) > Date.parse(entry.at)) continue;
    top.push(entry);
    taken.add(entry.code);
  }
  const rest = current.filter((entry) => !taken.has(entry.code));
  return [...top, ...rest].slice(0, limit);
}

/** The API's opening list as ticker lines, one per dossier, newest first. */
export function openingTicker(items: readonly PsTickerItem[], limit = TICKER_LIMIT): TickerEntry[] {
  return mergeTicker(
    [],
    items.map((item) => ({ ...item, live: false })),
    limit,
  );
}
