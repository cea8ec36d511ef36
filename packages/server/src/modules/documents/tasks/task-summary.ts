import type { TaskSummary, TaskSummaryQuery, TaskTrend, TaskUnitFigures } from '@ioc/shared';
import type { Platform } from '../../../platform.ts';
import type { AgencyService } from '../../agencies/agencies.service.ts';
import type { Actor } from '../../auth/actor.ts';
import { localDateOf, localMidnight } from '../../calendar/local-time.ts';
import type { OrgUnitService } from '../../orgunits/orgunits.service.ts';
import { summarySpan } from '../summary-span.ts';
import { unitsOfActor } from './task-access.ts';
import { countByState, figuresByUnit, figuresOf, rankUnits, trendPoints } from './task-figures.ts';
import { factsOf } from './task-view.ts';
import * as repo from './tasks.repo.ts';

/** The direction page's figures: tasks assigned in a span, judged today, per lead unit and over time. */
export class TaskSummaryService {
  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
    private readonly agencies: AgencyService,
  ) {}

  /** The tasks a caller's figures cover: all for leaders and the operator, else those their units lead. */
  private async tasks(actor: Actor, from: string, to: string) {
    const list = await this.agencies.list();
    const units = await unitsOfActor(actor, list, this.orgUnits, this.platform.config.rootUnit);
    const rows = await repo.tasksAssignedBetween(this.platform.db, from, to);
    return { list, rows: units === null ? rows : rows.filter((r) => units.includes(r.lead_unit)) };
  }

  async summary(actor: Actor, query: TaskSummaryQuery): Promise<TaskSummary> {
    const { db, now, config } = this.platform;
    const { from, to, today } = summarySpan(query, now());
    const { list, rows } = await this.tasks(actor, from, to);
    const days = config.taskNearlyDueDays;
    const facts = rows.map((r) => ({ ...factsOf(r), unit: r.lead_unit }));
    const year = Number(to.slice(0, 4));
    const reminders = await repo.remindersByUnit(
      db,
      localMidnight(`${year}-01-01`),
      localMidnight(`${year + 1}-01-01`),
    );
    const byUnit = figuresByUnit(facts, today, days);
    const names = new Map(list.map((a) => [a.code, a]));
    const units: TaskUnitFigures[] = [...byUnit].map(([code, figures]) => ({
      unit: {
        code,
        name: names.get(code)?.name ?? code,
        nameEn: names.get(code)?.nameEn ?? code,
        kind: names.get(code)?.kind ?? 'other',
      },
      ...figures,
      remindersThisYear: reminders.get(code) ?? 0,
    }));
    return {
      from,
      to,
      today,
      nearlyDueDays: days,
      byState: countByState(facts, today, days),
      total: {
        unit: { code: '*', name: 'Tất cả đơn vị', nameEn: 'All units', kind: 'other' },
        ...figuresOf(facts, today, days),
        remindersThisYear: units.reduce((sum, u) => sum + u.remindersThisYear, 0),
      },
      units: rankUnits(units),
      reviewThreshold: config.taskReviewReminders,
    };
  }

  /** Month ends over the last `months` months (today for the running one). */
  async trend(actor: Actor, months: number): Promise<TaskTrend> {
    const today = localDateOf(this.platform.now().getTime());
    const ends: string[] = [];
    const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
    for (let back = months - 1; back >= 0; back--) {
      const first = new Date(Date.UTC(y, m - 1 - back, 1));
      const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
      ends.push(back === 0 ? today : last);
    }
    const { rows } = await this.tasks(actor, '0000-01-01', today);
    const points = trendPoints(
      rows.map((r) => ({
        assignedOn: r.assigned_on,
        dueDate: r.due_date,
        completedOn: r.completed_on,
        cancelledOn: r.cancelled_at ? localDateOf(Date.parse(r.cancelled_at)) : null,
      })),
      ends,
    );
    return { points };
  }
}
