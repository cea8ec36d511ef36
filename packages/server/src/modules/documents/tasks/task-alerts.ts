import type { Agency, Task } from '@ioc/shared';
import type { Platform } from '../../../platform.ts';
import type { AlertService, RaiseAlert } from '../../alerts/alerts.service.ts';
import { localDateOf, localMidnight } from '../../calendar/local-time.ts';
import { addDays, nearlyDueUntil, taskState } from './state.ts';
import { factsOf } from './task-view.ts';
import * as repo from './tasks.repo.ts';

/** Where task alerts go: the alert service (the demo's live office uses it too). */
export type AlertSink = Pick<AlertService, 'raise' | 'resolve' | 'reconcile' | 'active'>;

/** What a task change tells the alert list; the demo's history replay tells it nothing. */
export interface TaskAlerts {
  run(ids?: readonly number[]): Promise<number>;
  reviewIfReminded(unitCode: string): Promise<void>;
  escalated(task: Task, note: string): Promise<void>;
}

export const NO_TASK_ALERTS: TaskAlerts = {
  run: async () => 0,
  reviewIfReminded: async () => {},
  escalated: async () => {},
};

const DEADLINE_KINDS = ['tasks.overdue', 'tasks.nearly_due'] as const;
const taskIdOf = (detail: Record<string, unknown>) => (typeof detail.taskId === 'number' ? detail.taskId : null);

/**
 * Alerts about directed tasks, in the one alert list (live to the lead agency's officers and the scopes over its unit):
 * a task in its nearly-due days or past its deadline, a task escalated, and a unit reminded as many times this year as
 * the province's review rule says. Each scan reports the whole current set, so an alert whose task was done (on time
 * or late), cancelled or given a later deadline resolves by itself, with that reason.
 */
export class TaskAlertScan implements TaskAlerts {
  constructor(
    private readonly platform: Platform,
    private readonly alerts: AlertSink,
    private readonly agencies: () => Promise<Agency[]>,
  ) {}

  /** Reconciles the deadline alerts of every open task, or of the tasks `ids` only; answers how many were raised. */
  async run(ids?: readonly number[]): Promise<number> {
    const { db, now, config } = this.platform;
    const today = localDateOf(now().getTime());
    const rows = await repo.openTasksDueBy(db, nearlyDueUntil(today, config.taskNearlyDueDays), ids);
    const agencies = new Map((await this.agencies()).map((a) => [a.code, a]));
    const units = await repo.unitsOf(
      db,
      rows.map((row) => Number(row.id)),
    );
    const current = new Map<string, RaiseAlert[]>(DEADLINE_KINDS.map((kind) => [kind, []]));
    for (const row of rows) {
      const id = Number(row.id);
      const state = taskState(
        factsOf({ ...row, completed_on: null, cancelled_at: null }),
        today,
        config.taskNearlyDueDays,
      );
      if (state !== 'nearly_due' && state !== 'overdue') continue;
      const agency = agencies.get(row.lead_unit);
      const overdue = state === 'overdue';
      const kind = overdue ? 'tasks.overdue' : 'tasks.nearly_due';
      current.get(kind)?.push({
        kind,
        severity: overdue ? 'critical' : 'warning',
        unit: agency?.unitId ?? null,
        title: `${overdue ? 'Nhiệm vụ quá hạn' : 'Nhiệm vụ sắp đến hạn'} (${agency?.name ?? row.lead_unit}): ${row.title}`,
        titleEn: `${overdue ? 'Task overdue' : 'Task nearly due'} (${agency?.nameEn ?? row.lead_unit}): ${row.title}`,
        detail: {
          taskId: id,
          leadUnit: row.lead_unit,
          leadUnitName: agency?.name ?? null,
          leadUnitNameEn: agency?.nameEn ?? null,
          dueDate: row.due_date,
          state,
        },
        // A new deadline is a new condition: the old one's alert resolves as extended.
        dedupeKey: `task:${id}:${state}:${row.due_date}`,
        // Overdue from the day after the deadline; nearly due from its first nearly-due day.
        startedAt: localMidnight(
          overdue ? addDays(row.due_date, 1) : addDays(row.due_date, 1 - config.taskNearlyDueDays),
        ),
        link: { kind: 'task', ref: String(id) },
        // The lead unit's to act on, first; its co-operating units' officers see it too (as they see the task),
        // not every department at the province.
        agencies: [row.lead_unit, ...(units.get(id) ?? []).map((u) => u.code).filter((code) => code !== row.lead_unit)],
      });
    }
    let raised = 0;
    for (const kind of DEADLINE_KINDS) {
      const found = current.get(kind) ?? [];
      if (ids) {
        for (const id of new Set(ids)) {
          const prefix = `task:${id}:`;
          await this.resolveWithReason(kind, prefix, found, today);
          raised += (
            await this.alerts.reconcile(
              kind,
              found.filter((a) => a.dedupeKey.startsWith(prefix)),
              { keyPrefix: prefix },
            )
          ).raised;
        }
      } else {
        await this.resolveWithReason(kind, undefined, found, today);
        raised += (await this.alerts.reconcile(kind, found)).raised;
      }
    }
    if (!ids) {
      await this.closeEscalations();
      await this.reconcileReviews();
    }
    return raised;
  }

  /** Why a deadline alert no longer holds, from its task: done on time or late, cancelled, extended, now overdue. */
  private async resolveWithReason(
    kind: string,
    keyPrefix: string | undefined,
    current: readonly RaiseAlert[],
    today: string,
  ): Promise<void> {
    const { db, config } = this.platform;
    const still = new Set(current.map((a) => a.dedupeKey));
    const gone = (await this.alerts.active(kind, keyPrefix ? { keyPrefix } : {})).filter(
      (a) => !still.has(a.dedupeKey),
    );
    const byReason = new Map<string, string[]>();
    for (const alert of gone) {
      const id = taskIdOf(alert.detail);
      const task = id === null ? undefined : await repo.findTask(db, id);
      if (!task) continue;
      const state = taskState(factsOf(task), today, config.taskNearlyDueDays);
      const reason =
        state === 'cancelled'
          ? 'task cancelled'
          : state === 'done_on_time'
            ? 'task done on time'
            : state === 'done_late'
              ? 'task done late'
              : task.due_date !== alert.detail.dueDate
                ? 'deadline extended'
                : state === 'overdue'
                  ? 'task overdue'
                  : null;
      if (reason) byReason.set(reason, [...(byReason.get(reason) ?? []), alert.dedupeKey]);
    }
    for (const [reason, keys] of byReason) await this.alerts.resolve(keys, reason);
  }

  /** An escalation stands while its task is open. */
  private async closeEscalations(): Promise<void> {
    const { db, now, config } = this.platform;
    const today = localDateOf(now().getTime());
    const byReason = new Map<string, string[]>();
    for (const alert of await this.alerts.active('tasks.escalated')) {
      const id = taskIdOf(alert.detail);
      const task = id === null ? undefined : await repo.findTask(db, id);
      const state = task ? taskState(factsOf(task), today, config.taskNearlyDueDays) : 'cancelled';
      const reason =
        state === 'cancelled'
          ? 'task cancelled'
          : state === 'done_on_time'
            ? 'task done on time'
            : state === 'done_late'
              ? 'task done late'
              : null;
      if (reason) byReason.set(reason, [...(byReason.get(reason) ?? []), alert.dedupeKey]);
    }
    for (const [reason, keys] of byReason) await this.alerts.resolve(keys, reason);
  }

  /** The review alerts of this year: a new year starts every unit's count afresh, so last year's resolve. */
  private async reconcileReviews(unitCode?: string): Promise<void> {
    const { db, now, config } = this.platform;
    const today = localDateOf(now().getTime());
    const year = today.slice(0, 4);
    const reminders = await repo.remindersByUnit(
      db,
      localMidnight(`${year}-01-01`),
      localMidnight(`${Number(year) + 1}-01-01`),
    );
    const agencies = new Map((await this.agencies()).map((a) => [a.code, a]));
    const current: RaiseAlert[] = [];
    for (const [code, count] of reminders) {
      if (!code || count < config.taskReviewReminders || (unitCode && code !== unitCode)) continue;
      const agency = agencies.get(code);
      current.push({
        kind: 'tasks.review',
        severity: 'critical',
        unit: agency?.unitId ?? null,
        title: `${agency?.name ?? code} đã bị nhắc nhở ${count} lần trong năm ${year}: xem xét trách nhiệm người đứng đầu`,
        titleEn: `${agency?.nameEn ?? code} reminded ${count} times in ${year}: review of the unit head`,
        detail: { unit: code, year: Number(year), reminders: count, threshold: config.taskReviewReminders },
        dedupeKey: `tasks.review:${code}:${year}`,
        agencies: [code],
      });
    }
    await this.alerts.reconcile('tasks.review', current, unitCode ? { keyPrefix: `tasks.review:${unitCode}:` } : {});
  }

  /** When a unit's reminders this year reach the review threshold, the leaders are told once that year. */
  async reviewIfReminded(unitCode: string): Promise<void> {
    await this.reconcileReviews(unitCode);
  }

  async escalated(task: Task, note: string): Promise<void> {
    const agency = (await this.agencies()).find((a) => a.code === task.leadUnit.code);
    await this.alerts.raise([
      {
        kind: 'tasks.escalated',
        severity: 'warning',
        unit: agency?.unitId ?? null,
        title: `Nhiệm vụ được báo cáo lãnh đạo (${task.leadUnit.name}): ${task.title}`,
        titleEn: `Task escalated (${task.leadUnit.nameEn}): ${task.title}`,
        detail: { taskId: task.id, leadUnit: task.leadUnit.code, note },
        dedupeKey: `task:${task.id}:escalated`,
        link: { kind: 'task', ref: String(task.id) },
        agencies: [task.leadUnit.code],
      },
    ]);
  }
}
