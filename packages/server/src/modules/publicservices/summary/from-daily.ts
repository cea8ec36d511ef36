/**
 * A period's one-stop figures from the daily counts plus the dossiers open at its end — the same figures
 * `summarize` gives from every dossier (a test holds the two equal), at a cost that does not grow with the year.
 */
import { progressAt } from '../metrics/classify.ts';
import type { Calendar } from '../metrics/clock.ts';
import type { DossierFacts } from '../metrics/facts.ts';
import { emptyTally, type Figures, finish, type Tally } from '../metrics/figures.ts';
import type { GroupFigures } from '../metrics/summary.ts';
import type { DailyTotals } from './daily.repo.ts';

export type DailyGroupBy = 'agency' | 'unit';

function tallyOf(t: DailyTotals): Tally {
  return {
    ...emptyTally(),
    received: t.received,
    carriedOver: t.carriedOver,
    returned: t.returned,
    withdrawn: t.withdrawn,
    early: t.early,
    onTime: t.onTime,
    late: t.late,
    resolutionSum: t.resolutionSum,
    resolutionCount: t.resolutionCount,
    inPerson: t.inPerson,
    online: t.online,
    postal: t.postal,
    unknownChannel: t.unknownChannel,
    paidOnline: t.paidOnline,
    digitised: t.digitised,
  };
}

function merge(into: Tally, from: Tally): void {
  for (const k of Object.keys(from) as (keyof Tally)[]) into[k] += from[k];
}

/** Nothing counted (a resolution sum taken back to zero may keep a float residue: counts decide). */
const isEmpty = (t: Tally) => Object.entries(t).every(([k, v]) => k === 'resolutionSum' || v === 0);

/**
 * `totals`: daily counts summed over the period (and carried in before it); `open`: the dossiers in processing at
 * `at` (the period's end, or now for a running period). Groups with nothing in the period are left out.
 */
export function figuresFromDaily(
  totals: readonly DailyTotals[],
  open: readonly DossierFacts[],
  at: number,
  calendar: Calendar,
  groupBy?: DailyGroupBy,
): { total: Figures; groups: GroupFigures[] } {
  const keyOf = (agency: string, unitId: string | null) =>
    groupBy === 'agency' ? agency : groupBy === 'unit' ? unitId || null : null;
  const groups = new Map<string | null, Tally>();
  const tally = (key: string | null) => {
    let t = groups.get(key);
    if (!t) {
      t = emptyTally();
      groups.set(key, t);
    }
    return t;
  };
  for (const row of totals) merge(tally(keyOf(row.agency, row.unitId)), tallyOf(row));
  for (const facts of open) tally(keyOf(facts.agency, facts.unitId))[progressAt(facts, at, calendar).progress]++;

  const total = emptyTally();
  for (const t of groups.values()) merge(total, t);
  const keys = [...groups.keys()]
    .filter((k) => !isEmpty(groups.get(k)!))
    .sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  return {
    total: finish(total),
    groups: groupBy ? keys.map((key) => ({ key, figures: finish(groups.get(key)!) })) : [],
  };
}
