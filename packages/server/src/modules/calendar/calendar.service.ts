import type { CalendarDay, SaveCalendarDayBody } from '@ioc/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { invalid, notFound } from '../../errors.ts';
import type { Platform } from '../../platform.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import type { Actor } from '../auth/actor.ts';
import * as repo from './calendar.repo.ts';
import { localMidnight } from './local-time.ts';
import { VIETNAM_HOLIDAYS } from './vn-holidays.ts';
import { WorkingCalendar } from './working-days.ts';

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
 * Called inside the transaction that changes a day, with the calendar before and after: a subsystem whose stored
 * figures count working days across that day (dossiers in processing) counts them again, so they never lag.
 */
export type CalendarChangeListener = (
  trx: Transaction<Database>,
  day: { from: string; to: string },
  before: WorkingCalendar,
  after: WorkingCalendar,
) => Promise<void>;

/**
 * The working-day calendar as data: public holidays, compensatory days off and swapped working Saturdays, which
 * the government announces each year. Seeded with Vietnam's holidays 2023–2027; the province keeps it current.
 */
export class CalendarService {
  private readonly listeners: CalendarChangeListener[] = [];

  constructor(private readonly platform: Platform) {}

  /** A subsystem that counts working days in stored figures registers here. */
  whenDayChanges(listener: CalendarChangeListener): void {
    this.listeners.push(listener);
  }

  async days(year?: number): Promise<CalendarDay[]> {
    return (await repo.listCalendarDays(this.platform.db, year)).map(toDay);
  }

  /** The calendar deadlines are counted with, as stored now; pass a transaction to read it inside one. */
  async calendar(db: Kysely<Database> | Transaction<Database> = this.platform.db): Promise<WorkingCalendar> {
    return new WorkingCalendar((await repo.listCalendarDays(db)).map(toDay));
  }

  async save(actor: Actor, date: string, body: SaveCalendarDayBody): Promise<CalendarDay> {
    checkDate(date);
    const { db, now } = this.platform;
    const previous = await this.calendar();
    return auditedWrite(
      db,
      actor,
      { action: 'calendar.save', entityType: 'calendar_day', entityId: date },
      async (trx) => {
        const before = (await repo.listCalendarDays(trx, Number(date.slice(0, 4)))).find((d) => d.date === date);
        const after = { date, kind: body.kind, name: body.name };
        await repo.saveCalendarDay(trx, after);
        await this.recount(trx, date, previous);
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
      { action: 'calendar.delete', entityType: 'calendar_day', entityId: date },
      async (trx) => {
        const before = (await repo.listCalendarDays(trx, Number(date.slice(0, 4)))).find((d) => d.date === date);
        if (!before) throw notFound(`Calendar day ${date}`);
        await repo.deleteCalendarDay(trx, date);
        await this.recount(trx, date, previous);
        return { before: toDay(before), after: null, result: undefined };
      },
      now,
    );
  }

  private async recount(trx: Transaction<Database>, date: string, before: WorkingCalendar): Promise<void> {
    if (this.listeners.length === 0) return;
    const from = new Date(localMidnight(date));
    const day = { from: from.toISOString(), to: new Date(from.getTime() + 86_400_000).toISOString() };
    const after = await this.calendar(trx);
    for (const listener of this.listeners) await listener(trx, day, before, after);
  }
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
