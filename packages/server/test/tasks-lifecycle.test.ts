/**
 * Directed tasks over time, with a clock the test moves (local time UTC+7; nearly due = last 3 days up to and
 * including the deadline). A task for Sở Y tế due Tuesday 10 March 2026, assigned Monday 2 March:
 * 2 Mar not started → report 30 % → in progress; 8 Mar (2 days left) nearly due; 11 Mar overdue (1 day late);
 * done 12 Mar → done late by 2 days. Another, due the same day, gets an extension to 20 March approved by the
 * leader who assigned it: on 12 March it is not overdue, and finished on 19 March it is on time.
 */
import type { TaskDetail, TaskPage } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskAlertScan } from '../src/modules/documents/tasks/task-alerts.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const at = (iso: string) => {
  t.platform.now = () => new Date(iso);
};
/** 09:00 local on a day. */
const morning = (day: string) => at(`${day}T02:00:00Z`);

async function call(user: string, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie: cookies[user] ?? '' },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: response.statusCode, body: response.json() as Record<string, unknown>, raw: response.body };
}
async function ok<T>(user: string, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<T> {
  const r = await call(user, method, url, payload);
  expect(r.status, r.raw).toBeLessThan(300);
  return r.body as T;
}
const scan = () => new TaskAlertScan(t.platform, t.services.alerts, () => t.services.agencies.list()).run();

beforeAll(async () => {
  // Sessions idle out after IOC_SESSION_HOURS: the clock jumps weeks here.
  t = await startTestApp({ IOC_SESSION_HOURS: '720' }, { now: new Date('2026-03-02T02:00:00Z') });
  cookies.admin = await t.login('admin', ADMIN_PASSWORD);
  const people = [
    { username: 'leader1', roles: ['leader'], orgUnitCode: '42' },
    { username: 'leader2', roles: ['leader'], orgUnitCode: '42' },
    { username: 'health', roles: ['unit_officer'], orgUnitCode: '42', agencyCode: 'SYT' },
    { username: 'builder', roles: ['unit_officer'], orgUnitCode: '42', agencyCode: 'SXD' },
    { username: 'ward', roles: ['unit_officer'], orgUnitCode: '18073' },
    { username: 'operator', roles: ['operator'], orgUnitCode: '42' },
  ];
  for (const p of people) {
    await t.createUser(cookies.admin, { ...p, displayName: p.username, password: 'password-1234' });
    cookies[p.username] = await t.login(p.username, 'password-1234');
  }
});
afterAll(() => t.stop());

const assign = (body: Record<string, unknown>, user = 'leader1') =>
  ok<TaskDetail>(user, 'POST', '/api/v1/tasks', { title: 'Báo cáo tình hình sốt xuất huyết', ...body });

describe('a task over time', () => {
  let id: number;
  it('is not started when assigned, in progress once reported', async () => {
    morning('2026-03-02');
    const created = await assign({ leadUnit: 'SYT', dueDate: '2026-03-10', cooperatingUnits: ['SGDDT'] });
    id = created.task.id;
    expect(created.task).toMatchObject({ state: 'not_started', progress: 0, daysLeft: 8, daysLate: 0 });
    expect(created.task.cooperatingUnits.map((u) => u.code)).toEqual(['SGDDT']);
    expect(created.timeline.map((e) => e.kind)).toEqual(['assigned']);
    const reported = await ok<TaskDetail>('health', 'POST', `/api/v1/tasks/${id}/reports`, {
      percent: 30,
      text: 'Đã giám sát 12 ổ dịch',
    });
    expect(reported.task).toMatchObject({ state: 'in_progress', progress: 30 });
  });

  it('is nearly due in its last three days, and alerted once', async () => {
    morning('2026-03-07'); // 3 days left: not yet
    expect((await ok<TaskDetail>('leader1', 'GET', `/api/v1/tasks/${id}`)).task.state).toBe('in_progress');
    expect(await scan()).toBe(0);
    morning('2026-03-08'); // 2 days left
    expect((await ok<TaskDetail>('leader1', 'GET', `/api/v1/tasks/${id}`)).task).toMatchObject({
      state: 'nearly_due',
      daysLeft: 2,
    });
    expect(await scan()).toBe(1);
    expect(await scan()).toBe(0);
    morning('2026-03-10'); // the deadline itself is still nearly due
    expect((await ok<TaskDetail>('leader1', 'GET', `/api/v1/tasks/${id}`)).task.state).toBe('nearly_due');
  });

  it('is overdue from the day after its deadline, alerted again, then done late', async () => {
    morning('2026-03-11');
    expect((await ok<TaskDetail>('leader1', 'GET', `/api/v1/tasks/${id}`)).task).toMatchObject({
      state: 'overdue',
      daysLeft: -1,
      daysLate: 1,
    });
    expect(await scan()).toBe(1);
    const alerts = (
      await ok<{
        items: { kind: string; severity: string; title: string; unit: string; detail: { dueDate: string } }[];
      }>('operator', 'GET', '/api/v1/alerts?status=all')
    ).items.filter((a) => a.kind.startsWith('tasks.'));
    expect(alerts.map((a) => [a.kind, a.severity, a.unit]).sort()).toEqual([
      ['tasks.nearly_due', 'warning', '42'],
      ['tasks.overdue', 'critical', '42'],
    ]);
    // Titles carry no date in a language's format: the detail has it, for the page to format.
    const overdue = alerts.find((a) => a.kind === 'tasks.overdue');
    expect(overdue?.title).toContain('Nhiệm vụ quá hạn (Sở Y tế)');
    expect(overdue?.detail.dueDate).toBe('2026-03-10');
    morning('2026-03-12');
    const done = await ok<TaskDetail>('health', 'POST', `/api/v1/tasks/${id}/reports`, {
      percent: 100,
      text: 'Hoàn thành báo cáo',
    });
    expect(done.task).toMatchObject({ state: 'done_late', daysLate: 2, daysLeft: null, progress: 100 });
    expect(done.timeline.map((e) => e.kind)).toEqual(['assigned', 'report', 'completed']);
    expect(done.can.report).toBe(false);
    const again = await call('health', 'POST', `/api/v1/tasks/${id}/reports`, { percent: 100, text: 'lại' });
    expect(again.status).toBe(403);
    expect(again.raw).toContain('closed');
  });
});

describe('an extension', () => {
  let id: number;
  it('is asked by the lead unit and decided only by the leader who assigned the task', async () => {
    morning('2026-03-02');
    id = (await assign({ leadUnit: 'SYT', dueDate: '2026-03-10', title: 'Kiểm tra an toàn thực phẩm' })).task.id;
    morning('2026-03-09');
    const early = await call('health', 'POST', `/api/v1/tasks/${id}/extensions`, {
      dueDate: '2026-03-10',
      reason: 'x',
    });
    expect(early.status).toBe(400);
    const asked = await ok<TaskDetail>('health', 'POST', `/api/v1/tasks/${id}/extensions`, {
      dueDate: '2026-03-20',
      reason: 'Chờ kết quả xét nghiệm',
    });
    expect(asked.task.extensionPending).toMatchObject({ requestedDueDate: '2026-03-20', requestedBy: 'health' });
    expect(asked.can.requestExtension).toBe(false);
    const twice = await call('health', 'POST', `/api/v1/tasks/${id}/extensions`, {
      dueDate: '2026-03-25',
      reason: 'y',
    });
    expect(twice.status).toBe(403);
    const pendingId = asked.task.extensionPending?.id;
    const other = await call('leader2', 'POST', `/api/v1/tasks/${id}/extensions/${pendingId}/decision`, {
      approve: true,
    });
    expect(other.status).toBe(403);
    expect(other.raw).toContain('leader1');
    const officer = await call('health', 'POST', `/api/v1/tasks/${id}/extensions/${pendingId}/decision`, {
      approve: true,
    });
    expect(officer.status).toBe(403);
  });

  it('moves the deadline when approved: not overdue after the old one, on time before the new one', async () => {
    const pending = (await ok<TaskDetail>('leader1', 'GET', `/api/v1/tasks/${id}`)).task.extensionPending;
    const approved = await ok<TaskDetail>('leader1', 'POST', `/api/v1/tasks/${id}/extensions/${pending?.id}/decision`, {
      approve: true,
      note: 'Đồng ý',
    });
    expect(approved.task).toMatchObject({
      dueDate: '2026-03-20',
      originalDueDate: '2026-03-10',
      extensions: 1,
      extensionPending: null,
    });
    expect(approved.timeline.at(-1)).toMatchObject({
      kind: 'extension_approved',
      dueDate: '2026-03-20',
      text: 'Đồng ý',
    });
    morning('2026-03-12');
    expect((await ok<TaskDetail>('leader1', 'GET', `/api/v1/tasks/${id}`)).task.state).not.toBe('overdue');
    morning('2026-03-19');
    const done = await ok<TaskDetail>('health', 'POST', `/api/v1/tasks/${id}/reports`, { percent: 100, text: 'Xong' });
    expect(done.task.state).toBe('done_on_time');
  });

  it('leaves the deadline when refused', async () => {
    morning('2026-03-02');
    const other = (await assign({ leadUnit: 'SYT', dueDate: '2026-03-10', title: 'Rà soát trạm y tế' })).task.id;
    const asked = await ok<TaskDetail>('health', 'POST', `/api/v1/tasks/${other}/extensions`, {
      dueDate: '2026-04-10',
      reason: 'Thiếu nhân lực',
    });
    const refused = await ok<TaskDetail>(
      'leader1',
      'POST',
      `/api/v1/tasks/${other}/extensions/${asked.task.extensionPending?.id}/decision`,
      { approve: false, note: 'Không đồng ý' },
    );
    expect(refused.task).toMatchObject({ dueDate: '2026-03-10', extensions: 0, extensionPending: null });
    expect(refused.timeline.at(-1)?.kind).toBe('extension_refused');
  });
});

describe('who sees and does what', () => {
  it("keeps each unit's officers to their unit's tasks", async () => {
    morning('2026-03-02');
    const building = (await assign({ leadUnit: 'SXD', dueDate: '2026-04-30', title: 'Kiểm tra công trình' })).task.id;
    const shared = (
      await assign({ leadUnit: 'SXD', dueDate: '2026-04-30', title: 'Cải tạo trạm y tế', cooperatingUnits: ['SYT'] })
    ).task.id;
    const ward = (await assign({ leadUnit: 'UBND_18073', dueDate: '2026-04-30', title: 'Dọn vệ sinh môi trường' })).task
      .id;

    const health = await ok<TaskPage>('health', 'GET', '/api/v1/tasks?limit=500');
    const healthIds = health.tasks.map((x) => x.id);
    expect(healthIds).toContain(shared);
    expect(healthIds).not.toContain(building);
    expect(
      health.tasks.every((x) => x.leadUnit.code === 'SYT' || x.cooperatingUnits.some((u) => u.code === 'SYT')),
    ).toBe(true);
    expect((await call('health', 'GET', `/api/v1/tasks/${building}`)).status).toBe(404);
    expect((await call('health', 'POST', `/api/v1/tasks/${building}/reports`, { percent: 10, text: 'x' })).status).toBe(
      404,
    );
    // Co-operating: sees it and may comment, but the lead unit reports.
    const coop = await ok<TaskDetail>('health', 'GET', `/api/v1/tasks/${shared}`);
    expect(coop.can).toMatchObject({ report: false, comment: true, requestExtension: false, remind: false });
    expect((await call('health', 'POST', `/api/v1/tasks/${shared}/reports`, { percent: 10, text: 'x' })).status).toBe(
      403,
    );
    await ok('health', 'POST', `/api/v1/tasks/${shared}/comments`, { text: 'Sở Y tế sẵn sàng phối hợp' });

    const wardPage = await ok<TaskPage>('ward', 'GET', '/api/v1/tasks');
    expect(wardPage.tasks.map((x) => x.id)).toEqual([ward]);
    await ok('ward', 'POST', `/api/v1/tasks/${ward}/reports`, { percent: 20, text: 'Đã ra quân' });

    expect(
      (await call('health', 'POST', '/api/v1/tasks', { title: 'x', leadUnit: 'SYT', dueDate: '2026-04-01' })).status,
    ).toBe(403);
    const operator = await ok<TaskPage>('operator', 'GET', '/api/v1/tasks?limit=500');
    expect(operator.total).toBeGreaterThanOrEqual(6);
    expect((await call('operator', 'POST', `/api/v1/tasks/${ward}/reminders`, { text: 'x' })).status).toBe(403);
  });

  it('refuses a bad assignment naming the field, and stores nothing', async () => {
    const before = (await ok<TaskPage>('leader1', 'GET', '/api/v1/tasks')).total;
    const bad = await call('leader1', 'POST', '/api/v1/tasks', {
      title: 'x',
      leadUnit: 'SYT',
      cooperatingUnits: ['NOPE', 'SYT'],
      dueDate: '2026-02-27',
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body.error as { details: { field: string }[] }).details.map((d) => d.field);
    expect(fields).toEqual(['/cooperatingUnits/0', '/cooperatingUnits/1', '/dueDate']);
    expect((await ok<TaskPage>('leader1', 'GET', '/api/v1/tasks')).total).toBe(before);
  });

  it('records every change in the audit log', async () => {
    const log = await ok<{ entries: { action: string }[] }>('admin', 'GET', '/api/v1/audit?limit=500');
    const actions = new Set(log.entries.map((e) => e.action));
    for (const a of [
      'tasks.assign',
      'tasks.report',
      'tasks.extension.request',
      'tasks.extension.approve',
      'tasks.extension.refuse',
      'tasks.comment',
    ]) {
      expect(actions, a).toContain(a);
    }
  });
});
