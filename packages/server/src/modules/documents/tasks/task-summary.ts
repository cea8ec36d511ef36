import type { TaskSummary, TaskSummaryQuery, TaskTrend, TaskUnit, TaskUnitFigures } from '@ioc/shared';
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

/**
 * The direction page's figures, over one set of tasks said on the page: those the caller's agencies lead or
 * co-operate on (every task for leaders and the operator), as the lists show them; of a year, those assigned in it
 * and, while it runs, those from earlier years still open. Judged today, per lead unit and over time.
 */
export class TaskSummaryService {
  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
    private readonly agencies: AgencyService,
  ) {}

  /** The agencies whose tasks the caller's figures count: null for leaders and the operator (all tasks). */
  private async scope(actor: Actor) {
    const list = await this.agencies.list();
    const units = await unitsOfActor(actor, list, this.orgUnits, this.platform.config.rootUnit);
    const byCode = new Map(list.map((a) => [a.code, a]));
    const unit = (code: string): TaskUnit => {
      const agency = byCode.get(code);
      return { code, name: agency?.name ?? code, nameEn: agency?.nameEn ?? code, kind: agency?.kind ?? 'other' };
    };
    return { units, unit };
  }

  async summary(actor: Actor, query: TaskSummaryQuery): Promise<TaskSummary> {
    const { db, now, config } = this.platform;
    const { from, to, today } = summarySpan(query, now());
    const { units, unit } = await this.scope(actor);
    // A year still running also counts what earlier years left open: the lists and the calendar show those too.
    const rows = await repo.tasksForFigures(db, { from, to, carryOver: to >= today, units });
    const days = config.taskNearlyDueDays;
    const facts = rows.map((r) => ({ ...factsOf(r), unit: r.lead_unit }));
    const year = Number(to.slice(0, 4));
    const reminders = await repo.remindersByUnit(
      db,
      localMidnight(`${year}-01-01`),
      localMidnight(`${year + 1}-01-01`),
    );
    // The ranking judges lead units: an officer's page ranks its own agencies, not those it helps.
    const ranked = [...figuresByUnit(facts, today, days)].filter(([code]) => units === null || units.includes(code));
    const unitFigures: TaskUnitFigures[] = ranked.map(([code, figures]) => ({
      unit: unit(code),
      ...figures,
      remindersThisYear: reminders.get(code) ?? 0,
    }));
    return {
      from,
      to,
      today,
      nearlyDueDays: days,
      scope: units === null ? null : units.map(unit),
      carriedOver: rows.filter((r) => r.assigned_on < from).length,
      byState: countByState(facts, today, days),
      total: {
        unit: { code: '*', name: 'Tất cả đơn vị', nameEn: 'All units', kind: 'other' },
        ...figuresOf(facts, today, days),
        remindersThisYear: unitFigures.reduce((sum, u) => sum + u.remindersThisYear, 0),
      },
      units: rankUnits(unitFigures),
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
    const { units } = await this.scope(actor);
    const rows = await repo.tasksForFigures(this.platform.db, {
      from: '0000-01-01',
      to: today,
      carryOver: false,
      units,
    });
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
