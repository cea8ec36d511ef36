/**
 * The demo's document office: replays the deterministic plan (`plan.ts`) through the real services, as if the
 * province's clerks, leaders and departments were at work. After `serve` listens it fills the history since
 * IOC_DEMO_HISTORY_MONTHS ago (each action stored at its own time; events and alerts held back, nobody watches the
 * past), raises today's alerts, then every minute applies what the plan holds up to now. Progress is kept in
 * app_settings, so a restart resumes where the last run stopped.
 */
import { type Agency, BUILT_IN_ROLES, type Permission } from '@ioc/shared';
import type { Platform } from '../../../platform.ts';
import type { AgencyService } from '../../agencies/agencies.service.ts';
import type { Actor } from '../../auth/actor.ts';
import { findUserByUsername } from '../../auth/users.repo.ts';
import { MemoryBus } from '../../bus/bus.ts';
import type { OrgUnitService } from '../../orgunits/orgunits.service.ts';
import { findSetting, saveSetting } from '../../settings/settings.repo.ts';
import type { BackgroundWork } from '../../system/scan-job.ts';
import { DocumentService } from '../documents.service.ts';
import { type AlertSink, NO_TASK_ALERTS, TaskAlertScan } from '../tasks/task-alerts.ts';
import { TaskService } from '../tasks/tasks.service.ts';
import { type DemoAction, planDocumentsDemo } from './plan.ts';

export const DEMO_TICK_MS = 60_000;
const HORIZON_MS = 30 * 86_400_000;
const SAVE_EVERY = 100;
const KEY = 'documents.demo';

interface Progress {
  /** Where the plan starts (fixed at the first start). */
  from: string;
  /** The time of the last action applied. */
  applied: string;
  /** Plan refs → stored ids, kept while later actions still name them. */
  refs: Record<string, number>;
}

export interface DocumentDemoOptions {
  documentsPerDay: number;
  historyMonths: number;
}

interface Office {
  documents: DocumentService;
  tasks: TaskService;
}

/** The history is replayed without telling anyone: its events would flood every open page. */
const QUIET_BUS = new MemoryBus();

export class DocumentDemoFeeder implements BackgroundWork {
  private stopped = false;
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private clock = new Date(0);
  private plan: { actions: DemoAction[]; until: number } | null = null;

  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
    private readonly agencies: AgencyService,
    private readonly alerts: AlertSink,
    private readonly options: DocumentDemoOptions,
  ) {}

  start(): void {
    if (this.running || this.stopped) return;
    this.running = this.catchUp()
      .then(() => this.schedule())
      .catch((error: unknown) => this.platform.log.error({ err: error }, 'document demo stopped on an error'));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().then(() => this.schedule());
    }, DEMO_TICK_MS).unref();
  }

  /** Applies everything the plan holds up to now, quietly; then raises the alerts due today. Returns the count. */
  async catchUp(): Promise<number> {
    const agencies = await this.agencies.list();
    const started = Date.now();
    const applied = await this.applyUntil(this.platform.now().getTime(), this.office(false, agencies), agencies, true);
    if (applied > 0) {
      const seconds = Math.round((Date.now() - started) / 1000);
      this.platform.log.info({ actions: applied, seconds }, 'demo documents and tasks filled in');
    }
    await new TaskAlertScan(this.platform, this.alerts, async () => agencies).run();
    return applied;
  }

  /** One live step: what the plan holds since the last one, with events and alerts as they happen. */
  async tick(): Promise<number> {
    try {
      const agencies = await this.agencies.list();
      return await this.applyUntil(this.platform.now().getTime(), this.office(true, agencies), agencies);
    } catch (error) {
      this.platform.log.error({ err: error }, 'document demo tick failed');
      return 0;
    }
  }

  /** Services on the demo's clock: each action is stored at the time the plan gives it. */
  private office(live: boolean, agencies: Agency[]): Office {
    const platform: Platform = { ...this.platform, now: () => this.clock, bus: live ? this.platform.bus : QUIET_BUS };
    const scan = live ? new TaskAlertScan(platform, this.alerts, async () => agencies) : NO_TASK_ALERTS;
    return {
      documents: new DocumentService(platform, this.orgUnits, this.agencies),
      tasks: new TaskService(platform, this.orgUnits, this.agencies, scan),
    };
  }

  private async progress(): Promise<Progress> {
    const stored = await findSetting(this.platform.db, KEY);
    if (stored) return JSON.parse(stored.value) as Progress;
    const months = this.options.historyMonths;
    const now = this.platform.now();
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()));
    return { from: from.toISOString(), applied: from.toISOString(), refs: {} };
  }

  private actionsUntil(nowMs: number, progress: Progress, agencies: Agency[]): DemoAction[] {
    if (!this.plan || nowMs > this.plan.until - 86_400_000) {
      const until = nowMs + HORIZON_MS;
      const actions = planDocumentsDemo({
        from: new Date(progress.from),
        to: new Date(until),
        agencies: agencies.flatMap((a) =>
          a.kind === 'other' ? [] : [{ code: a.code, name: a.name, kind: a.kind as 'department' | 'commune' }],
        ),
        documentsPerDay: this.options.documentsPerDay,
        tasksPerDay: Math.max(1, Math.round(this.options.documentsPerDay / 8)),
      });
      this.plan = { actions, until };
    }
    return this.plan.actions;
  }

  private async applyUntil(nowMs: number, office: Office, agencies: Agency[], history = false): Promise<number> {
    const progress = await this.progress();
    const actors = await this.actors(agencies);
    const actions = this.actionsUntil(nowMs, progress, agencies);
    const done = Date.parse(progress.applied);
    let count = 0;
    for (const action of actions) {
      const at = action.at.getTime();
      if (at <= done) continue;
      if (at > nowMs || this.stopped) break;
      this.clock = action.at;
      try {
        await this.apply(action, office, progress.refs, actors);
      } catch (error) {
        // A person may have changed the same task meanwhile (closed it, decided the extension): the plan moves on.
        this.platform.log.debug({ err: error, action: action.kind }, 'demo action skipped');
      }
      // The history takes minutes on a first start: say how far it has come, a month at a time.
      if (history && progress.applied.slice(0, 7) !== action.at.toISOString().slice(0, 7)) {
        this.platform.log.info(
          { month: progress.applied.slice(0, 7), actions: count },
          'demo documents and tasks: history',
        );
      }
      progress.applied = action.at.toISOString();
      count++;
      if (count % SAVE_EVERY === 0) await this.save(progress, actions);
    }
    if (count > 0) await this.save(progress, actions);
    return count;
  }

  private async save(progress: Progress, actions: DemoAction[]): Promise<void> {
    const after = Date.parse(progress.applied);
    const named = new Set<string>();
    for (const a of actions) {
      if (a.at.getTime() <= after) continue;
      if ('taskRef' in a) named.add(a.taskRef);
      if (a.kind === 'task' && a.documentRef) named.add(a.documentRef);
    }
    const refs = Object.fromEntries(Object.entries(progress.refs).filter(([ref]) => named.has(ref)));
    progress.refs = refs;
    await saveSetting(this.platform.db, KEY, JSON.stringify(progress), this.platform.now().toISOString());
  }

  private async apply(action: DemoAction, office: Office, refs: Record<string, number>, actors: DemoActors) {
    if (action.kind === 'document') {
      refs[action.ref] = (await office.documents.create(actors.clerk, action.body)).document.id;
      return;
    }
    if (action.kind === 'task') {
      const documentId = action.documentRef ? (refs[action.documentRef] ?? null) : null;
      refs[action.ref] = (await office.tasks.create(actors.leader, { ...action.body, documentId })).task.id;
      return;
    }
    const id = refs[action.taskRef];
    if (id === undefined) return;
    switch (action.kind) {
      case 'report':
        await office.tasks.report(actors.unit(action.unit), id, action.body);
        return;
      case 'extension':
        await office.tasks.requestExtension(actors.unit(action.unit), id, action.body);
        return;
      case 'decision': {
        const pending = (await office.tasks.detail(actors.leader, id)).task.extensionPending;
        if (pending) await office.tasks.decideExtension(actors.leader, id, pending.id, action.body);
        return;
      }
      case 'reminder':
        await office.tasks.note(actors.leader, id, 'reminder', action.body);
        return;
      case 'comment':
        await office.tasks.note(actors.leader, id, 'comment', action.body);
        return;
      case 'escalate':
        await office.tasks.note(actors.leader, id, 'escalated', action.body);
        return;
      case 'cancel':
        await office.tasks.note(actors.leader, id, 'cancelled', action.body);
        return;
    }
  }

  /**
   * Who does what in the demo: the demo leader `lanhdao` assigns and decides (so a visitor signed in as lanhdao can
   * decide the extensions still waiting), the province's clerk registers documents, each unit reports for itself.
   */
  private async actors(agencies: Agency[]): Promise<DemoActors> {
    const leaderUser = await findUserByUsername(this.platform.db, 'lanhdao');
    const base = { ip: null, mustChangePassword: false } as const;
    const leader: Actor = {
      ...base,
      type: leaderUser ? 'user' : 'system',
      id: leaderUser?.id ?? null,
      name: leaderUser?.username ?? 'lanhdao',
      permissions: new Set<Permission>(BUILT_IN_ROLES.leader.permissions),
      scope: { unitId: this.platform.config.rootUnit },
    };
    const clerk: Actor = {
      ...base,
      type: 'system',
      id: null,
      name: 'văn thư UBND tỉnh',
      permissions: new Set<Permission>(['documents.read', 'documents.write']),
      scope: { unitId: this.platform.config.rootUnit },
    };
    const byCode = new Map(agencies.map((a) => [a.code, a]));
    const unit = (code: string): Actor => ({
      ...base,
      type: 'system',
      id: null,
      name: byCode.get(code)?.name ?? code,
      permissions: new Set<Permission>(['documents.read', 'tasks.write']),
      scope: { unitId: byCode.get(code)?.unitId ?? this.platform.config.rootUnit, agency: code },
    });
    return { leader, clerk, unit };
  }
}

interface DemoActors {
  leader: Actor;
  clerk: Actor;
  unit: (code: string) => Actor;
}
