/**
 * Office time and the life of one directed task: reports, an extension, reminders, escalation, comments, completion
 * or cancellation. A task's life is drawn from its own generator, so it never depends on the plan's end.
 */

import { dateOfIndex, localDayOf, startOfLocalDay } from '../../calendar/local-time.ts';
import { VIETNAM_HOLIDAYS } from '../../calendar/vn-holidays.ts';
import { WorkingCalendar } from '../../calendar/working-days.ts';
import type { Rng } from '../../demo/random.ts';
import type { DemoAction, DemoAgency } from './plan.ts';
import {
  APPROVALS,
  CANCELLATIONS,
  COMMENTS,
  ESCALATIONS,
  EXTENSION_REASONS,
  fill,
  REFUSALS,
  REMINDERS,
  REPORT_TEXTS,
} from './vocabulary.ts';

const calendar = new WorkingCalendar(VIETNAM_HOLIDAYS);
const working = new Map<number, boolean>();
const dates = new Map<number, string>();
const OPEN_MS = 7.5 * 3_600_000;
const CLOSE_MS = 17 * 3_600_000;
const MINUTE = 60_000;

/** `YYYY-MM-DD` of a local day index, cached: a plan writes the same few hundred dates tens of thousands of times. */
export function dateOf(day: number): string {
  let date = dates.get(day);
  if (date === undefined) {
    date = dateOfIndex(day);
    dates.set(day, date);
  }
  return date;
}

/** Working day in the civil-service calendar (Mon–Fri, less holidays, plus announced make-up Saturdays). */
export function isWorkingDay(day: number): boolean {
  let yes = working.get(day);
  if (yes === undefined) {
    yes = calendar.isWorkingDay(dateOf(day));
    working.set(day, yes);
  }
  return yes;
}

/** The first working day on or after `day`. */
export function workingOnOrAfter(day: number): number {
  let d = day;
  while (!isWorkingDay(d)) d++;
  return d;
}

/** `n` working days after (n > 0) or before (n < 0) `day`. */
export function shiftWorkingDays(day: number, n: number): number {
  let d = day;
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0; ) {
    d += step;
    if (isWorkingDay(d)) left--;
  }
  return d;
}

/** An instant in office hours of a working `day`: busier mornings and afternoons than at lunch. Whole seconds. */
export function officeInstant(rng: Rng, day: number): number {
  const x = rng.next();
  const hours = x < 0.5 ? rng.between(7.5, 11.5) : x < 0.92 ? rng.between(13.5, 17) : rng.between(11.5, 13.5);
  return startOfLocalDay(day) + Math.floor(hours * 3_600) * 1_000;
}

/** An instant in office hours strictly after `after` (a minute at least), on `day` or the next working day that has room. */
export function instantAfter(rng: Rng, after: number, day: number): number {
  let d = workingOnOrAfter(Math.max(day, localDayOf(after)));
  for (;;) {
    const start = startOfLocalDay(d);
    const lo = Math.max(start + OPEN_MS, after + MINUTE);
    const hi = start + CLOSE_MS;
    if (lo < hi - MINUTE) return Math.floor((lo + rng.next() * (hi - MINUTE - lo)) / 1_000) * 1_000;
    d = workingOnOrAfter(d + 1);
  }
}

/** `DD/MM/YYYY` as Vietnamese texts write a day. */
const vnDate = (day: number) => {
  const iso = dateOf(day);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
};

/** A follow-up before it is given its time. */
type Undated<A = DemoAction> = A extends unknown ? Omit<A, 'at'> : never;

export interface TaskSeed {
  ref: string;
  /** Creation instant (ms). */
  created: number;
  /** The deadline as a local day index (a working day). */
  dueDay: number;
  lead: DemoAgency;
  /** Chronically late unit: finishes late far more often and is reminded more. */
  late: boolean;
  rng: Rng;
}

/**
 * Everything that happens to a task after it is assigned, in no particular order, every instant strictly after its
 * creation and in office hours; nothing after its completion (a report at 100 %) or cancellation.
 */
export function followUpsOf(task: TaskSeed): DemoAction[] {
  const { ref, created, lead, late, rng } = task;
  const unit = lead.code;
  const createdDay = localDayOf(created);
  const out: DemoAction[] = [];
  const push = (at: number, action: Undated) => out.push({ ...action, at: new Date(at) } as DemoAction);
  const onTime = rng.chance(late ? 0.63 : 0.93);
  const cancelled = rng.chance(0.02);

  // An extension: asked a few working days before the deadline, decided 1–3 working days later.
  let due = task.dueDay;
  let notBefore = created;
  if (rng.chance(late ? 0.25 : 0.13)) {
    const askDay = Math.max(workingOnOrAfter(createdDay + 1), shiftWorkingDays(due, -(1 + rng.int(5))));
    const askedAt = instantAfter(rng, created, askDay);
    const wanted = workingOnOrAfter(due + 7 + rng.int(24));
    push(askedAt, {
      kind: 'extension',
      taskRef: ref,
      unit,
      body: { dueDate: dateOf(wanted), reason: rng.pick(EXTENSION_REASONS) },
    });
    const decidedAt = instantAfter(rng, askedAt, shiftWorkingDays(localDayOf(askedAt), 1 + rng.int(3)));
    const approve = rng.chance(0.8);
    push(decidedAt, {
      kind: 'decision',
      taskRef: ref,
      body: approve
        ? { approve, note: fill(rng.pick(APPROVALS), { due: vnDate(wanted) }) }
        : { approve, note: rng.pick(REFUSALS) },
    });
    if (approve) due = wanted;
    notBefore = decidedAt;
  }

  // Completion: on time somewhere in the last three quarters of the span (more often near the deadline), or late.
  const earliest = Math.max(localDayOf(notBefore), createdDay + Math.max(1, Math.floor((due - createdDay) / 4)));
  let doneDay: number;
  if (onTime && earliest <= due) {
    doneDay = earliest + Math.floor((due - earliest + 1) * Math.sqrt(rng.next()));
    while (doneDay > earliest && !isWorkingDay(doneDay)) doneDay--;
  } else {
    // Some late tasks drag on for months: the overdue backlog a live demo shows.
    const lateness = rng.chance(late ? 0.2 : 0.1)
      ? 40 + rng.int(80)
      : 1 + Math.floor(rng.next() ** 1.5 * (late ? 45 : 20));
    doneDay = shiftWorkingDays(Math.max(due, earliest), lateness);
  }
  const doneAt = instantAfter(rng, notBefore, doneDay);

  // Progress reports before completion, rising.
  const spanDays = localDayOf(doneAt) - createdDay;
  const count = Math.min(4, Math.floor(spanDays / 15) + rng.int(2));
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const at = instantAfter(rng, created, createdDay + 1 + rng.int(Math.max(1, spanDays - 1)));
    if (at < doneAt) times.push(at);
  }
  times.sort((a, b) => a - b);
  let percent = 0;
  times.forEach((at, i) => {
    const target = 5 * Math.round((10 + (85 * (i + 1)) / (times.length + 1) + rng.between(-8, 8)) / 5);
    percent = Math.min(95, Math.max(percent + 5, target));
    const stage = percent < 30 ? 0 : percent < 70 ? 1 : 2;
    const text = fill(rng.pick(REPORT_TEXTS[stage]), { n: 2 + rng.int(12) });
    push(at, { kind: 'report', taskRef: ref, unit, body: { percent, text } });
  });

  // Overdue: a formal reminder is a leader's act on record (three a year put the unit head under review), so only
  // some late tasks get one; the chronically late get them more often, and sometimes an escalation.
  const reminders: number[] = [];
  const formal = rng.chance(late ? 0.5 : 0.3);
  let remindAt = instantAfter(rng, notBefore, shiftWorkingDays(due, 1 + rng.int(3)));
  while (formal && remindAt < doneAt && reminders.length < (late ? 2 : 1)) {
    reminders.push(remindAt);
    const vars = {
      late: localDayOf(remindAt) - due,
      due: vnDate(due),
      unit: lead.name,
      count: reminders.length,
    };
    push(remindAt, { kind: 'reminder', taskRef: ref, body: { text: fill(rng.pick(REMINDERS), vars) } });
    if (reminders.length === 1 && rng.chance(late ? 0.3 : 0.1)) {
      const at = instantAfter(rng, remindAt, shiftWorkingDays(localDayOf(remindAt), 1 + rng.int(3)));
      if (at < doneAt) push(at, { kind: 'escalate', taskRef: ref, body: { text: fill(rng.pick(ESCALATIONS), vars) } });
    }
    const gap = late ? 5 + rng.int(6) : 8 + rng.int(8);
    remindAt = instantAfter(rng, remindAt, shiftWorkingDays(localDayOf(remindAt), gap));
  }

  if (rng.chance(0.12)) {
    const at = instantAfter(rng, created, createdDay + rng.int(Math.max(1, spanDays)));
    const text = fill(rng.pick(COMMENTS), { unit: lead.name });
    if (at < doneAt) push(at, { kind: 'comment', taskRef: ref, body: { text } });
  }

  push(doneAt, { kind: 'report', taskRef: ref, unit, body: { percent: 100, text: rng.pick(REPORT_TEXTS[3]) } });

  if (cancelled) {
    const cancelAt = instantAfter(rng, created, createdDay + 1 + rng.int(Math.max(1, Math.floor(spanDays * 0.8))));
    if (cancelAt >= doneAt) return out;
    const kept = out.filter((a) => a.at.getTime() < cancelAt);
    kept.push({ at: new Date(cancelAt), kind: 'cancel', taskRef: ref, body: { text: rng.pick(CANCELLATIONS) } });
    return kept;
  }
  return out;
}
