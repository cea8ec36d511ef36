import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import type { MessageKey, TranslateParams } from '../i18n/index.tsx';
import { vi } from '../i18n/vi.ts';
import { psNumbers } from '../publicservices/format.ts';
import { isOpen, stateLabel, taskTiming, timingText } from './format.ts';

const translate = (messages: Record<MessageKey, string>) => (key: MessageKey, params?: TranslateParams) =>
  messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params && name in params ? String(params[name]) : whole,
  );

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
    const viT = translate(vi);
    const enT = translate(en);
    const count = psNumbers('vi').count;
    expect(timingText(viT, { kind: 'overdue', days: 1200 }, count)).toBe('trễ 1.200 ngày');
    expect(timingText(viT, { kind: 'left', days: 3 })).toBe('còn 3 ngày');
    expect(timingText(viT, { kind: 'dueToday' })).toBe('đến hạn hôm nay');
    expect(timingText(enT, { kind: 'overdue', days: 1 })).toBe('1 day late');
    expect(timingText(enT, { kind: 'overdue', days: 5 })).toBe('5 days late');
    expect(timingText(enT, { kind: 'doneLate', days: 2 })).toBe('done 2 days late');
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
    expect(stateLabel(translate(vi), 'done_on_time')).toBe('Hoàn thành đúng hạn');
    expect(stateLabel(translate(en), 'overdue')).toBe('Overdue');
    expect(stateLabel(translate(vi), 'archived')).toBe('archived');
  });
});
