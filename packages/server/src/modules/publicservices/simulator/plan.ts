/**
 * The life of each dossier received on one day, decided once and independently of when it is looked at: reception,
 * assignment, supplement requests, end of processing, return of the result (or refusal, withdrawal). Projecting a plan
 * onto an `asOf` instant (records.ts) then gives the record the portal would sync at that moment.
 *
 * Times are worked out in working time (work-clock.ts) so that every step falls in office hours and the due date is
 * exactly the calendar's; instants are whole seconds because the portal's dates carry no milliseconds.
 */

import { compactDateOf, dateOfIndex, startOfLocalDay } from '../../calendar/local-time.ts';
import { Rng, type WeightedPicker } from '../../demo/random.ts';
import { companyName, personName, REFUSAL_REASONS, SUPPLEMENT_REASONS } from './people.ts';
import { ENTERPRISE_FIELDS, MIXED_FIELDS, type Procedure } from './procedures.ts';
import { type DayKind, expectedIntake, intakeNoise, trends } from './trends.ts';
import type { WorkClock } from './work-clock.ts';

/** An agency as the simulator needs it: the seeded ps_agencies row, with the commune's population when known. */
export interface SimulatorAgency {
  code: string;
  /** Written as DonViXuLy, so the sync's agency matcher finds it. */
  name: string;
  unitId: string;
  /** 'department' (a provincial department, matched by code) or 'commune' (a commune's one-stop office). */
  kind: string;
  /** Weighs how many commune-level dossiers the commune gets; equal shares (with some spread) when missing. */
  population?: number;
}

export type StepKind =
  | 'received'
  | 'refused'
  | 'assigned'
  | 'supplementRequested'
  | 'supplied'
  | 'processed'
  | 'returned'
  | 'withdrawn'
  | 'stopped';

/** TrangThaiHoSo of each step. */
export const STEP_STATUS: Record<StepKind, number> = {
  received: 2,
  refused: 3,
  assigned: 4,
  supplementRequested: 5,
  supplied: 4,
  processed: 9,
  returned: 10,
  withdrawn: 7,
  stopped: 8,
};

export interface PlannedStep {
  at: number;
  kind: StepKind;
}

export interface PlannedSupplement {
  requestedAt: number;
  /** null: never supplied (the dossier is stopped). */
  suppliedAt: number | null;
  reason: string;
}

export interface DossierPlan {
  code: string;
  procedure: Procedure;
  agency: SimulatorAgency;
  channel: 1 | 2 | 3;
  ownerName: string;
  ownerKind: 1 | 2;
  submittedAt: number;
  receivedAt: number;
  /** Appointment date; null for a refused dossier. */
  dueAt: number | null;
  paidOnline: boolean;
  digitised: boolean;
  supplements: PlannedSupplement[];
  finishedAt: number | null;
  returnedAt: number | null;
  /** Strictly increasing times; the first is the reception (or the refusal). */
  steps: PlannedStep[];
  /** Time of the last step: a plan is of no interest to a live window that starts after it. */
  lastAt: number;
  refusalReason: string | null;
  /** Which of the agency's officers handles it. */
  officer: number;
}

export interface PlanContext {
  seed: string;
  clock: WorkClock;
  dossiersPerDay: number;
  dayKind(day: number): DayKind;
  /** All procedures (working days) and the commune ones (days off: only commune offices keep a duty desk). */
  procedures: { all: WeightedPicker<Procedure>; commune: WeightedPicker<Procedure> | null };
  onlineFactors: ReadonlyMap<Procedure, number>;
  /** Weight of each procedure, to scale online probabilities so the day's online share meets the trend. */
  weights: readonly { procedure: Procedure; weight: number; commune: boolean }[];
  communes: WeightedPicker<SimulatorAgency> | null;
  departments: ReadonlyMap<string, SimulatorAgency>;
  /** Share of dossiers finished late, by agency code; BASE_LATE_SHARE for the rest. */
  lateShares: ReadonlyMap<string, number>;
}

export const BASE_LATE_SHARE = 0.004;
const REFUSED_SHARE = 0.01;
const WITHDRAWN_SHARE = 0.01;
const ONE_SUPPLEMENT_SHARE = 0.05;
const TWO_SUPPLEMENTS_SHARE = 0.005;
const POSTAL_SHARE = 0.015;
const NEVER_COLLECTED_SHARE = 0.02;
/** Bounds that keep every dossier's events within a known span (the live stream looks back that far). */
export const MAX_OVERRUN_DAYS = 10;
export const MAX_PAUSE_DAYS = 6;
export const MAX_RETURN_DAYS = 4;
export const MAX_STOP_DAYS = 15;
const MAX_ONLINE_PROBABILITY = 0.95;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function wholeSecond(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

/** The instant at working time `working`, in whole seconds. */
function instantAt(clock: WorkClock, working: number): number {
  return wholeSecond(clock.instantAt(working));
}

/**
 * Online probability per procedure for a day: the procedure's factor times one scale, found by bisection so that the
 * weighted share (capped at 95 % per procedure) meets the day's province-wide target.
 */
function onlineProbabilities(ctx: PlanContext, day: number, communeOnly: boolean): Map<Procedure, number> {
  const target = trends.onlineShare(day);
  const items = ctx.weights.filter((w) => w.commune || !communeOnly);
  const total = items.reduce((sum, w) => sum + w.weight, 0);
  const shareAt = (scale: number) =>
    items.reduce(
      (sum, w) => sum + w.weight * Math.min(MAX_ONLINE_PROBABILITY, scale * ctx.onlineFactors.get(w.procedure)!),
      0,
    ) / total;
  let lo = 0;
  let hi = 10;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (shareAt(mid) < target) lo = mid;
    else hi = mid;
  }
  const probabilities = new Map<Procedure, number>();
  for (const w of items) {
    probabilities.set(w.procedure, Math.min(MAX_ONLINE_PROBABILITY, lo * ctx.onlineFactors.get(w.procedure)!));
  }
  return probabilities;
}

/** Reception time after local midnight: busy mornings, a lunch lull, a quieter afternoon; mornings only on days off. */
function receptionTime(rng: Rng, kind: DayKind, clock: WorkClock): number {
  const start = clock.dayStartMs;
  const end = start + clock.windowMs;
  const lunchStart = 11.5 * HOUR;
  const lunchEnd = 13.5 * HOUR;
  if (kind !== 'working') return rng.between(start, Math.min(end, lunchStart));
  const u = rng.next();
  if (u < 0.6) return rng.between(start, Math.min(end, lunchStart));
  if (u < 0.63) return rng.between(lunchStart, lunchEnd);
  return rng.between(Math.max(start, lunchEnd), end);
}

/** Working time from reception to the end of processing, supplement pauses excluded. */
function processingTime(rng: Rng, deadline: number, late: boolean, window: number): number {
  if (late) {
    const overrun = Math.max(30 * MINUTE, deadline * rng.between(0.05, 0.5));
    return deadline + Math.min(overrun, MAX_OVERRUN_DAYS * window);
  }
  // Most finish well before the appointment; the 5 % margin keeps on-time dossiers on time after rounding.
  return deadline * (0.05 + 0.9 * rng.next() ** 1.4);
}

/** Pause while the citizen gathers a supplement: skewed towards a day or two. */
function pauseLength(rng: Rng, window: number): number {
  return window * (0.3 + (MAX_PAUSE_DAYS - 0.3) * rng.next() ** 2);
}

type Outcome = 'refused' | 'withdrawn' | 'stopped' | 'processed';

function plannedOutcome(rng: Rng): Outcome {
  const u = rng.next();
  if (u < REFUSED_SHARE) return 'refused';
  if (u < REFUSED_SHARE + WITHDRAWN_SHARE * 0.6) return 'withdrawn';
  if (u < REFUSED_SHARE + WITHDRAWN_SHARE) return 'stopped';
  return 'processed';
}

function ownerOf(rng: Rng, procedure: Procedure): { ownerKind: 1 | 2; ownerName: string } {
  const enterprise =
    ENTERPRISE_FIELDS.has(procedure.fieldCode) || (MIXED_FIELDS.has(procedure.fieldCode) && rng.chance(0.5));
  return enterprise ? { ownerKind: 2, ownerName: companyName(rng) } : { ownerKind: 1, ownerName: personName(rng) };
}

/** One dossier's plan, without its code (codes follow reception order, known once the whole day is drawn). */
function planDossier(
  ctx: PlanContext,
  rng: Rng,
  day: number,
  kind: DayKind,
  online: ReadonlyMap<Procedure, number>,
): DossierPlan {
  const { clock } = ctx;
  const window = clock.windowMs;
  const picker = kind === 'working' || !ctx.procedures.commune ? ctx.procedures.all : ctx.procedures.commune;
  const procedure = picker.pick(rng);
  const agency =
    procedure.level === 'commune' ? ctx.communes!.pick(rng) : ctx.departments.get(procedure.agencyCode ?? '')!;
  const receivedAt = wholeSecond(startOfLocalDay(day) + receptionTime(rng, kind, clock));
  const channel = rng.chance(online.get(procedure) ?? 0) ? 2 : rng.chance(POSTAL_SHARE) ? 3 : 1;
  const submittedAt = wholeSecond(
    channel === 2
      ? receivedAt - rng.between(10 * MINUTE, 2 * HOUR + 40 * HOUR * rng.next() ** 3)
      : channel === 3
        ? receivedAt - rng.between(24 * HOUR, 72 * HOUR)
        : receivedAt - rng.between(MINUTE, 20 * MINUTE),
  );
  const paidOnline =
    channel === 2 && procedure.feeVnd !== null && procedure.onlinePayment && rng.chance(trends.onlinePaymentShare(day));
  const digitised = rng.chance(channel === 2 ? trends.digitisedOnline(day) : trends.digitisedInPerson(day));
  const plan: DossierPlan = {
    code: '',
    procedure,
    agency,
    channel,
    ...ownerOf(rng, procedure),
    submittedAt,
    receivedAt,
    dueAt: null,
    paidOnline,
    digitised,
    supplements: [],
    finishedAt: null,
    returnedAt: null,
    steps: [],
    lastAt: receivedAt,
    refusalReason: null,
    officer: rng.int(3),
  };
  const outcome = plannedOutcome(rng);
  if (outcome === 'refused') {
    plan.refusalReason = rng.pick(REFUSAL_REASONS);
    plan.steps.push({ at: receivedAt, kind: 'refused' });
    return plan;
  }

  const start = clock.workingAt(receivedAt);
  const deadline = procedure.deadlineDays * window;
  plan.dueAt = instantAt(clock, start + deadline);
  const late = rng.chance(ctx.lateShares.get(agency.code) ?? BASE_LATE_SHARE);
  const processing = processingTime(rng, deadline, late, window);
  const steps = plan.steps;
  steps.push({ at: receivedAt, kind: 'received' });
  steps.push({ at: instantAt(clock, start + Math.min(HOUR, processing * rng.between(0.02, 0.1))), kind: 'assigned' });

  if (outcome === 'withdrawn') {
    steps.push({ at: instantAt(clock, start + processing * rng.between(0.15, 0.8)), kind: 'withdrawn' });
    return finishPlan(plan);
  }
  if (outcome === 'stopped') {
    const requested = instantAt(clock, start + processing * rng.between(0.15, 0.5));
    plan.supplements.push({ requestedAt: requested, suppliedAt: null, reason: rng.pick(SUPPLEMENT_REASONS) });
    steps.push({ at: requested, kind: 'supplementRequested' });
    const stopAfter = window * rng.between(5, MAX_STOP_DAYS);
    steps.push({ at: instantAt(clock, clock.workingAt(requested) + stopAfter), kind: 'stopped' });
    return finishPlan(plan);
  }

  const u = rng.next();
  const requests = u < TWO_SUPPLEMENTS_SHARE ? 2 : u < TWO_SUPPLEMENTS_SHARE + ONE_SUPPLEMENT_SHARE ? 1 : 0;
  let paused = 0;
  let fraction = 0;
  for (let i = 0; i < requests; i++) {
    fraction = i === 0 ? rng.between(0.15, 0.5) : rng.between(fraction + 0.1, 0.85);
    const requestedAt = start + processing * fraction + paused;
    paused += pauseLength(rng, window);
    const supplement = {
      requestedAt: instantAt(clock, requestedAt),
      suppliedAt: instantAt(clock, start + processing * fraction + paused),
    };
    plan.supplements.push({ ...supplement, reason: rng.pick(SUPPLEMENT_REASONS) });
    steps.push({ at: supplement.requestedAt, kind: 'supplementRequested' });
    steps.push({ at: supplement.suppliedAt, kind: 'supplied' });
  }
  const finished = start + processing + paused;
  plan.finishedAt = instantAt(clock, finished);
  steps.push({ at: plan.finishedAt, kind: 'processed' });
  if (!rng.chance(NEVER_COLLECTED_SHARE)) {
    // An online applicant often gets the electronic result at once; others come to the desk within a few days.
    const electronic = channel === 2 && rng.chance(0.6);
    const delay = electronic ? rng.between(2 * MINUTE, HOUR) : window * MAX_RETURN_DAYS * rng.next() ** 3;
    plan.returnedAt = instantAt(clock, finished + Math.max(MINUTE, delay));
    steps.push({ at: plan.returnedAt, kind: 'returned' });
  }
  return finishPlan(plan);
}

/** Two steps in the same second would leave the dossier's status ambiguous: keep them strictly increasing. */
function finishPlan(plan: DossierPlan): DossierPlan {
  const steps = plan.steps;
  for (let i = 1; i < steps.length; i++) {
    if (steps[i]!.at <= steps[i - 1]!.at) steps[i]!.at = steps[i - 1]!.at + 1000;
  }
  let supplied = 0;
  let requested = 0;
  for (const step of steps) {
    if (step.kind === 'processed') plan.finishedAt = step.at;
    else if (step.kind === 'returned') plan.returnedAt = step.at;
    else if (step.kind === 'supplementRequested') plan.supplements[requested++]!.requestedAt = step.at;
    else if (step.kind === 'supplied') plan.supplements[supplied++]!.suppliedAt = step.at;
  }
  plan.lastAt = steps[steps.length - 1]!.at;
  return plan;
}

/** Every dossier received on local day `day`, in reception order, with codes `<agency>-<yyyyMMdd>-<seq>`. */
export function planDay(ctx: PlanContext, day: number): DossierPlan[] {
  const rng = new Rng(`${ctx.seed}:${dateOfIndex(day)}`);
  const kind = ctx.dayKind(day);
  const communeOnly = kind !== 'working' && ctx.procedures.commune !== null;
  const online = onlineProbabilities(ctx, day, communeOnly);
  const count = Math.round(expectedIntake(day, kind, ctx.dossiersPerDay) * intakeNoise(rng.next()));
  const plans: DossierPlan[] = [];
  for (let i = 0; i < count; i++) plans.push(planDossier(ctx, rng, day, kind, online));
  plans.sort((a, b) => a.receivedAt - b.receivedAt);
  const seqs = new Map<string, number>();
  const ymd = compactDateOf(day);
  for (const plan of plans) {
    const seq = (seqs.get(plan.agency.code) ?? 0) + 1;
    seqs.set(plan.agency.code, seq);
    plan.code = `${plan.agency.code}-${ymd}-${String(seq).padStart(4, '0')}`;
  }
  return plans;
}
