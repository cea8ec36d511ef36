import type { Agency, Task } from '@ioc/shared';
import type { Platform } from '../../../platform.ts';
import type { RaiseAlert } from '../../alerts/alerts.service.ts';
import { localDateOf, localMidnight } from '../../calendar/local-time.ts';
import { nearlyDueUntil, taskState } from './state.ts';
import { factsOf } from './task-view.ts';
import * as repo from './tasks.repo.ts';

const viDate = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** Where task alerts go: the alert service, or nowhere while the demo replays its history. */
export interface AlertSink {
  raise(alerts: readonly RaiseAlert[]): Promise<number>;
}

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

/**
 * Alerts about directed tasks, raised into the one alert list (live to the lead unit's scope and the operator):
 * a task entering its nearly-due days, a task passing its deadline, a task escalated, and a unit reminded as many
 * times this year as the province's review rule says.
 */
export class TaskAlertScan implements TaskAlerts {
  constructor(
    private readonly platform: Platform,
    private readonly alerts: AlertSink,
    private readonly agencies: () => Promise<Agency[]>,
  ) {}

  /** Raises each open task's nearly-due or overdue alert once per state and deadline; `ids` limits the scan. */
  async run(ids?: readonly number[]): Promise<number> {
    const { db, now, config } = this.platform;
    const today = localDateOf(now().getTime());
    const rows = await repo.openTasksDueBy(db, nearlyDueUntil(today, config.taskNearlyDueDays), ids);
    const agencies = new Map((await this.agencies()).map((a) => [a.code, a]));
    const raise: RaiseAlert[] = [];
    const marks = new Map<string, number[]>();
    for (const row of rows) {
      const id = Number(row.id);
      const state = taskState(
        factsOf({ ...row, completed_on: null, cancelled_at: null }),
        today,
        config.taskNearlyDueDays,
      );
      if (state !== 'nearly_due' && state !== 'overdue') continue;
      const mark = `${state}:${row.due_date}`;
      if (row.alerted_state === mark) continue;
      const agency = agencies.get(row.lead_unit);
      const unitName = agency?.name ?? row.lead_unit;
      const overdue = state === 'overdue';
      raise.push({
        kind: overdue ? 'tasks.overdue' : 'tasks.nearly_due',
        severity: overdue ? 'critical' : 'warning',
        unit: agency?.unitId ?? null,
        title: `${overdue ? 'Nhiệm vụ quá hạn' : 'Nhiệm vụ sắp đến hạn'} (${unitName}, hạn ${viDate(row.due_date)}): ${row.title}`,
        titleEn: `${overdue ? 'Task overdue' : 'Task nearly due'} (${agency?.nameEn ?? row.lead_unit}, due ${row.due_date}): ${row.title}`,
        detail: { taskId: id, leadUnit: row.lead_unit, dueDate: row.due_date, state },
        dedupeKey: `task:${id}:${mark}`,
        // The alert is the lead unit's to act on: its officers, not every department at the province.
        agencies: [row.lead_unit],
      });
      marks.set(mark, [...(marks.get(mark) ?? []), id]);
    }
    if (raise.length === 0) return 0;
    const raised = await this.alerts.raise(raise);
    await db.transaction().execute(async (trx) => {
      for (const [mark, taskIds] of marks) await repo.setAlertedState(trx, taskIds, mark);
    });
    return raised;
  }

  /** When a unit's reminders this year reach the review threshold, the leaders are told once that year. */
  async reviewIfReminded(unitCode: string): Promise<void> {
    const { db, now, config } = this.platform;
    const today = localDateOf(now().getTime());
    const year = today.slice(0, 4);
    const reminders =
      (await repo.remindersByUnit(db, localMidnight(`${year}-01-01`), localMidnight(`${Number(year) + 1}-01-01`))).get(
        unitCode,
      ) ?? 0;
    if (reminders < config.taskReviewReminders) return;
    const agency = (await this.agencies()).find((a) => a.code === unitCode);
    await this.alerts.raise([
      {
        kind: 'tasks.review',
        severity: 'critical',
        unit: agency?.unitId ?? null,
        title: `${agency?.name ?? unitCode} đã bị nhắc nhở ${reminders} lần trong năm ${year}: xem xét trách nhiệm người đứng đầu`,
        titleEn: `${agency?.nameEn ?? unitCode} reminded ${reminders} times in ${year}: review of the unit head`,
        detail: { unit: unitCode, year: Number(year), reminders, threshold: config.taskReviewReminders },
        dedupeKey: `tasks.review:${unitCode}:${year}`,
        agencies: [unitCode],
      },
    ]);
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
        agencies: [task.leadUnit.code],
      },
    ]);
  }
}
