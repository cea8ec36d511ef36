import type { CalendarDay, SaveCalendarDayBody } from '@ioc/shared';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { invalid, notFound } from '../../http/errors.ts';
import type { Platform } from '../../platform.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import type { Actor } from '../auth/actor.ts';
import { VIETNAM_HOLIDAYS } from './calendar/vn-holidays.ts';
import { WorkingCalendar } from './calendar/working-days.ts';
import * as repo from './calendar.repo.ts';
import { localMidnight } from './local-time.ts';
import { recountAcross } from './summary/rebuild.ts';

const toDay = (row: repo.CalendarDayRow): CalendarDay => ({
  date: row.date,
  kind: row.kind as CalendarDay['kind'],
  name: row.name,
});

function checkDate(date: string): void {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw invalid(`${date} is not a date`, [{ field: 'params:/date', message: 'is not a date', rule: 'format' }]);
  }
}

/**
 * The working-day calendar as data: public holidays, compensatory days off and swapped working Saturdays, which
 * the government announces each year. Seeded with Vietnam's holidays 2023–2027; the province keeps it current.
 */
export class CalendarService {
  constructor(private readonly platform: Platform) {}

  async days(year?: number): Promise<CalendarDay[]> {
    return (await repo.listCalendarDays(this.platform.db, year)).map(toDay);
  }

  /** The calendar deadlines are counted with, as stored now. */
  async calendar(): Promise<WorkingCalendar> {
    return new WorkingCalendar((await repo.listCalendarDays(this.platform.db)).map(toDay));
  }

  async save(actor: Actor, date: string, body: SaveCalendarDayBody): Promise<CalendarDay> {
    checkDate(date);
    const { db, now } = this.platform;
    const previous = await this.calendar();
    return auditedWrite(
      db,
      actor,
      { action: 'publicservices.calendar.save', entityType: 'calendar_day', entityId: date },
      async (trx) => {
        const before = (await repo.listCalendarDays(trx, Number(date.slice(0, 4)))).find((d) => d.date === date);
        const after = { date, kind: body.kind, name: body.name };
        await repo.saveCalendarDay(trx, after);
        await recount(trx, date, previous);
        return { before: before ? toDay(before) : null, after: toDay(after), result: toDay(after) };
      },
      now,
    );
  }

  async remove(actor: Actor, date: string): Promise<void> {
    checkDate(date);
    const { db, now } = this.platform;
    const previous = await this.calendar();
    await auditedWrite(
      db,
      actor,
      { action: 'publicservices.calendar.delete', entityType: 'calendar_day', entityId: date },
      async (trx) => {
        const before = (await repo.listCalendarDays(trx, Number(date.slice(0, 4)))).find((d) => d.date === date);
        if (!before) throw notFound(`Calendar day ${date}`);
        await repo.deleteCalendarDay(trx, date);
        await recount(trx, date, previous);
        return { before: toDay(before), after: null, result: undefined };
      },
      now,
    );
  }
}

/**
 * Dossiers in processing across a changed day are counted again with the calendar as it now stands, in the same
 * transaction as the change: their working days changed.
 */
async function recount(trx: Transaction<Database>, date: string, before: WorkingCalendar): Promise<void> {
  const from = new Date(localMidnight(date));
  const to = new Date(from.getTime() + 86_400_000);
  const after = new WorkingCalendar((await repo.listCalendarDays(trx)).map(toDay));
  await recountAcross(trx, { from: from.toISOString(), to: to.toISOString() }, before, after);
}

/** First start: Vietnam's holidays, so deadlines count working days correctly from day one. */
export async function seedCalendar(db: Platform['db']): Promise<number> {
  if ((await repo.listCalendarDays(db)).length > 0) return 0;
  await repo.insertCalendarDays(
    db,
    VIETNAM_HOLIDAYS.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
  );
  return VIETNAM_HOLIDAYS.length;
}
