/**
 * Every kind a subsystem raises resolves by itself when its condition clears, with the time and the reason.
 * Clock in local time (UTC+7); nearly due = the last 3 days up to and including the deadline.
 * Tasks of Sở Y tế, assigned Monday 2 March 2026, due Tuesday 10 March:
 * - "late": overdue on 11 March; reported 100 % on 12 March → its alert resolves at that moment, 'task done late'.
 * - "cancelled": overdue on 11 March; cancelled on 12 March → 'task cancelled'.
 * - "extended": nearly due on 9 March; the deadline moves to 20 March that day → 'deadline extended'.
 * - "quiet": nearly due on 9 March, then finished on 9 March while nothing told the alert list (as the demo's
 *   history replay does) → the next full scan (11 March) resolves it, 'task done on time'.
 * - "slipping": nearly due on 9 March, overdue on 11 March → the nearly-due alert resolves ('task overdue') and the
 *   overdue one starts at 00:00 on 11 March local (10 March 17:00 UTC).
 * Review: three reminders in 2026 raise the review alert; the first scan of 2027 resolves it.
 * Public services (now 18 June 2025, 10:00 local): Sở Xây dựng finished 20 dossiers, 5 late → 75 % < 90 % → alert;
 * 40 more on time → 55/60 = 91.7 % → resolved. Sở Y tế has two open dossiers due Thursday 09:00 (within a working
 * day) → "about to be late"; once both are finished → resolved.
 * Anomaly: retail sales of Thành Sen, two years around 100; 450 → alert; corrected to 108 → 'value corrected'.
 */
import type { AlertDetail, AlertPage, TaskDetail } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TaskAlertScan } from '../src/modules/documents/tasks/task-alerts.ts';
import { upsertValues } from '../src/modules/indicators/values.repo.ts';
import { PublicServiceAlertScan } from '../src/modules/publicservices/summary/alerts.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';
import { retailHistory } from './retail-history.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const at = (iso: string) => {
  t.platform.now = () => new Date(iso);
};
/** 09:00 local on a day. */
const morning = (day: string) => at(`${day}T02:00:00Z`);

async function call<T>(user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object): Promise<T> {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie: cookies[user] ?? '' },
    ...(payload ? { payload } : {}),
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json() as T;
}
const taskScan = (ids?: number[]) =>
  new TaskAlertScan(t.platform, t.services.alerts, () => t.services.agencies.list()).run(ids);
const alertOf = async (kind: string, taskId: number) => {
  const page = await call<AlertPage>('admin', 'GET', `/api/v1/alerts?status=all&kind=${kind}&limit=500`);
  return page.items.find((a) => a.detail.taskId === taskId);
};

beforeAll(async () => {
  t = await startTestApp({ IOC_SESSION_HOURS: '720' }, { now: new Date('2026-03-02T02:00:00Z') });
  cookies.admin = await t.login('admin', ADMIN_PASSWORD);
  for (const p of [
    { username: 'leader1', roles: ['leader'], orgUnitCode: '42' },
    { username: 'health', roles: ['unit_officer'], orgUnitCode: '42', agencyCode: 'SYT' },
  ]) {
    await t.createUser(cookies.admin, { ...p, displayName: p.username, password: 'password-1234' });
  }
  await signIn();
});
/** Sessions last at most 30 days: after the clock jumps, everyone signs in again. */
async function signIn() {
  cookies.admin = await t.login('admin', ADMIN_PASSWORD);
  for (const name of ['leader1', 'health']) cookies[name] = await t.login(name, 'password-1234');
}
afterAll(() => t.stop());

describe('task alerts', () => {
  const ids: Record<string, number> = {};
  it('are raised for the tasks nearly due, with their start and link', async () => {
    morning('2026-03-02');
    for (const name of ['late', 'cancelled', 'extended', 'quiet', 'slipping']) {
      const created = await call<TaskDetail>('leader1', 'POST', '/api/v1/tasks', {
        title: `Nhiệm vụ ${name}`,
        leadUnit: 'SYT',
        dueDate: '2026-03-10',
      });
      ids[name] = created.task.id;
    }
    morning('2026-03-09');
    expect(await taskScan()).toBe(5);
    const quiet = await alertOf('tasks.nearly_due', ids.quiet!);
    expect(quiet).toMatchObject({
      status: 'open',
      // The first nearly-due day, 8 March, from 00:00 local.
      startedAt: '2026-03-07T17:00:00.000Z',
      link: { kind: 'task', ref: String(ids.quiet) },
      agencies: ['SYT'],
      title: 'Nhiệm vụ sắp đến hạn (Sở Y tế): Nhiệm vụ quiet',
    });
  });

  it('resolve when the deadline is extended', async () => {
    const asked = await call<TaskDetail>('health', 'POST', `/api/v1/tasks/${ids.extended}/extensions`, {
      dueDate: '2026-03-20',
      reason: 'Chờ kết quả',
    });
    at('2026-03-09T03:00:00Z');
    await call(
      'leader1',
      'POST',
      `/api/v1/tasks/${ids.extended}/extensions/${asked.task.extensionPending?.id}/decision`,
      {
        approve: true,
      },
    );
    expect(await alertOf('tasks.nearly_due', ids.extended!)).toMatchObject({
      status: 'resolved',
      resolvedAt: '2026-03-09T03:00:00.000Z',
      resolvedBy: null,
      resolution: 'deadline extended',
    });
  });

  it('resolve at the next full scan when the task was finished while nothing told the alert list', async () => {
    await t.platform.db
      .updateTable('tasks')
      .set({ completed_on: '2026-03-09', progress: 100 })
      .where('id', '=', ids.quiet!)
      .execute();
    expect((await alertOf('tasks.nearly_due', ids.quiet!))?.status).toBe('open');
    morning('2026-03-11');
    expect(await taskScan()).toBe(3);
    expect(await alertOf('tasks.nearly_due', ids.quiet!)).toMatchObject({
      status: 'resolved',
      resolution: 'task done on time',
      resolvedAt: '2026-03-11T02:00:00.000Z',
    });
  });

  it('turn from nearly due to overdue', async () => {
    expect(await alertOf('tasks.nearly_due', ids.slipping!)).toMatchObject({
      status: 'resolved',
      resolution: 'task overdue',
    });
    expect(await alertOf('tasks.overdue', ids.slipping!)).toMatchObject({
      status: 'open',
      severity: 'critical',
      startedAt: '2026-03-10T17:00:00.000Z',
      detail: expect.objectContaining({ dueDate: '2026-03-10', state: 'overdue', leadUnitName: 'Sở Y tế' }),
    });
    // The open overdue alerts are the overdue tasks.
    const overdue = await call<{ total: number }>('leader1', 'GET', '/api/v1/tasks?state=overdue');
    const alerts = await call<AlertPage>('leader1', 'GET', '/api/v1/alerts?kind=tasks.overdue');
    expect(alerts.total).toBe(overdue.total);
    expect(alerts.total).toBe(3);
  });

  it('resolve when the task is done late or cancelled, at that moment', async () => {
    at('2026-03-12T04:00:00Z');
    await call('health', 'POST', `/api/v1/tasks/${ids.late}/reports`, { percent: 100, text: 'Xong' });
    at('2026-03-12T05:00:00Z');
    await call('leader1', 'POST', `/api/v1/tasks/${ids.cancelled}/cancel`, { text: 'Không còn cần' });
    expect(await alertOf('tasks.overdue', ids.late!)).toMatchObject({
      status: 'resolved',
      resolution: 'task done late',
      resolvedAt: '2026-03-12T04:00:00.000Z',
    });
    expect(await alertOf('tasks.overdue', ids.cancelled!)).toMatchObject({
      status: 'resolved',
      resolution: 'task cancelled',
      resolvedAt: '2026-03-12T05:00:00.000Z',
    });
    const detail = await call<AlertDetail>(
      'admin',
      'GET',
      `/api/v1/alerts/${(await alertOf('tasks.overdue', ids.late!))?.id}`,
    );
    expect(detail.history.map((h) => [h.action, h.at, h.note])).toEqual([
      ['raised', '2026-03-11T02:00:00.000Z', null],
      ['resolved', '2026-03-12T04:00:00.000Z', 'task done late'],
    ]);
    // A scan of one task leaves the others' alerts alone.
    expect(await taskScan([ids.late!])).toBe(0);
    expect((await alertOf('tasks.overdue', ids.slipping!))?.status).toBe('open');
  });

  it('the review alert of a year resolves when the next year starts', async () => {
    morning('2026-03-12');
    for (let i = 0; i < 3; i++) {
      await call('leader1', 'POST', `/api/v1/tasks/${ids.slipping}/reminders`, { text: `Nhắc lần ${i + 1}` });
    }
    const review = async () =>
      (await call<AlertPage>('admin', 'GET', '/api/v1/alerts?status=all&kind=tasks.review')).items;
    expect(await review()).toEqual([
      expect.objectContaining({ status: 'open', agencies: ['SYT'], detail: expect.objectContaining({ year: 2026 }) }),
    ]);
    await taskScan();
    expect((await review())[0]?.status).toBe('open');
    morning('2027-01-02');
    await signIn();
    await taskScan();
    expect(await review()).toEqual([
      expect.objectContaining({
        status: 'resolved',
        resolution: 'condition cleared',
        resolvedAt: '2027-01-02T02:00:00.000Z',
      }),
    ]);
  });
});

describe('public-service alerts', () => {
  const finished = (code: string, agency: string, late: boolean) => ({
    MaHoSo: code,
    MaTTHC: '1.000',
    DonViXuLy: agency,
    NgayTiepNhan: '20250602080000',
    NgayHenTra: '20250610170000',
    TrangThaiHoSo: 10,
    NgayKetThucXuLy: late ? '20250612100000' : '20250609100000',
    NgayTra: late ? '20250612150000' : '20250609150000',
  });
  const open = (code: string) => ({
    MaHoSo: code,
    MaTTHC: '1.000',
    DonViXuLy: 'Sở Y tế',
    NgayTiepNhan: '20250610080000',
    NgayHenTra: '20250619090000',
    TrangThaiHoSo: 4,
  });
  const sync = (data: object[]) =>
    call('admin', 'POST', '/api/v1/public-services/sync', { service: 'DongBoHoSoMC', data });
  const scan = () =>
    new PublicServiceAlertScan(t.platform, t.services.alerts, t.services.agencies, () =>
      t.services.calendar.calendar(),
    ).run();
  const psAlerts = async () =>
    (await call<AlertPage>('admin', 'GET', '/api/v1/alerts?status=all&limit=500')).items.filter((a) =>
      a.kind.startsWith('publicservices.'),
    );

  it('resolve when the agency is back on time and the dossiers are finished', async () => {
    at('2025-06-18T03:00:00Z');
    await signIn();
    await sync([
      ...Array.from({ length: 20 }, (_, i) => finished(`XD-${i}`, 'Sở Xây dựng', i < 5)),
      open('YT-OPEN-1'),
      open('YT-OPEN-2'),
    ]);
    expect(await scan()).toBe(2);
    expect((await psAlerts()).map((a) => [a.kind, a.status, a.agencies, a.link])).toEqual(
      expect.arrayContaining([
        ['publicservices.onTime', 'open', ['SXD'], { kind: 'dossiers', ref: 'SXD' }],
        ['publicservices.dueSoon', 'open', ['SYT'], { kind: 'dossiers', ref: 'SYT' }],
      ]),
    );
    at('2025-06-18T04:00:00Z');
    await sync([
      ...Array.from({ length: 40 }, (_, i) => finished(`XD-ok-${i}`, 'Sở Xây dựng', false)),
      { ...open('YT-OPEN-1'), TrangThaiHoSo: 10, NgayKetThucXuLy: '20250618100000', NgayTra: '20250618103000' },
      { ...open('YT-OPEN-2'), TrangThaiHoSo: 10, NgayKetThucXuLy: '20250618100000', NgayTra: '20250618103000' },
    ]);
    expect(await scan()).toBe(0);
    expect((await psAlerts()).map((a) => [a.kind, a.status, a.resolution, a.resolvedAt]).sort()).toEqual([
      ['publicservices.dueSoon', 'resolved', 'condition cleared', '2025-06-18T04:00:00.000Z'],
      ['publicservices.onTime', 'resolved', 'condition cleared', '2025-06-18T04:00:00.000Z'],
    ]);
  });
});

describe('anomaly alerts', () => {
  it('resolve when the value is corrected', async () => {
    at('2025-11-20T00:00:00Z');
    await signIn();
    await call('admin', 'PUT', '/api/v1/data-elements/RETAIL', {
      name: 'Bán lẻ',
      nameEn: 'Retail',
      unit: '',
      valueType: 'number',
      aggregation: 'sum',
      frequency: 'month',
      owner: 'Sở Công Thương',
    });
    await upsertValues(t.platform.db, retailHistory());
    const send = (value: number) =>
      call<{ anomalies: number }>('admin', 'POST', '/api/v1/data-values', {
        values: [{ element: 'RETAIL', unit: '18073', period: '202511', value }],
      });
    expect((await send(450)).anomalies).toBe(1);
    const anomaly = async () =>
      (await call<AlertPage>('admin', 'GET', '/api/v1/alerts?status=all&kind=indicator.anomaly')).items;
    expect(await anomaly()).toEqual([
      expect.objectContaining({
        status: 'open',
        link: { kind: 'indicator', ref: 'RETAIL' },
        // The element's owning department, so its officers see it.
        agencies: ['SCT'],
      }),
    ]);
    at('2025-11-21T00:00:00Z');
    expect((await send(108)).anomalies).toBe(0);
    expect(await anomaly()).toEqual([
      expect.objectContaining({
        status: 'resolved',
        resolution: 'value corrected',
        resolvedAt: '2025-11-21T00:00:00.000Z',
      }),
    ]);
  });
});

describe('late-report alerts', () => {
  it('are raised for reports missing past their deadline, and resolve when the report arrives', async () => {
    // Set LATE: RETAIL monthly from phường Thành Sen and phường Trần Phú, due the 25th 23:59 local (16:59 UTC).
    at('2025-12-01T00:00:00Z');
    await signIn();
    await call('admin', 'PUT', '/api/v1/data-sets/LATE', {
      name: 'Báo cáo bán lẻ',
      nameEn: 'Retail report',
      frequency: 'month',
      dueDays: 24,
      dueTime: '23:59',
      elements: ['RETAIL'],
      units: ['18073', '18100'],
    });
    // Reports are recorded as values arrive for a set: none of the two units has reported September–November.
    const scan = () => t.services.indicators.lateReports.run();
    expect(await scan()).toBe(6);
    const late = async () =>
      (await call<AlertPage>('admin', 'GET', '/api/v1/alerts?status=all&kind=indicators.lateReport')).items;
    const november = (await late()).find((a) => a.detail.unit === '18100' && a.detail.period === '202511');
    expect(november).toMatchObject({
      status: 'open',
      unit: '18100',
      startedAt: '2025-11-25T16:59:00.000Z',
      detail: expect.objectContaining({ dataSet: 'LATE', deadline: '2025-11-25T16:59:00.000Z' }),
    });
    expect(await scan()).toBe(0);
    at('2025-12-02T03:00:00Z');
    await call('admin', 'POST', '/api/v1/data-values', {
      values: [{ element: 'RETAIL', unit: '18100', period: '202511', value: 95 }],
    });
    expect(await scan()).toBe(0);
    const after = await late();
    expect(after.filter((a) => a.status === 'open')).toHaveLength(5);
    expect(after.find((a) => a.id === november?.id)).toMatchObject({
      status: 'resolved',
      resolution: 'condition cleared',
      resolvedAt: '2025-12-02T03:00:00.000Z',
    });
  });
});
