/**
 * A deterministic stand-in for a province's one-stop system: the dossiers it would sync to the IOC, day by day, as
 * of any instant, and the changes of the last few seconds for a live demo. Pure: it reads no database and keeps
 * only a small cache for the live stream.
 */
import type { PortalDossier, PortalProgress } from '@ioc/shared';
import { dateOfIndex, dayIndexOf, localDayOf, weekdayOf } from '../../calendar/local-time.ts';
import type { WorkingCalendar } from '../../calendar/working-days.ts';
import { uniformOf, WeightedPicker } from '../../demo/random.ts';
import {
  type DossierPlan,
  MAX_OVERRUN_DAYS,
  MAX_PAUSE_DAYS,
  MAX_RETURN_DAYS,
  MAX_STOP_DAYS,
  type PlanContext,
  planDay,
  type SimulatorAgency,
} from './plan.ts';
import { type OnlineLevel, PROCEDURES, type Procedure } from './procedures.ts';
import { changedIn, dossierRecord, pushProgress } from './records.ts';
import type { DayKind } from './trends.ts';
import { createWorkClock, type WorkClock } from './work-clock.ts';

export interface SimulatorOptions {
  /** Same seed, same province: every dossier, code and date is a function of the seed and the day. */
  seed: number | string;
  /** Seeded agencies (ps_agencies): departments by code, communes' one-stop offices. */
  agencies: readonly SimulatorAgency[];
  calendar: WorkingCalendar;
  /** Mean intake of an ordinary working day, province-wide. */
  dossiersPerDay?: number;
  procedures?: readonly Procedure[];
  /** A day off that is a public holiday (next to no intake) rather than a weekend; default: a weekday off. */
  isHoliday?: (date: string) => boolean;
  /** Agencies that finish late often; default SXD, SNNMT and three communes picked by the seed. */
  laggards?: readonly string[];
}

/** Records ready for the sync endpoint: dossiers (DongBoHoSoMC) and processing steps (CapNhatTienDoHoSoMC). */
export interface SyncBatch {
  dossiers: PortalDossier[];
  progress: PortalProgress[];
}

export interface SimulatedDay extends SyncBatch {
  /** YYYY-MM-DD, the local day the dossiers were received. */
  date: string;
}

export interface Simulator {
  /** The procedures in use: those whose agency is among the agencies given. */
  readonly procedures: readonly Procedure[];
  /** Agencies that finish late often, with their share of late dossiers. */
  readonly laggards: ReadonlyMap<string, number>;
  /** Dossiers received on `date` (local day) by `asOf`, as synced at `asOf`, with their steps up to then. */
  day(date: string, asOf: Date): SimulatedDay;
  /** `day` for every date from `from` to `to` inclusive, one batch per day. */
  history(from: string, to: string, asOf: Date): Generator<SimulatedDay>;
  /** Dossiers that changed in (now − sinceMs, now] (received, or a later step), as of `now`, and those steps. */
  live(now: Date, sinceMs: number): SyncBatch;
}

const ONLINE_FACTOR: Record<OnlineLevel, number> = { full: 1.35, partial: 0.75, none: 0 };
const DEFAULT_LAGGARD_DEPARTMENTS = ['SXD', 'SNNMT'];
const LAGGARD_COMMUNES = 3;
/** Extra calendar days the live stream looks back beyond the longest possible dossier: holidays in between. */
const LIVE_SLACK_DAYS = 14;

function instantOf(value: Date, what: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid ${what}: not a valid Date`);
  return ms;
}

function dayKinds(clock: WorkClock, isHoliday?: (date: string) => boolean): (day: number) => DayKind {
  return (day) => {
    if (clock.isWorkingDay(day)) return 'working';
    const weekday = weekdayOf(day);
    if (isHoliday?.(dateOfIndex(day))) return 'holiday';
    if (weekday === 6) return 'saturday';
    return weekday === 0 ? 'sunday' : 'holiday';
  };
}

function lateSharesOf(
  seed: string,
  departments: ReadonlyMap<string, SimulatorAgency>,
  communes: SimulatorAgency[],
  laggards?: readonly string[],
) {
  const chosen = laggards ?? [
    ...DEFAULT_LAGGARD_DEPARTMENTS.filter((code) => departments.has(code)),
    ...[...communes]
      .sort((a, b) => uniformOf(`${seed}:laggard:${a.code}`) - uniformOf(`${seed}:laggard:${b.code}`))
      .slice(0, LAGGARD_COMMUNES)
      .map((c) => c.code),
  ];
  return new Map(chosen.map((code) => [code, 0.2 + 0.15 * uniformOf(`${seed}:late:${code}`)]));
}

function planContext(options: SimulatorOptions, clock: WorkClock) {
  const seed = String(options.seed);
  const communes = options.agencies.filter((a) => a.kind === 'commune');
  const departments = new Map(options.agencies.filter((a) => a.kind !== 'commune').map((a) => [a.code, a]));
  const procedures = (options.procedures ?? PROCEDURES).filter((p) =>
    p.level === 'commune' ? communes.length > 0 : departments.has(p.agencyCode ?? ''),
  );
  if (procedures.length === 0) throw new RangeError('No procedure has an agency among those given');
  const communeProcedures = procedures.filter((p) => p.level === 'commune');
  const populations = communes.map((c) => c.population).filter((p): p is number => p !== undefined && p > 0);
  const typical = populations.length > 0 ? populations.reduce((a, b) => a + b, 0) / populations.length : 1;
  const laggards = lateSharesOf(seed, departments, communes, options.laggards);
  const context: PlanContext = {
    seed,
    clock,
    dossiersPerDay: options.dossiersPerDay ?? 3000,
    dayKind: dayKinds(clock, options.isHoliday),
    procedures: {
      all: new WeightedPicker(procedures, (p) => p.weight),
      commune: communeProcedures.length > 0 ? new WeightedPicker(communeProcedures, (p) => p.weight) : null,
    },
    onlineFactors: new Map(procedures.map((p) => [p, ONLINE_FACTOR[p.onlineLevel]])),
    weights: procedures.map((p) => ({ procedure: p, weight: p.weight, commune: p.level === 'commune' })),
    // Without populations, communes differ anyway (±40 %): equal intake everywhere would look synthetic.
    communes:
      communes.length > 0
        ? new WeightedPicker(communes, (c) => c.population ?? typical * (0.6 + 0.8 * uniformOf(`commune:${c.code}`)))
        : null,
    departments,
    lateShares: laggards,
  };
  return { context, procedures, laggards };
}

export function createSimulator(options: SimulatorOptions): Simulator {
  const clock = createWorkClock(options.calendar);
  const { context, procedures, laggards } = planContext(options, clock);
  const maxDeadline = Math.max(...procedures.map((p) => p.deadlineDays));
  /** Working days within which every event of a dossier falls, counted from its reception. */
  const lifespan =
    Math.ceil(maxDeadline) + MAX_OVERRUN_DAYS + Math.max(2 * MAX_PAUSE_DAYS + MAX_RETURN_DAYS, MAX_STOP_DAYS) + 1;
  /** Live cache: per day, the plans that still had a step after `after` (older ones can never show again). */
  const live = new Map<number, { after: number; plans: DossierPlan[] }>();

  const day = (date: string, asOf: Date): SimulatedDay => {
    const until = instantOf(asOf, 'asOf');
    const batch: SimulatedDay = { date, dossiers: [], progress: [] };
    for (const plan of planDay(context, dayIndexOf(date))) {
      if (plan.receivedAt > until) break;
      batch.dossiers.push(dossierRecord(plan, until));
      pushProgress(plan, Number.NEGATIVE_INFINITY, until, batch.progress);
    }
    return batch;
  };

  function* history(from: string, to: string, asOf: Date): Generator<SimulatedDay> {
    const last = dayIndexOf(to);
    for (let d = dayIndexOf(from); d <= last; d++) yield day(dateOfIndex(d), asOf);
  }

  /** The first day whose dossiers may still change at `now`. */
  const firstLiveDay = (today: number) => {
    let d = today;
    for (let working = 0; working < lifespan; d--) if (clock.isWorkingDay(d)) working++;
    return d - LIVE_SLACK_DAYS;
  };

  const livePlans = (d: number, after: number): DossierPlan[] => {
    const cached = live.get(d);
    const source = cached && cached.after <= after ? cached.plans : planDay(context, d);
    const plans = source.filter((p) => p.lastAt > after);
    live.set(d, { after, plans });
    return plans;
  };

  return {
    procedures,
    laggards,
    day,
    history,
    live(now, sinceMs) {
      const until = instantOf(now, 'now');
      if (!Number.isFinite(sinceMs) || sinceMs < 0) throw new RangeError(`Invalid window ${sinceMs} ms`);
      const after = until - sinceMs;
      const today = localDayOf(until);
      const first = firstLiveDay(today);
      for (const d of live.keys()) if (d < first || d > today) live.delete(d);
      const batch: SyncBatch = { dossiers: [], progress: [] };
      for (let d = first; d <= today; d++) {
        for (const plan of livePlans(d, after)) {
          if (!changedIn(plan, after, until)) continue;
          batch.dossiers.push(dossierRecord(plan, until));
          pushProgress(plan, after, until, batch.progress);
        }
      }
      return batch;
    },
  };
}
