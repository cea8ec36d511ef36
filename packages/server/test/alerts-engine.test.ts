/**
 * The alert engine on its own, with a clock the test moves (all times UTC):
 * - 10:00 a scan of kind 'test.level' reports stations A and B → two alerts, each from the start the raiser gave;
 *   the same report again changes nothing (dedup); at 10:05 it reports B only → A resolves by itself at 10:05,
 *   'condition cleared', by nobody; at 10:10 A is back → A reopens with a new start.
 * - Partitions: 'test.part' alerts of units x and y; a reconcile of x's prefix with nothing leaves y's open.
 * - By hand: acknowledge → assign to Thành Sen → comment → resolve with a note, each step in the history, audited;
 *   while its raiser still reports the condition it stays resolved; once the condition clears and returns, it reopens.
 * - A silence on kind 'test.quiet' from 11:00 to 12:00 holds back the notification of an alert raised at 11:30 (it
 *   is still listed); at 12:00 the job lets it through and stamps notified_at.
 * - The list's total equals the summary's, whatever the page size.
 */
import type { AlertDetail, AlertPage, AlertSilence, AlertSummary, BusEvent } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RaiseAlert } from '../src/modules/alerts/alerts.service.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

const ROOT = '42';
const THANH_SEN = '18073';
let t: TestApp;
let admin: string;
let ward: string;
let wardOperator: string;
const events: BusEvent[] = [];
const at = (iso: string) => {
  t.platform.now = () => new Date(iso);
};

const level = (station: string, startedAt?: string): RaiseAlert => ({
  kind: 'test.level',
  severity: 'warning',
  unit: ROOT,
  title: `Mực nước cao tại ${station}`,
  titleEn: `High water at ${station}`,
  detail: { station },
  dedupeKey: `test.level:${station}`,
  link: { kind: 'stream', ref: `${station}/water_level` },
  labels: { station },
  ...(startedAt ? { startedAt } : {}),
});

async function api<T>(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object, cookie = admin) {
  const response = await t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  return { status: response.statusCode, body: response.json() as T };
}
const list = async (query: string, cookie = admin) =>
  (await api<AlertPage>('GET', `/api/v1/alerts?${query}`, undefined, cookie)).body;
const byKey = async (key: string) =>
  t.platform.db.selectFrom('alerts').selectAll().where('dedupe_key', '=', key).executeTakeFirstOrThrow();
const published = (name: string, id: number) =>
  events.filter((e) => e.name === name && (e.payload as { id: string }).id === String(id));

beforeAll(async () => {
  t = await startTestApp({ IOC_SESSION_HOURS: '720' }, { now: new Date('2026-05-04T10:00:00Z') });
  admin = await t.login('admin', ADMIN_PASSWORD);
  await t.createUser(admin, {
    username: 'ward',
    displayName: 'ward',
    roles: ['unit_officer'],
    orgUnitCode: THANH_SEN,
    password: 'password-1234',
  });
  ward = await t.login('ward', 'password-1234');
  await t.createUser(admin, {
    username: 'wardop',
    displayName: 'wardop',
    roles: ['operator'],
    orgUnitCode: THANH_SEN,
    password: 'password-1234',
  });
  wardOperator = await t.login('wardop', 'password-1234');
  t.platform.bus.subscribe((event) => events.push(event));
});
afterAll(() => t.stop());

describe('reconcile', () => {
  it('raises the current set, refreshes it without raising again, resolves what is gone with time and reason', async () => {
    at('2026-05-04T10:00:00Z');
    const first = await t.services.alerts.reconcile('test.level', [level('A', '2026-05-04T09:40:00Z'), level('B')]);
    expect(first).toEqual({ raised: 2, resolved: 0 });
    expect(await t.services.alerts.reconcile('test.level', [level('A', '2026-05-04T09:40:00Z'), level('B')])).toEqual({
      raised: 0,
      resolved: 0,
    });
    const a = await byKey('test.level:A');
    expect(a).toMatchObject({
      status: 'open',
      started_at: '2026-05-04T09:40:00.000Z',
      raised_at: '2026-05-04T10:00:00.000Z',
    });
    expect((await byKey('test.level:B')).started_at).toBe('2026-05-04T10:00:00.000Z');
    expect(published('alert.raised', a.id)).toHaveLength(1);

    at('2026-05-04T10:05:00Z');
    expect(await t.services.alerts.reconcile('test.level', [level('B')])).toEqual({ raised: 0, resolved: 1 });
    expect(await byKey('test.level:A')).toMatchObject({
      status: 'resolved',
      resolved_at: '2026-05-04T10:05:00.000Z',
      resolved_by: null,
      resolution: 'condition cleared',
    });
    expect(published('alert.resolved', a.id).map((e) => e.payload)).toEqual([
      expect.objectContaining({ reason: 'condition cleared', title: 'Mực nước cao tại A' }),
    ]);
    const detail = (await api<AlertDetail>('GET', `/api/v1/alerts/${a.id}`)).body;
    expect(detail).toMatchObject({
      status: 'resolved',
      startedAt: '2026-05-04T09:40:00.000Z',
      resolvedBy: null,
      link: { kind: 'stream', ref: 'A/water_level' },
      labels: { station: 'A' },
    });
    expect(detail.history.map((h) => [h.action, h.by, h.note])).toEqual([
      ['raised', null, null],
      ['resolved', null, 'condition cleared'],
    ]);
  });

  it('reopens an alert whose condition comes back, from its new start', async () => {
    at('2026-05-04T10:10:00Z');
    expect(await t.services.alerts.reconcile('test.level', [level('A'), level('B')])).toEqual({
      raised: 1,
      resolved: 0,
    });
    const a = await byKey('test.level:A');
    expect(a).toMatchObject({
      status: 'open',
      started_at: '2026-05-04T10:10:00.000Z',
      resolved_at: null,
      resolution: null,
    });
    expect(published('alert.raised', a.id)).toHaveLength(2);
    const history = (await api<AlertDetail>('GET', `/api/v1/alerts/${a.id}`)).body.history.map((h) => h.action);
    expect(history).toEqual(['raised', 'resolved', 'reopened']);
  });

  it('with a key prefix, resolves only within that partition', async () => {
    const part = (unit: string, n: number): RaiseAlert => ({
      ...level(`${unit}${n}`),
      kind: 'test.part',
      dedupeKey: `test.part:${unit}:${n}`,
    });
    await t.services.alerts.reconcile('test.part', [part('x', 1), part('x', 2), part('y', 1)]);
    expect(await t.services.alerts.reconcile('test.part', [part('x', 2)], { keyPrefix: 'test.part:x:' })).toEqual({
      raised: 0,
      resolved: 1,
    });
    expect((await byKey('test.part:x:1')).status).toBe('resolved');
    expect((await byKey('test.part:x:2')).status).toBe('open');
    expect((await byKey('test.part:y:1')).status).toBe('open');
    // Another kind is never touched, whatever its keys.
    expect((await byKey('test.level:B')).status).toBe('open');
    await expect(
      t.services.alerts.reconcile('test.part', [part('y', 1)], { keyPrefix: 'test.part:x:' }),
    ).rejects.toThrow();
  });

  it('resolves by key, and only active alerts', async () => {
    expect(await t.services.alerts.resolve(['test.part:y:1', 'test.part:x:1', 'nothing'], 'station repaired')).toBe(1);
    expect(await byKey('test.part:y:1')).toMatchObject({ status: 'resolved', resolution: 'station repaired' });
  });
});

describe('handling by hand', () => {
  let id: number;
  it('acknowledges, assigns, comments and resolves with a note, each step in the history and audited', async () => {
    at('2026-05-04T10:20:00Z');
    id = (await byKey('test.level:B')).id;
    const ack = await api<AlertDetail>('POST', `/api/v1/alerts/${id}/acknowledge`);
    expect(ack.body).toMatchObject({
      status: 'acknowledged',
      acknowledgedBy: 'admin',
      acknowledgedAt: '2026-05-04T10:20:00.000Z',
    });
    at('2026-05-04T10:21:00Z');
    const assigned = await api<AlertDetail>('POST', `/api/v1/alerts/${id}/assign`, { unit: THANH_SEN });
    expect(assigned.body).toMatchObject({
      status: 'acknowledged',
      assignedUnit: THANH_SEN,
      assignedUnitName: 'Phường Thành Sen',
      assignedBy: 'admin',
    });
    expect((await list('assigned=18073')).total).toBe(1);
    at('2026-05-04T10:22:00Z');
    const commented = await api<AlertDetail>('POST', `/api/v1/alerts/${id}/comments`, { text: 'Đã cử người kiểm tra' });
    expect(commented.body.comments.map((c) => [c.by, c.note])).toEqual([['admin', 'Đã cử người kiểm tra']]);
    at('2026-05-04T10:30:00Z');
    const resolved = await api<AlertDetail>('POST', `/api/v1/alerts/${id}/resolve`, {
      note: 'Cảm biến bị lỗi, đã thay',
    });
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolvedBy: 'admin',
      resolution: 'Cảm biến bị lỗi, đã thay',
      resolvedAt: '2026-05-04T10:30:00.000Z',
    });
    expect(resolved.body.history.map((h) => [h.action, h.at, h.by])).toEqual([
      ['raised', '2026-05-04T10:00:00.000Z', null],
      ['acknowledged', '2026-05-04T10:20:00.000Z', 'admin'],
      ['assigned', '2026-05-04T10:21:00.000Z', 'admin'],
      ['commented', '2026-05-04T10:22:00.000Z', 'admin'],
      ['resolved', '2026-05-04T10:30:00.000Z', 'admin'],
    ]);
    expect(published('alert.resolved', id).map((e) => (e.payload as { reason: string }).reason)).toEqual([
      'Cảm biến bị lỗi, đã thay',
    ]);
    const audit = await t.platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'alert')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'alerts.acknowledge',
      'alerts.assign',
      'alerts.comment',
      'alerts.resolve',
    ]);
    expect((await api('POST', `/api/v1/alerts/${id}/resolve`, { note: 'again' })).status).toBe(400);
  });

  it('stays resolved while its raiser still reports the condition; reopens once it has cleared and returned', async () => {
    at('2026-05-04T10:35:00Z');
    await t.services.alerts.reconcile('test.level', [level('A'), level('B')]);
    expect((await byKey('test.level:B')).status).toBe('resolved');
    await t.services.alerts.reconcile('test.level', [level('A')]);
    expect((await byKey('test.level:B')).status).toBe('resolved');
    at('2026-05-04T10:40:00Z');
    await t.services.alerts.reconcile('test.level', [level('A'), level('B')]);
    expect(await byKey('test.level:B')).toMatchObject({ status: 'open', assigned_unit: null, resolution: null });
  });

  it('answers 404 outside the scope, and refuses an assignment outside it', async () => {
    expect((await api('GET', `/api/v1/alerts/${id}`, undefined, ward)).status).toBe(404);
    // Without alerts.write: refused; with it but outside the scope: as if it did not exist.
    expect((await api('POST', `/api/v1/alerts/${id}/comments`, { text: 'x' }, ward)).status).toBe(403);
    for (const action of ['acknowledge', 'comments']) {
      const answer = await api('POST', `/api/v1/alerts/${id}/${action}`, { text: 'x' }, wardOperator);
      expect(answer.status, action).toBe(404);
    }
    expect((await list('status=all', wardOperator)).total).toBe(0);
    expect((await api('POST', `/api/v1/alerts/${id}/assign`, { unit: '18100' }, wardOperator)).status).toBe(404);
    expect((await api('POST', `/api/v1/alerts/${id}/assign`, { unit: '99999' })).status).toBe(404);
    expect((await api('GET', '/api/v1/alerts/999999')).status).toBe(404);
  });
});

describe('silences', () => {
  it('hold back the notification while they last, and let it through after', async () => {
    at('2026-05-04T11:00:00Z');
    const made = await api<AlertSilence>('POST', '/api/v1/alert-silences', {
      kind: 'test.quiet',
      endsAt: '2026-05-04T12:00:00Z',
      comment: 'Bảo trì trạm đo',
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ kind: 'test.quiet', active: true, startsAt: '2026-05-04T11:00:00.000Z' });
    at('2026-05-04T11:30:00Z');
    expect(await t.services.alerts.raise([{ ...level('Q'), kind: 'test.quiet', dedupeKey: 'test.quiet:Q' }])).toBe(1);
    const q = await byKey('test.quiet:Q');
    expect(q.notified_at).toBeNull();
    expect(published('alert.raised', q.id)).toEqual([]);
    // Still listed and counted: a silence quiets notifications, not the picture.
    expect((await list('kind=test.quiet')).total).toBe(1);
    expect(await t.services.alerts.publishHeld()).toBe(0);

    at('2026-05-04T12:00:00Z');
    expect(await t.services.alerts.publishHeld()).toBe(1);
    expect((await byKey('test.quiet:Q')).notified_at).toBe('2026-05-04T12:00:00.000Z');
    expect(published('alert.raised', q.id)).toHaveLength(1);
    expect(await t.services.alerts.publishHeld()).toBe(0);
    const history = (await api<AlertDetail>('GET', `/api/v1/alerts/${q.id}`)).body.history;
    expect(history.map((h) => [h.action, h.note])).toEqual([
      ['raised', null],
      ['notified', 'silence ended'],
    ]);
  });

  it('are ended by DELETE, kept on record; a held alert then goes out', async () => {
    at('2026-05-04T13:00:00Z');
    const made = (
      await api<AlertSilence>('POST', '/api/v1/alert-silences', {
        labelName: 'station',
        labelValue: 'R',
        endsAt: '2026-05-05T13:00:00Z',
        comment: 'Trạm R đang sửa',
      })
    ).body;
    await t.services.alerts.raise([level('R'), level('S')]);
    expect((await byKey('test.level:R')).notified_at).toBeNull();
    expect((await byKey('test.level:S')).notified_at).toBe('2026-05-04T13:00:00.000Z');
    at('2026-05-04T13:10:00Z');
    const ended = await api<AlertSilence>('DELETE', `/api/v1/alert-silences/${made.id}`);
    expect(ended.body).toMatchObject({ active: false, endsAt: '2026-05-04T13:10:00.000Z' });
    expect((await api<AlertSilence[]>('GET', '/api/v1/alert-silences')).body).toEqual([]);
    expect((await api<AlertSilence[]>('GET', '/api/v1/alert-silences?state=all')).body).toHaveLength(2);
    expect(await t.services.alerts.publishHeld()).toBe(1);
    // A silence needs a matcher and an end after its start; only alerts.manage may set one.
    expect((await api('POST', '/api/v1/alert-silences', { endsAt: '2026-05-05T00:00:00Z', comment: 'x' })).status).toBe(
      400,
    );
    expect(
      (await api('POST', '/api/v1/alert-silences', { kind: 'x', endsAt: '2026-05-04T00:00:00Z', comment: 'x' })).status,
    ).toBe(400);
    expect(
      (await api('POST', '/api/v1/alert-silences', { kind: 'x', endsAt: '2026-05-05T00:00:00Z', comment: 'x' }, ward))
        .status,
    ).toBe(403);
  });
});

describe('totals', () => {
  it('the list total is the number of matching alerts whatever the page, and equals the summary', async () => {
    const all = await list('status=all&kind=test.level&limit=500');
    expect(all.items.length).toBe(all.total);
    const page = await list('status=all&kind=test.level&limit=1&offset=1');
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(all.total);
    for (const query of ['', 'status=all', 'status=resolved', 'severity=warning', 'kind=test.level', 'q=cao%20A']) {
      const summary = (await api<AlertSummary>('GET', `/api/v1/alerts/summary?${query}`)).body;
      const listed = await list(`${query}&limit=500`);
      expect(summary.total, query).toBe(listed.total);
      expect(listed.items.length, query).toBe(listed.total);
      expect(summary.bySeverity.info + summary.bySeverity.warning + summary.bySeverity.critical).toBe(summary.total);
      expect(summary.groups.reduce((n, g) => n + g.count, 0)).toBe(summary.total);
    }
    // Active by default: open A, R, S (B reopened too) — the resolved ones only when asked.
    const active = await list('kind=test.level');
    expect(active.items.map((a) => a.detail.station).sort()).toEqual(['A', 'B', 'R', 'S']);
    const summary = (await api<AlertSummary>('GET', '/api/v1/alerts/summary?kind=test.level')).body;
    expect(summary.byStatus).toEqual({ open: 4, acknowledged: 0, resolved: 0 });
    expect(summary.groups).toEqual([
      expect.objectContaining({ kind: 'test.level', unit: ROOT, agency: null, count: 4, severity: 'warning' }),
    ]);
  });
});
