import { describe, expect, it } from 'vitest';
import { makeFormatter, NO_VALUE } from './formatter.ts';

const vi = makeFormatter('vi');
const en = makeFormatter('en');

describe('numbers', () => {
  it('are written the Vietnamese way: dot thousands, comma decimals', () => {
    expect(vi.count(3890)).toBe('3.890');
    expect(vi.number(1234.567)).toBe('1.234,57');
    expect(vi.number(12.5, 1)).toBe('12,5');
    expect(vi.number(41, 1)).toBe('41');
    expect(vi.fixed(39, 1)).toBe('39,0');
    expect(vi.fixed(1234.56, 1)).toBe('1.234,6');
    expect(vi.fixed(5.7388, 1)).toBe('5,7');
  });

  it('are written the English way', () => {
    expect(en.count(3890)).toBe('3,890');
    expect(en.number(1234.567)).toBe('1,234.57');
    expect(en.fixed(1234.56, 1)).toBe('1,234.6');
    expect(en.fixed(874427, 0)).toBe('874,427');
  });

  it('keep the decimals asked for, so a column lines up', () => {
    expect(vi.fixed(74.5, 1)).toBe('74,5');
    expect(vi.fixed(2, 2)).toBe('2,00');
    expect(en.fixed(0.125, 2)).toBe('0.13');
  });

  it('write compact axis labels', () => {
    expect(en.compact(12_000)).toBe('12k');
    expect(en.compact(1_200_000)).toBe('1.2m');
    expect(vi.compact(1_200_000)).toMatch(/^1,2\s?Tr$/);
  });
});

describe('percentages', () => {
  it('write a rate 0–100 with one decimal', () => {
    expect(vi.rate(53.18675)).toBe('53,2%');
    expect(vi.rate(100)).toBe('100,0%');
    expect(vi.rate(0)).toBe('0,0%');
    expect(en.rate(53.18675)).toBe('53.2%');
  });

  it('write a share 0–1 with at most one decimal', () => {
    expect(en.percent(0.846)).toBe('84.6%');
    expect(en.percent(0.5)).toBe('50%');
    expect(vi.percent(0.846)).toMatch(/^84,6\s?%$/);
  });
});

describe('nothing to show', () => {
  it('is a dash, never 0, whatever the method', () => {
    for (const fmt of [vi, en]) {
      expect(fmt.number(null)).toBe(NO_VALUE);
      expect(fmt.count(undefined)).toBe(NO_VALUE);
      expect(fmt.fixed(null, 1)).toBe(NO_VALUE);
      expect(fmt.rate(null)).toBe(NO_VALUE);
      expect(fmt.rate(Number.NaN)).toBe(NO_VALUE);
      expect(fmt.percent(null)).toBe(NO_VALUE);
      expect(fmt.date(null)).toBe(NO_VALUE);
      expect(fmt.shortDateTime('not a date')).toBe(NO_VALUE);
    }
  });
});

describe('dates and sizes', () => {
  it('show the time in the province, date first in both languages', () => {
    expect(vi.shortDateTime('2026-11-25T16:59:00Z')).toBe('25/11/2026 23:59');
    expect(en.shortDateTime('2026-11-25T16:59:00Z')).toBe('25/11/2026 23:59');
    expect(vi.date('2026-11-30T18:00:00Z')).toBe('01/12/2026');
  });

  it('say how long ago in both languages, and nothing under a minute', () => {
    const now = new Date('2026-11-27T03:00:00Z');
    expect(vi.ago('2026-11-27T02:55:00Z', now)).toBe('5 phút trước');
    expect(en.ago('2026-11-27T00:00:00Z', now)).toBe('3 hours ago');
    expect(en.ago('2026-11-27T02:59:40Z', now)).toBeNull();
    expect(en.ago('2026-11-25T23:00:00Z', now)).toBe('yesterday');
  });

  it('size files as people read them', () => {
    expect(vi.fileSize(820)).toBe('820 B');
    expect(vi.fileSize(14_500)).toBe('14 KB');
    expect(vi.fileSize(2_500_000)).toBe('2,4 MB');
    expect(en.fileSize(2_500_000)).toBe('2.4 MB');
  });
});
