import { describe, expect, it } from 'vitest';
import { testTranslators } from '../../i18n/testing.ts';
import { isOpen, stateLabel, taskTiming, timingText } from './format.ts';
import { tasksEn } from './i18n.en.ts';
import { tasksVi } from './i18n.vi.ts';

const { tVi, tEn } = testTranslators({ vi: tasksVi, en: tasksEn });

describe('how late a task is', () => {
  it('counts the days past the deadline of an overdue task', () => {
    expect(taskTiming({ state: 'overdue', daysLeft: -5, daysLate: 5 })).toEqual({ kind: 'overdue', days: 5 });
    // The state is the server's word: overdue even if its day count lags by a day.
    expect(taskTiming({ state: 'overdue', daysLeft: 0, daysLate: 0 })).toEqual({ kind: 'overdue', days: 1 });
    expect(taskTiming({ state: 'in_progress', daysLeft: -2, daysLate: 2 })).toEqual({ kind: 'overdue', days: 2 });
  });

  it('counts the days left of an open task, and says when it is due today', () => {
    expect(taskTiming({ state: 'nearly_due', daysLeft: 2, daysLate: 0 })).toEqual({ kind: 'left', days: 2 });
    expect(taskTiming({ state: 'nearly_due', daysLeft: 0, daysLate: 0 })).toEqual({ kind: 'dueToday' });
  });

  it('says how a closed task ended', () => {
    expect(taskTiming({ state: 'done_on_time', daysLeft: null, daysLate: 0 })).toEqual({ kind: 'doneOnTime' });
    expect(taskTiming({ state: 'done_late', daysLeft: null, daysLate: 3 })).toEqual({ kind: 'doneLate', days: 3 });
    expect(taskTiming({ state: 'cancelled', daysLeft: null, daysLate: 0 })).toEqual({ kind: 'cancelled' });
  });

  it('writes it in Vietnamese and in English, one day and many', () => {
    expect(timingText(tVi, { kind: 'overdue', days: 1200 })).toBe('trễ 1.200 ngày');
    expect(timingText(tEn, { kind: 'overdue', days: 1200 })).toBe('1,200 days late');
    expect(timingText(tVi, { kind: 'left', days: 3 })).toBe('còn 3 ngày');
    expect(timingText(tVi, { kind: 'dueToday' })).toBe('đến hạn hôm nay');
    expect(timingText(tEn, { kind: 'overdue', days: 1 })).toBe('1 day late');
    expect(timingText(tEn, { kind: 'overdue', days: 5 })).toBe('5 days late');
    expect(timingText(tEn, { kind: 'doneLate', days: 2 })).toBe('done 2 days late');
    expect(timingText(tEn, { kind: 'left', days: 1 })).toBe('1 day left');
  });
});

describe('task states', () => {
  it('knows which are open', () => {
    expect(isOpen('nearly_due')).toBe(true);
    expect(isOpen('overdue')).toBe(true);
    expect(isOpen('done_late')).toBe(false);
    expect(isOpen('cancelled')).toBe(false);
  });

  it('names them, and leaves an unknown state as sent', () => {
    expect(stateLabel(tVi, 'done_on_time')).toBe('Hoàn thành đúng hạn');
    expect(stateLabel(tEn, 'overdue')).toBe('Overdue');
    expect(stateLabel(tVi, 'archived')).toBe('archived');
  });
});
