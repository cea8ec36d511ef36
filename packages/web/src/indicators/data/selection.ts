import { type DataSet, type Period, parsePeriod } from '@ioc/shared';
import { currentReportingPeriod, isPeriodType } from './periods.ts';

export type EntryTab = 'entry' | 'import';

/** What the data page works on, kept in the URL (`?set=&unit=&period=&tab=`) so a link opens the same form. */
export interface EntrySelection {
  set: DataSet | null;
  /** '' until a unit is chosen (a province officer picks the commune). */
  unit: string;
  period: Period | null;
  tab: EntryTab;
}

/**
 * Reads the URL against what exists: an unknown set falls back to the first one, a unit the user may not enter for to
 * their own unit (or the only one they may), a period of another frequency to the set's current reporting period.
 */
export function resolveEntrySelection(
  params: URLSearchParams,
  sets: readonly DataSet[],
  unitsOf: (set: DataSet) => readonly string[] | null,
  ownUnit: string | null,
  now: Date,
): EntrySelection {
  const tab: EntryTab = params.get('tab') === 'import' ? 'import' : 'entry';
  const set = sets.find((candidate) => candidate.code === params.get('set')) ?? sets[0] ?? null;
  if (!set) return { set: null, unit: '', period: null, tab };

  const allowed = unitsOf(set);
  const asked = params.get('unit') ?? '';
  let unit = asked;
  if (allowed) {
    if (!allowed.includes(unit)) unit = '';
    if (!unit && ownUnit && allowed.includes(ownUnit)) unit = ownUnit;
    if (!unit && allowed.length === 1) unit = allowed[0] ?? '';
  }

  const asPeriod = parsePeriod(params.get('period') ?? '');
  const period =
    asPeriod && asPeriod.type === set.frequency
      ? asPeriod
      : isPeriodType(set.frequency)
        ? currentReportingPeriod(set.frequency, set, now)
        : null;
  return { set, unit, period, tab };
}

/** The query string for a selection, in a stable order. */
export function entrySearch(selection: { set: string; unit: string; period: string; tab: EntryTab }): string {
  const params = new URLSearchParams();
  params.set('set', selection.set);
  if (selection.unit) params.set('unit', selection.unit);
  params.set('period', selection.period);
  if (selection.tab === 'import') params.set('tab', 'import');
  return `?${params.toString()}`;
}
