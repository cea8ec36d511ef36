/**
 * A dossier's processing clock: it runs in working time from reception and stops while the office waits for the
 * citizen's supplement (Decision 766: that time is not counted). All working-time arithmetic is the calendar's.
 */
import type { WorkingCalendar } from '../../calendar/working-days.ts';
import type { DossierFacts } from './facts.ts';

/** What the metrics need of a calendar (tests may pass any object that does these three things). */
export type Calendar = Pick<WorkingCalendar, 'addWorkingDays' | 'workingDaysBetween' | 'dueWithin'>;

/** A stopped-clock interval, ISO instants, as the calendar takes them. */
export interface Pause {
  from: string;
  to: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Supplement requests made before `at`: a later request cannot change how the dossier stood at `at`. */
export function requestsBefore(facts: DossierFacts, at: number): number {
  return facts.supplements.filter((s) => s.requestedAt < at).length;
}

/** Waiting-for-citizen intervals as known at `at`: a supplement not yet supplied by then is still waiting at `at`. */
export function pausesUntil(facts: DossierFacts, at: number): Pause[] {
  return facts.supplements
    .filter((s) => s.requestedAt < at)
    .map((s) => ({ from: iso(s.requestedAt), to: iso(Math.min(s.suppliedAt ?? at, at)) }));
}

/** Working days the clock stood still between reception and `at` (overlaps counted once, by the calendar). */
export function pausedDays(facts: DossierFacts, at: number, calendar: Calendar): number {
  if (facts.receivedAt === null || at <= facts.receivedAt) return 0;
  const from = new Date(facts.receivedAt);
  const to = new Date(at);
  return calendar.workingDaysBetween(from, to) - calendar.workingDaysBetween(from, to, pausesUntil(facts, at));
}

/** The appointment date moved later by the working time spent waiting for supplements up to `at`; null: no due date. */
export function adjustedDue(facts: DossierFacts, at: number, calendar: Calendar): number | null {
  if (facts.dueAt === null) return null;
  const paused = pausedDays(facts, at, calendar);
  return paused > 0 ? calendar.addWorkingDays(new Date(facts.dueAt), paused).getTime() : facts.dueAt;
}

/** Resolution time: working days from reception to `finishedAt`, pauses excluded; never negative (bad dates). */
export function resolutionDays(facts: DossierFacts, finishedAt: number, calendar: Calendar): number | null {
  if (facts.receivedAt === null) return null;
  if (finishedAt <= facts.receivedAt) return 0;
  const days = calendar.workingDaysBetween(
    new Date(facts.receivedAt),
    new Date(finishedAt),
    pausesUntil(facts, finishedAt),
  );
  return Math.max(0, days);
}
