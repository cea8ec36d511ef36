import { expect } from 'vitest';
import type { TestApp } from './harness.ts';

/**
 * The monthly report both spreadsheet suites import into: RETAIL (sum) and POP with a FEMALE category (integer, last),
 * in data set SOCIO for the given units.
 */
export async function defineMonthlyReport(t: TestApp, cookie: string, units: readonly string[]): Promise<void> {
  const put = (url: string, payload: object) => t.app.inject({ method: 'PUT', url, headers: { cookie }, payload });
  const element = { nameEn: 'x', valueType: 'number', aggregation: 'sum', frequency: 'month' };
  await put('/api/v1/data-elements/RETAIL', { ...element, name: 'Bán lẻ', unit: 'tỷ đồng' });
  await put('/api/v1/data-elements/POP', {
    ...element,
    name: 'Dân số',
    unit: 'người',
    valueType: 'integer',
    aggregation: 'last',
    categories: ['FEMALE'],
  });
  const set = await put('/api/v1/data-sets/SOCIO', {
    name: 'Báo cáo tháng',
    nameEn: 'Monthly report',
    frequency: 'month',
    dueDays: 24,
    dueTime: '23:59',
    lockDays: 40,
    elements: ['RETAIL', 'POP'],
    units,
  });
  expect(set.statusCode, set.body).toBe(200);
}
