import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import type { MessageKey, TranslateParams } from '../i18n/index.tsx';
import { vi } from '../i18n/vi.ts';
import { lateness, latenessText, NO_VALUE, psNumbers, sameLocalDay } from './format.ts';

const translate = (messages: Record<MessageKey, string>) => (key: MessageKey, params?: TranslateParams) =>
  messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params && name in params ? String(params[name]) : whole,
  );

describe('numbers on the page', () => {
  it('are written the Vietnamese way: dot thousands, comma decimals', () => {
    const n = psNumbers('vi');
    expect(n.count(3890)).toBe('3.890');
    expect(n.rate(53.18675)).toBe('53,2%');
    expect(n.rate(100)).toBe('100,0%');
    expect(n.days(5.7388)).toBe('5,7');
    expect(n.points(28.4435)).toBe('28,4');
    expect(n.maxPoints(41)).toBe('41');
    expect(n.maxPoints(12.5)).toBe('12,5');
    expect(n.limit(80)).toBe('80%');
  });

  it('are written the English way', () => {
    const n = psNumbers('en');
    expect(n.count(3890)).toBe('3,890');
    expect(n.rate(53.18675)).toBe('53.2%');
    expect(n.days(5.7388)).toBe('5.7');
  });

  it('show a dash, never 0, when there is nothing to divide by', () => {
    for (const lang of ['vi', 'en'] as const) {
      const n = psNumbers(lang);
      expect(n.rate(null)).toBe(NO_VALUE);
      expect(n.days(null)).toBe(NO_VALUE);
      expect(n.points(null)).toBe(NO_VALUE);
      expect(n.count(undefined)).toBe(NO_VALUE);
      expect(n.rate(Number.NaN)).toBe(NO_VALUE);
    }
    expect(psNumbers('vi').rate(0)).toBe('0,0%');
  });
});

describe('how late an open dossier is', () => {
  it('reads overdue days, days left, and the edges', () => {
    expect(lateness(3.46)).toEqual({ kind: 'late', days: 3.5 });
    expect(lateness(0.04)).toEqual({ kind: 'justLate' });
    expect(lateness(-1.5)).toEqual({ kind: 'left', days: 1.5 });
    expect(lateness(-0.02)).toEqual({ kind: 'dueNow' });
    expect(lateness(0)).toEqual({ kind: 'dueNow' });
    expect(lateness(null)).toEqual({ kind: 'noDue' });
  });

  it('says it in words, in Vietnamese and English', () => {
    const t = translate(vi);
    const n = psNumbers('vi');
    expect(latenessText(t, n, 3.5)).toBe('trễ 3,5 ngày làm việc');
    expect(latenessText(t, n, -1.25)).toBe('còn 1,3 ngày làm việc');
    expect(latenessText(t, n, 0.01)).toBe('vừa quá hạn');
    expect(latenessText(t, n, null)).toBe('không có hạn trả');
    expect(latenessText(translate(en), psNumbers('en'), 211.57)).toBe('211.6 working days late');
  });
});

describe('the ticker time', () => {
  it('compares days in the province (UTC+7), not in the browser', () => {
    const now = new Date('2026-11-27T16:30:00Z'); // 23:30 in Hà Tĩnh
    expect(sameLocalDay('2026-11-26T18:00:00Z', now)).toBe(true); // 01:00 on the 27th
    expect(sameLocalDay('2026-11-27T17:30:00Z', now)).toBe(false); // 00:30 on the 28th
    expect(sameLocalDay('not a date', now)).toBe(false);
  });
});
