import { describe, expect, it } from 'vitest';
import { buildCalendar, calendarRange, groupByDueDate } from './calendar.ts';
import { makeTask } from './testTasks.ts';

const TODAY = '2026-11-27'; // a Friday

describe('the deadline calendar', () => {
  it('shows five whole weeks from Monday of this week', () => {
    expect(calendarRange(TODAY)).toEqual({ from: '2026-11-23', to: '2026-12-27' });
    const weeks = buildCalendar([], TODAY, 3);
    expect(weeks).toHaveLength(5);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeks[0]?.[0]?.date).toBe('2026-11-23');
    expect(weeks[4]?.[6]?.date).toBe('2026-12-27');
    expect(weeks[0]?.[4]?.isToday).toBe(true);
    expect(weeks[0]?.[3]?.isPast).toBe(true);
  });

  it('names the month on the first cell and on the first of a month', () => {
    const days = buildCalendar([], TODAY, 3).flat();
    expect(days.filter((day) => day.showsMonth).map((day) => day.date)).toEqual(['2026-11-23', '2026-12-01']);
  });

  it('counts the open tasks due each day, most urgent first', () => {
    const tasks = [
      makeTask({ id: 1, dueDate: '2026-12-01', title: 'B' }),
      makeTask({ id: 2, dueDate: '2026-12-01', title: 'A' }),
      makeTask({ id: 3, dueDate: '2026-12-01', title: 'C', priority: 'urgent' }),
      makeTask({ id: 4, dueDate: '2026-12-10' }),
    ];
    const byDay = groupByDueDate(tasks);
    expect(byDay.get('2026-12-01')?.map((task) => task.id)).toEqual([3, 2, 1]);
    const day = buildCalendar(tasks, TODAY, 3)
      .flat()
      .find((cell) => cell.date === '2026-12-10');
    expect(day?.tasks).toHaveLength(1);
    expect(day?.tone).toBe('due');
  });

  it('highlights the days within the nearly-due window and the past days still open', () => {
    const tasks = [
      makeTask({ id: 1, dueDate: '2026-11-29', state: 'nearly_due' }),
      makeTask({ id: 2, dueDate: '2026-11-30' }),
      makeTask({ id: 3, dueDate: '2026-11-24', state: 'overdue' }),
      makeTask({ id: 4, dueDate: '2026-12-05' }),
    ];
    const tone = (date: string) =>
      buildCalendar(tasks, TODAY, 3)
        .flat()
        .find((cell) => cell.date === date)?.tone;
    expect(tone('2026-11-29')).toBe('nearlyDue');
    // Three days: the 27th, 28th and 29th. A deadline on the 30th is not nearly due yet, for the tiles nor here.
    expect(tone('2026-11-30')).toBe('due');
    expect(tone('2026-11-24')).toBe('overdue');
    expect(tone('2026-12-05')).toBe('due');
    expect(tone('2026-12-06')).toBe('none');
  });

  it('leaves out tasks that are done or cancelled', () => {
    const tasks = [
      makeTask({ id: 1, dueDate: '2026-12-01', state: 'done_on_time', completedAt: '2026-11-26T03:00:00Z' }),
      makeTask({ id: 2, dueDate: '2026-12-01', state: 'cancelled', cancelledAt: '2026-11-26T03:00:00Z' }),
    ];
    const day = buildCalendar(tasks, TODAY, 3)
      .flat()
      .find((cell) => cell.date === '2026-12-01');
    expect(day?.tasks).toEqual([]);
    expect(day?.tone).toBe('none');
  });
});
