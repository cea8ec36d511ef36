/**
 * The demo's one-stop system: feeds the simulator's dossiers through the real sync, as a connected province would.
 * On start it catches up the last weeks first (so today's dashboards are right within seconds), then fills the
 * history backwards to IOC_DEMO_HISTORY_MONTHS ago, resuming where a previous start stopped; then every 10 seconds
 * it syncs what changed. It runs after the server listens, so a first start does not wait minutes for history.
 */
import { PERMISSIONS, type Permission, type PortalDossier, type PortalProgress } from '@ioc/shared';
import type { Platform } from '../../../platform.ts';
import type { AgencyService } from '../../agencies/agencies.service.ts';
import { type Actor, systemActor } from '../../auth/actor.ts';
import type { WorkingCalendar } from '../../calendar/working-days.ts';
import { upsertFeedback } from '../feedback/feedback.repo.ts';
import { figuresChanged } from '../figures-version.ts';
import { createSimulator, type Simulator } from '../simulator/index.ts';
import type { DossierSyncService } from '../sync.service.ts';
import { earliestReceived } from './demo.repo.ts';
import { demoFeedbackOfDay } from './feedback-demo.ts';

export const LIVE_TICK_MS = 10_000;
const CATCH_UP_DAYS = 45;
const SEED = 'ha-tinh-demo';
const BATCH = 5_000;
/** Final statuses: the record itself dates them, so their steps add nothing the figures need. */
const FINAL = new Set([3, 9, 10]);

const DAY_MS = 86_400_000;
const localDate = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => localDate(Date.parse(`${date}T12:00:00+07:00`) + days * DAY_MS);

export interface DemoFeedOptions {
  dossiersPerDay: number;
  historyMonths: number;
}

export class PublicServiceDemoFeeder {
  private simulator: Simulator | null = null;
  private feedbackAgencies: { code: string; unitId: string }[] = [];
  private calendar: WorkingCalendar | null = null;
  private stopped = false;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastTick = 0;

  private readonly actor: Actor;

  constructor(
    private readonly platform: Platform,
    private readonly agencies: AgencyService,
    private readonly sync: DossierSyncService,
    private readonly calendarOf: () => Promise<WorkingCalendar>,
    private readonly options: DemoFeedOptions,
  ) {
    this.actor = systemActor('demo', platform.config.rootUnit, new Set(Object.keys(PERMISSIONS) as Permission[]));
  }

  private async prepare(): Promise<Simulator> {
    if (this.simulator) return this.simulator;
    this.calendar = await this.calendarOf();
    const agencies = (await this.agencies.list()).map((a) => ({
      code: a.code,
      name: a.name,
      unitId: a.unitId,
      kind: a.kind,
    }));
    this.feedbackAgencies = agencies.map((a) => ({ code: a.code, unitId: a.unitId }));
    this.simulator = createSimulator({
      seed: SEED,
      agencies,
      calendar: this.calendar,
      dossiersPerDay: this.options.dossiersPerDay,
    });
    return this.simulator;
  }

  /** Catch-up, then history, then the live ticks; logs its progress. */
  start(): void {
    if (this.running || this.options.dossiersPerDay <= 0) return;
    this.running = (async () => {
      await this.seedHistory();
      if (this.stopped) return;
      this.lastTick = this.platform.now().getTime();
      const loop = () => {
        this.running = this.tick()
          .then(() => undefined)
          .catch((error: unknown) => this.platform.log.error({ err: error }, 'demo dossier tick failed'))
          .finally(() => {
            if (!this.stopped) this.timer = setTimeout(loop, LIVE_TICK_MS).unref();
          });
      };
      this.timer = setTimeout(loop, LIVE_TICK_MS).unref();
    })().catch((error: unknown) => this.platform.log.error({ err: error }, 'demo dossier history failed'));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** The last weeks as of now, then the days before the earliest stored dossier back to the history's start. */
  async seedHistory(): Promise<number> {
    const simulator = await this.prepare();
    const now = this.platform.now();
    const today = localDate(now.getTime());
    const start = localDate(
      Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - this.options.historyMonths, now.getUTCDate()),
    );
    const catchFrom = [addDays(today, -CATCH_UP_DAYS), start].sort().at(-1)!;
    const earliest = await earliestReceived(this.platform.db);
    let synced = 0;
    for (let day = catchFrom; day <= today && !this.stopped; day = addDays(day, 1)) {
      synced += await this.syncDay(simulator, day, now);
    }
    this.platform.log.info({ dossiers: synced, from: catchFrom }, 'demo public services: recent weeks synced');
    const before = earliest && earliest < catchFrom ? earliest : catchFrom;
    let month = '';
    for (let day = addDays(before, -1); day >= start && !this.stopped; day = addDays(day, -1)) {
      synced += await this.syncDay(simulator, day, now);
      if (day.slice(0, 7) !== month) {
        month = day.slice(0, 7);
        this.platform.log.info({ month, dossiers: synced }, 'demo public services: history');
      }
    }
    if (!this.stopped) {
      this.platform.log.info({ dossiers: synced, from: start }, 'demo public services: history complete');
    }
    return synced;
  }

  private async syncDay(simulator: Simulator, day: string, now: Date): Promise<number> {
    const { dossiers, progress } = simulator.day(day, now);
    const open = new Set(dossiers.filter((d) => !FINAL.has(d.TrangThaiHoSo)).map((d) => d.MaHoSo));
    await this.send(
      dossiers,
      progress.filter((p) => open.has(p.MaHoSo)),
    );
    const feedback = demoFeedbackOfDay(SEED, day, this.feedbackAgencies, this.calendar!, now);
    if (feedback.length > 0) {
      await upsertFeedback(this.platform.db, feedback);
      await figuresChanged(this.platform.db, this.platform.now().toISOString());
    }
    return dossiers.length;
  }

  private async send(dossiers: PortalDossier[], progress: PortalProgress[]): Promise<void> {
    for (let i = 0; i < dossiers.length; i += BATCH) {
      await this.sync.sync(
        this.actor,
        { service: 'DongBoHoSoMC', data: dossiers.slice(i, i + BATCH) as unknown as Record<string, unknown>[] },
        'all',
      );
    }
    for (let i = 0; i < progress.length; i += BATCH) {
      await this.sync.sync(
        this.actor,
        {
          service: 'CapNhatTienDoHoSoMC',
          data: progress.slice(i, i + BATCH) as unknown as Record<string, unknown>[],
        },
        'all',
      );
    }
  }

  /** What changed since the last tick (a little overlap: syncing a record twice changes nothing). */
  async tick(): Promise<number> {
    const simulator = await this.prepare();
    const now = this.platform.now();
    const since = Math.max(LIVE_TICK_MS, now.getTime() - this.lastTick) + 2_000;
    const { dossiers, progress } = simulator.live(now, since);
    await this.send(dossiers, progress);
    this.lastTick = now.getTime();
    return dossiers.length;
  }
}
