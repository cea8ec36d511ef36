/**
 * Directed-task figures, hand-worked. All tasks are assigned on Wednesday 1 April 2026; today is Saturday 25 April.
 *
 * | unit | task | deadline | outcome                         | judged as            |
 * |------|------|----------|---------------------------------|----------------------|
 * | SYT  | A    | 10 Apr   | done 9 Apr                      | on time              |
 * | SYT  | B    | 10 Apr   | done 13 Apr                     | late, 3 days         |
 * | SYT  | C    | 20 Apr   | open, reminded 3 times          | overdue, 5 days      |
 * | SYT  | D    | 30 May   | open, 50 % reported             | in progress (not judged) |
 * | SXD  | E    | 15 Apr   | done 15 Apr (the deadline day)  | on time              |
 * | SXD  | F    | 30 Apr   | done 2 Apr                      | on time              |
 * | SNV  | G    | 30 Jun   | open, nothing reported          | not started          |
 * | SNV  | H    | 30 Jun   | cancelled 3 Apr                 | cancelled            |
 *
 * On-time rate = on time ÷ (on time + late + overdue): SYT 1 ÷ 3 = 33.3 %, SXD 2 ÷ 2 = 100 %, SNV nothing judged;
 * all units 3 ÷ 5 = 60 %. Average delay over late and overdue: SYT (3 + 5) ÷ 2 = 4 days. Ranking SXD, SYT, SNV.
 * With the review rule at 3 reminders a year, SYT's third reminder raises the review alert.
 */
import type { TaskDetail, TaskSummary, TaskTrend } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const morning = (day: string) => {
  t.platform.now = () => new Date(`${day}T02:00:00Z`);
};
async function post(user: string, url: string, payload: unknown): Promise<TaskDetail> {
  const r = await t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookies[user] ?? '' },
    payload: payload as object,
  });
  expect(r.statusCode, r.body).toBeLessThan(300);
  return r.json() as TaskDetail;
}
async function get<T>(user: string, url: string): Promise<T> {
  const r = await t.app.inject({ method: 'GET', url, headers: { cookie: cookies[user] ?? '' } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as T;
}

beforeAll(async () => {
  t = await startTestApp(
    { IOC_SESSION_HOURS: '720', IOC_TASK_REVIEW_REMINDERS: '3' },
    { now: new Date('2026-04-01T02:00:00Z') },
  );
  cookies.admin = await t.login('admin', ADMIN_PASSWORD);
  for (const [username, roles, agencyCode] of [
    ['leader', ['leader'], null],
    ['syt', ['unit_officer'], 'SYT'],
    ['sxd', ['unit_officer'], 'SXD'],
  ] as const) {
    await t.createUser(cookies.admin, {
      username,
      displayName: username,
      roles: [...roles],
      orgUnitCode: '42',
      agencyCode,
      password: 'password-1234',
    });
    cookies[username] = await t.login(username, 'password-1234');
  }
  morning('2026-04-01');
  const ids: Record<string, number> = {};
  for (const [key, unit, due] of [
    ['A', 'SYT', '2026-04-10'],
    ['B', 'SYT', '2026-04-10'],
    ['C', 'SYT', '2026-04-20'],
    ['D', 'SYT', '2026-05-30'],
    ['E', 'SXD', '2026-04-15'],
    ['F', 'SXD', '2026-04-30'],
    ['G', 'SNV', '2026-06-30'],
    ['H', 'SNV', '2026-06-30'],
  ] as const) {
    ids[key] = (
      await post('leader', '/api/v1/tasks', { title: `Nhiệm vụ ${key}`, leadUnit: unit, dueDate: due })
    ).task.id;
  }
  const done = (user: string, key: string) =>
    post(user, `/api/v1/tasks/${ids[key]}/reports`, { percent: 100, text: 'Xong' });
  morning('2026-04-02');
  await done('sxd', 'F');
  morning('2026-04-03');
  await post('leader', `/api/v1/tasks/${ids.H}/cancel`, { text: 'Không còn cần thiết' });
  morning('2026-04-09');
  await done('syt', 'A');
  morning('2026-04-13');
  await done('syt', 'B');
  morning('2026-04-15');
  await done('sxd', 'E');
  for (const day of ['2026-04-21', '2026-04-22', '2026-04-23']) {
    morning(day);
    await post('leader', `/api/v1/tasks/${ids.C}/reminders`, { text: 'Đề nghị khẩn trương hoàn thành' });
  }
  morning('2026-04-24');
  await post('syt', `/api/v1/tasks/${ids.D}/reports`, { percent: 50, text: 'Đang triển khai' });
  morning('2026-04-25');
});
afterAll(() => t.stop());

describe('task figures', () => {
  it('ranks units by on-time completion with average delay and reminders', async () => {
    const s = await get<TaskSummary>('leader', '/api/v1/tasks/summary?year=2026');
    expect(s).toMatchObject({ from: '2026-01-01', to: '2026-12-31', today: '2026-04-25', reviewThreshold: 3 });
    expect(s.units.map((u) => u.unit.code)).toEqual(['SXD', 'SYT', 'SNV']);
    const [sxd, syt, snv] = s.units;
    expect(syt).toMatchObject({
      assigned: 4,
      open: 2,
      overdue: 1,
      nearlyDue: 0,
      doneOnTime: 1,
      doneLate: 1,
      cancelled: 0,
      onTimeRate: 33.3,
      averageDelayDays: 4,
      remindersThisYear: 3,
    });
    expect(sxd).toMatchObject({
      assigned: 2,
      open: 0,
      doneOnTime: 2,
      onTimeRate: 100,
      averageDelayDays: null,
      remindersThisYear: 0,
    });
    expect(snv).toMatchObject({ assigned: 2, open: 1, cancelled: 1, onTimeRate: null, averageDelayDays: null });
    expect(s.total).toMatchObject({
      assigned: 8,
      open: 3,
      overdue: 1,
      doneOnTime: 3,
      doneLate: 1,
      cancelled: 1,
      onTimeRate: 60,
      averageDelayDays: 4,
    });
    expect(s.byState).toEqual({
      done_on_time: 3,
      done_late: 1,
      overdue: 1,
      in_progress: 1,
      not_started: 1,
      cancelled: 1,
    });
  });

  it("gives a unit's officer their unit's figures only", async () => {
    const s = await get<TaskSummary>('syt', '/api/v1/tasks/summary?year=2026');
    expect(s.units.map((u) => u.unit.code)).toEqual(['SYT']);
    expect(s.total.assigned).toBe(4);
  });

  it('counts open and overdue tasks at each month end', async () => {
    const trend = await get<TaskTrend>('leader', '/api/v1/tasks/trend?months=2');
    expect(trend.points).toEqual([
      { date: '2026-03-31', open: 0, overdue: 0, assigned: 0 },
      { date: '2026-04-25', open: 3, overdue: 1, assigned: 8 },
    ]);
  });

  it('raises the review alert at the third reminder of the year', async () => {
    const { items: alerts } = await get<{ items: { kind: string; detail: Record<string, unknown> }[] }>(
      'admin',
      '/api/v1/alerts?status=all',
    );
    const review = alerts.filter((a) => a.kind === 'tasks.review');
    expect(review).toHaveLength(1);
    expect(review[0]?.detail).toMatchObject({ unit: 'SYT', year: 2026, reminders: 3, threshold: 3 });
  });

  it('lists the late tasks first', async () => {
    const page = await get<{ tasks: { title: string; state: string; daysLate: number }[] }>(
      'leader',
      '/api/v1/tasks?open=true&sort=lateness',
    );
    expect(page.tasks.map((x) => [x.title, x.state, x.daysLate])).toEqual([
      ['Nhiệm vụ C', 'overdue', 5],
      ['Nhiệm vụ D', 'in_progress', 0],
      ['Nhiệm vụ G', 'not_started', 0],
    ]);
    const overdue = await get<{ total: number }>('leader', '/api/v1/tasks?state=overdue');
    expect(overdue.total).toBe(1);
  });
});
