/**
 * Where one dossier stands in a period [from, to) — the single place the one-stop definitions live:
 *
 * - returned: status 3 "not accepted", counted in the period of its status time. It never entered processing,
 *   so it is not received, carried over or to process, and weighs on no on-time or overdue rate.
 * - received: reception time (NgayTiepNhan) in [from, to).
 * - carried over: received before `from` and neither finished nor withdrawn before `from`.
 * - withdrawn: status 7 (withdrawal requested) or 8 (stopped); the dossier leaves the flow at its status time.
 * - finished: end of processing (NgayKetThucXuLy; for statuses 9/10 without it, the return date, else the status
 *   time) in [from, to). Timing against the adjusted due date (due moved later by the supplement pauses):
 *     late    = finished after the adjusted due, or a second supplement was requested;
 *     early   = not late and finished at least `earlyDays` (1) working day before the adjusted due;
 *     on time = the rest (finished ≤ adjusted due). A dossier without a due date is on time unless re-supplemented.
 * - in progress at `to` (received or carried over, not ended before `to`), with the clock read at `to`:
 *     overdue     = adjusted due < `to`, or a second supplement was requested before `to`;
 *     due soon    = not overdue and due within `dueSoonDays` (2) working days of `to` (calendar.dueWithin);
 *     not yet due = the rest, including dossiers without a due date.
 * For a period not over yet, pass the period so far (`periodSoFar`): "at `to`" then means now.
 */
import { adjustedDue, type Calendar, requestsBefore, resolutionDays } from './clock.ts';
import { type DossierFacts, Status } from './facts.ts';

/** Half-open [from, to), ISO instants with an explicit offset (a local month starts at 00:00+07:00). */
export interface Period {
  from: string;
  to: string;
}

export type Timing = 'early' | 'onTime' | 'late';
export type Progress = 'overdue' | 'dueSoon' | 'notYetDue';

export type Standing =
  | { kind: 'outside' }
  | { kind: 'returned' }
  | { kind: 'withdrawn'; at: number }
  | { kind: 'finished'; at: number; timing: Timing; adjustedDue: number | null; resolutionDays: number | null }
  | { kind: 'inProgress'; progress: Progress; adjustedDue: number | null };

export interface Classification {
  received: boolean;
  carriedOver: boolean;
  standing: Standing;
  /** Supplement requests before the dossier's end (or `to` if still open): two or more make it late. */
  supplementRequests: number;
}

export interface ClassifyOptions {
  /** "Nearly due" horizon in working days; one-stop dashboards use 2. */
  dueSoonDays?: number;
  /** How many working days ahead of the due date counts as early; we use 1. */
  earlyDays?: number;
}

export const DUE_SOON_DAYS = 2;
export const EARLY_DAYS = 1;
/** Decision 766: the second supplement request counts the dossier as overdue. */
export const LATE_AT_REQUEST = 2;

export function parsePeriod(period: Period): { from: number; to: number } {
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) {
    throw new RangeError(`Invalid period ${period.from} → ${period.to}`);
  }
  return { from, to };
}

/** A period that has not ended yet is judged as of now. */
export function periodSoFar(period: Period, now: Date): Period {
  const { from, to } = parsePeriod(period);
  const end = Math.max(from, Math.min(to, now.getTime()));
  return { from: period.from, to: new Date(end).toISOString() };
}

/** When and how a dossier left processing; null while it is open. Status 3 is handled before (never in processing). */
export function endOf(facts: DossierFacts): { at: number; how: 'finished' | 'withdrawn' } | null {
  const end = rawEnd(facts);
  // A dossier cannot leave processing before it entered it: an end dated before reception is read as at reception.
  if (end && facts.receivedAt !== null && end.at < facts.receivedAt) return { ...end, at: facts.receivedAt };
  return end;
}

function rawEnd(facts: DossierFacts): { at: number; how: 'finished' | 'withdrawn' } | null {
  if (facts.status === Status.withdrawalRequested || facts.status === Status.stopped) {
    return { at: facts.statusAt, how: 'withdrawn' };
  }
  if (facts.finishedAt !== null) return { at: facts.finishedAt, how: 'finished' };
  if (facts.status === Status.processed || facts.status === Status.resultReturned) {
    return { at: facts.returnedAt ?? facts.statusAt, how: 'finished' };
  }
  return null;
}

export function timingOf(
  facts: DossierFacts,
  finishedAt: number,
  calendar: Calendar,
  earlyDays = EARLY_DAYS,
): { timing: Timing; adjustedDue: number | null } {
  const resupplied = requestsBefore(facts, finishedAt) >= LATE_AT_REQUEST;
  const due = adjustedDue(facts, finishedAt, calendar);
  if (resupplied || (due !== null && finishedAt > due)) return { timing: 'late', adjustedDue: due };
  if (due === null) return { timing: 'onTime', adjustedDue: null };
  const ahead = calendar.workingDaysBetween(new Date(finishedAt), new Date(due));
  return { timing: ahead >= earlyDays ? 'early' : 'onTime', adjustedDue: due };
}

export function progressAt(
  facts: DossierFacts,
  at: number,
  calendar: Calendar,
  dueSoonDays = DUE_SOON_DAYS,
): { progress: Progress; adjustedDue: number | null } {
  const due = adjustedDue(facts, at, calendar);
  if (requestsBefore(facts, at) >= LATE_AT_REQUEST || (due !== null && due < at)) {
    return { progress: 'overdue', adjustedDue: due };
  }
  if (due !== null && calendar.dueWithin(new Date(at), new Date(due), dueSoonDays)) {
    return { progress: 'dueSoon', adjustedDue: due };
  }
  return { progress: 'notYetDue', adjustedDue: due };
}

export function classify(
  facts: DossierFacts,
  period: Period,
  calendar: Calendar,
  options: ClassifyOptions = {},
): Classification {
  const { from, to } = parsePeriod(period);
  const outside: Classification = {
    received: false,
    carriedOver: false,
    standing: { kind: 'outside' },
    supplementRequests: 0,
  };
  if (facts.status === Status.notAccepted) {
    const inPeriod = facts.statusAt >= from && facts.statusAt < to;
    return inPeriod ? { ...outside, standing: { kind: 'returned' } } : outside;
  }
  const received = facts.receivedAt;
  if (received === null || received >= to) return outside;
  const end = endOf(facts);
  if (end && end.at < from) return outside;
  const base = { received: received >= from, carriedOver: received < from };

  if (end && end.at < to) {
    const supplementRequests = requestsBefore(facts, end.at);
    if (end.how === 'withdrawn') return { ...base, standing: { kind: 'withdrawn', at: end.at }, supplementRequests };
    const { timing, adjustedDue } = timingOf(facts, end.at, calendar, options.earlyDays);
    const days = resolutionDays(facts, end.at, calendar);
    return {
      ...base,
      standing: { kind: 'finished', at: end.at, timing, adjustedDue, resolutionDays: days },
      supplementRequests,
    };
  }
  const { progress, adjustedDue } = progressAt(facts, to, calendar, options.dueSoonDays);
  return {
    ...base,
    standing: { kind: 'inProgress', progress, adjustedDue },
    supplementRequests: requestsBefore(facts, to),
  };
}
