import { describe, expect, it } from 'vitest';
import { defaultPeriod, periodFromParam } from './periods.ts';

describe('the period of the page', () => {
  it('is the current year unless the URL asks for another', () => {
    expect(defaultPeriod('202611')).toBe('2026');
    expect(periodFromParam(null, '202611')).toBe('2026');
  });

  it('takes a month, quarter or year that has begun', () => {
    expect(periodFromParam('202611', '202611')).toBe('202611');
    expect(periodFromParam('2026Q2', '202611')).toBe('2026Q2');
    expect(periodFromParam('2025', '202611')).toBe('2025');
  });

  it('refuses the future, weeks, days and garbage', () => {
    expect(periodFromParam('202612', '202611')).toBe('2026');
    expect(periodFromParam('2027', '202611')).toBe('2026');
    expect(periodFromParam('2026W27', '202611')).toBe('2026');
    expect(periodFromParam('20261101', '202611')).toBe('2026');
    expect(periodFromParam('hôm nay', '202611')).toBe('2026');
  });
});
