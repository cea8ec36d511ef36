/**
 * One set of tasks per page, hand-worked: the figures count what the lists show. Today is Saturday 25 April 2026,
 * "nearly due" is the last 3 days up to the deadline (25–27 April).
 *
 * | task | assigned | lead        | co-operating | deadline | outcome          | today                       |
 * |------|----------|-------------|--------------|----------|------------------|-----------------------------|
 * | P    | 1 Dec 25 | SXD         | SYT          | 20 Dec 25| open             | overdue, carried over       |
 * | Q    | 1 Apr 26 | SYT         |              | 27 Apr   | open             | nearly due                  |
 * | R    | 1 Apr 26 | SXD         | SYT          | 30 May   | open             | not started                 |
 * | S    | 1 Apr 26 | SYT         |              | 10 Apr   | done 9 Apr       | on time                     |
 * | T    | 1 Apr 26 | SNV         |              | 30 Jun   | open             | not started                 |
 * | U    | 1 Apr 26 | UBND_18073  | SYT          | 30 Jun   | open             | not started                 |
 * | V    | 1 Apr 25 | SYT         |              | 30 Apr 25| done 2 May 25    | closed last year: not counted|
 *
 * SYT's officer: P, Q, R, S, U (leads or co-operates) — open 4, overdue 1, nearly due 1, on time 1, of which P carried
 * over; on-time rate 1 ÷ (1 + 0 + 1) = 50 %. Its ranking holds SYT alone (Q, S): open 1, rate 100 %.
 * Thành Sen's officer: U only. The leader: every open task — P, Q, R, T, U — open 5, overdue 1, nearly due 1.
 */
import type { TaskPage, TaskSummary, TaskTrend } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const USERS = ['leader', 'syt', 'thanhsen'] as const;
/** Moves the clock to a morning; sessions lapse over months, so everyone signs in again. */
async function morning(day: string) {
  t.platform.now = () => new Date(`${day}T02:00:00Z`);
  for (const user of USERS) cookies[user] = await t.login(user, 'password-1234');
}
async function call<T>(user: string, method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
  const r = await t.app.inject({ method, url, headers: { cookie: cookies[user] ?? '' }, payload });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json() as T;
}
const ids: Record<string, number> = {};
async function assign(key: string, lead: string, due: string, cooperating: string[] = []) {
  const detail = await call<{ task: { id: number } }>('leader', 'POST', '/api/v1/tasks', {
    title: `Nhiệm vụ ${key}`,
    leadUnit: lead,
    cooperatingUnits: cooperating,
    dueDate: due,
  });
  ids[key] = detail.task.id;
}
const done = (user: string, key: string) =>
  call(user, 'POST', `/api/v1/tasks/${ids[key]}/reports`, { percent: 100, text: 'Xong' });

beforeAll(async () => {
  t = await startTestApp({}, { now: new Date('2025-04-01T02:00:00Z') });
  cookies.admin = await t.login('admin', ADMIN_PASSWORD);
  for (const [username, role, unit, agencyCode] of [
    ['leader', 'leader', '42', null],
    ['syt', 'unit_officer', '42', 'SYT'],
    ['thanhsen', 'unit_officer', '18073', null],
  ] as const) {
    await t.createUser(cookies.admin, {
      username,
      displayName: username,
      roles: [role],
      orgUnitCode: unit,
      agencyCode,
      password: 'password-1234',
    });
  }
  await morning('2025-04-01');
  await assign('V', 'SYT', '2025-04-30');
  await morning('2025-05-02');
  await done('syt', 'V');
  await morning('2025-12-01');
  await assign('P', 'SXD', '2025-12-20', ['SYT']);
  await morning('2026-04-01');
  await assign('Q', 'SYT', '2026-04-27');
  await assign('R', 'SXD', '2026-05-30', ['SYT']);
  await assign('S', 'SYT', '2026-04-10');
  await assign('T', 'SNV', '2026-06-30');
  await assign('U', 'UBND_18073', '2026-06-30', ['SYT']);
  await morning('2026-04-09');
  await done('syt', 'S');
  await morning('2026-04-25');
});
afterAll(() => t.stop());

const total = async (user: string, query: string) =>
  (await call<TaskPage>(user, 'GET', `/api/v1/tasks?${query}`)).total;

describe("a page's figures count the tasks its lists show", () => {
  it("counts, for an agency's officer, what it leads or co-operates on and what earlier years left open", async () => {
    const s = await call<TaskSummary>('syt', 'GET', '/api/v1/tasks/summary?year=2026');
    expect(s.scope?.map((u) => u.code)).toEqual(['SYT']);
    expect(s.carriedOver).toBe(1);
    expect(s.total).toMatchObject({
      assigned: 5,
      open: 4,
      overdue: 1,
      nearlyDue: 1,
      doneOnTime: 1,
      doneLate: 0,
      onTimeRate: 50,
    });
    expect(s.units.map((u) => [u.unit.code, u.assigned, u.open, u.onTimeRate])).toEqual([['SYT', 2, 1, 100]]);
    expect(await total('syt', 'open=true')).toBe(s.total.open);
    expect(await total('syt', 'state=overdue')).toBe(s.total.overdue);
    expect(await total('syt', 'state=nearly_due')).toBe(s.total.nearlyDue);
  });

  it("gives a commune officer the tasks of their commune's People's Committee", async () => {
    const s = await call<TaskSummary>('thanhsen', 'GET', '/api/v1/tasks/summary?year=2026');
    expect(s.scope?.map((u) => u.code)).toEqual(['UBND_18073']);
    expect(s.total).toMatchObject({ assigned: 1, open: 1, overdue: 0 });
    expect(await total('thanhsen', 'open=true')).toBe(1);
  });

  it("gives the leader every task, the ranking's open tasks adding up to the total", async () => {
    const s = await call<TaskSummary>('leader', 'GET', '/api/v1/tasks/summary?year=2026');
    expect(s.scope).toBeNull();
    expect(s.total).toMatchObject({ assigned: 6, open: 5, overdue: 1, nearlyDue: 1 });
    expect(s.units.reduce((sum, u) => sum + u.open, 0)).toBe(s.total.open);
    expect(await total('leader', 'open=true')).toBe(s.total.open);
    expect(await total('leader', 'state=overdue')).toBe(s.total.overdue);
  });

  it('counts a past year on the tasks assigned in it alone', async () => {
    const s = await call<TaskSummary>('syt', 'GET', '/api/v1/tasks/summary?year=2025');
    expect(s.carriedOver).toBe(0);
    expect(s.total).toMatchObject({ assigned: 2, open: 1, overdue: 1, doneLate: 1 });
  });

  it("ends the trend on today's open and overdue tasks of the same set", async () => {
    const trend = await call<TaskTrend>('syt', 'GET', '/api/v1/tasks/trend?months=1');
    expect(trend.points).toEqual([{ date: '2026-04-25', open: 4, overdue: 1, assigned: 4 }]);
  });
});
