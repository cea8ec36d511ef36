/**
 * The month a discipline view opens on. Two monthly data sets, due on the 20th at 17:00 and on the 25th at 23:59 of
 * their month (Hà Tĩnh time), and a quarterly one due 105 days after its quarter starts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestDueMonth } from '../src/modules/indicators/discipline.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

const HEALTH = { frequency: 'month', due_days: 19, due_time: '17:00', lock_days: 35 };
const ECONOMY = { frequency: 'month', due_days: 24, due_time: '23:59', lock_days: 40 };
const LAND = { frequency: 'quarter', due_days: 105, due_time: '17:00', lock_days: 125 };
const at = (iso: string) => new Date(iso);

describe('the latest month with a deadline passed', () => {
  it('is the month before while nothing of this month is due yet', () => {
    // 3 December 2026: December's reports are due on the 20th; November's were due on 20 and 25 November.
    expect(latestDueMonth([HEALTH, ECONOMY, LAND], at('2026-12-03T02:00:00Z')).id).toBe('202611');
  });

  it('is this month once its first deadline has passed, even if another is still ahead', () => {
    // 20 November 2026, 17:00 in Hà Tĩnh is 10:00Z: the health report is due, the economy report not yet.
    expect(latestDueMonth([HEALTH, ECONOMY], at('2026-11-20T09:59:00Z')).id).toBe('202610');
    expect(latestDueMonth([HEALTH, ECONOMY], at('2026-11-20T10:00:00Z')).id).toBe('202611');
  });

  it('reads the month in Hà Tĩnh: 1 December at 01:00 local is still 30 November in UTC', () => {
    expect(latestDueMonth([HEALTH], at('2026-11-30T18:00:00Z')).id).toBe('202611');
  });

  it('goes back to the month of the last quarterly deadline when only a quarterly set is expected', () => {
    // Q3 2026 (July–September) is due 105 days after 1 July: 14 October at 17:00. Q4 is not due until January.
    expect(latestDueMonth([LAND], at('2026-11-26T02:30:00Z')).id).toBe('202609');
  });

  it('stays on this month when no deadline passed within a year', () => {
    expect(latestDueMonth([], at('2026-11-26T02:30:00Z')).id).toBe('202611');
  });
});

describe('GET /api/v1/discipline without a month', () => {
  let t: TestApp;
  let admin: string;
  const send = (method: 'GET' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: admin }, ...(payload ? { payload } : {}) });
  /** Moves the clock, and signs in again: a session lapses after 12 idle hours. */
  const clock = async (iso: string) => {
    t.platform.now = () => at(iso);
    admin = await t.login('admin', ADMIN_PASSWORD);
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.login('admin', ADMIN_PASSWORD);
    const element = { name: 'x', nameEn: 'x', unit: '', valueType: 'number', aggregation: 'sum', frequency: 'month' };
    expect((await send('PUT', '/api/v1/data-elements/RETAIL', element)).statusCode).toBe(200);
    const set = await send('PUT', '/api/v1/data-sets/SOCIO', {
      name: 'Báo cáo tháng',
      nameEn: 'Monthly report',
      frequency: 'month',
      dueDays: 24,
      dueTime: '23:59',
      lockDays: 40,
      elements: ['RETAIL'],
      units: ['18073', '18100'],
    });
    expect(set.statusCode, set.body).toBe(200);
  });
  afterAll(() => t.stop());

  it('judges the latest month whose deadline has passed, and says which', async () => {
    await clock('2026-12-03T02:00:00Z');
    const body = (await send('GET', '/api/v1/discipline')).json();
    expect(body.period).toBe('202611');
    expect(body.dataSets[0]).toMatchObject({ period: '202611', expected: 2, missing: 2 });
    // Asked for a month, it judges that month, due or not.
    expect((await send('GET', '/api/v1/discipline?period=202612')).json().dataSets[0]).toMatchObject({
      period: '202612',
      missing: 0,
    });
  });

  it("looks only at the sets a commune must report: a department's set does not move its month", async () => {
    const dept = await send('PUT', '/api/v1/data-sets/DEPT', {
      name: 'Báo cáo sở',
      nameEn: 'Department report',
      frequency: 'month',
      dueDays: 2,
      dueTime: '17:00',
      elements: ['RETAIL'],
      units: ['42'],
    });
    expect(dept.statusCode, dept.body).toBe(200);
    await clock('2026-12-10T02:00:00Z');
    const province = await send('GET', '/api/v1/discipline');
    expect(province.statusCode, province.body).toBe(200);
    expect(province.json().period).toBe('202612');
    expect((await send('GET', '/api/v1/discipline?parent=18073')).json().period).toBe('202611');
  });
});
