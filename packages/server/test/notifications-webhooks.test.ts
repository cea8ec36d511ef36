import type { CreatedEndpoint, DeliveryPage, EventMap, NotificationDelivery } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEvent } from '../src/modules/bus/bus.ts';
import type { NotificationBody } from '../src/modules/notifications/payload.ts';
import { ADMIN_PASSWORD, createTestDatabase, ENGINE, startTestApp, type TestApp } from './harness.ts';
import { Receiver } from './notifications-receiver.ts';

const T = new Date('2026-03-02T01:00:00.000Z');
const at = (ms: number) => new Date(T.getTime() + ms);
/** Well past any retry wait here, and well within a sign-in session. */
const LATER = 600_000;

/** Retries after 30 s × 2^(n−1), less up to 50 %; three attempts at most. */
const SETTINGS = {
  IOC_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
  IOC_NOTIFY_GROUP_SECONDS: '0',
  IOC_WEBHOOK_BACKOFF_SECONDS: '30',
  IOC_WEBHOOK_BACKOFF_FACTOR: '2',
  IOC_WEBHOOK_MAX_ATTEMPTS: '3',
  IOC_WEBHOOK_TIMEOUT: '5',
};

let alertId = 0;
function alert(
  unit: string | null,
  kind: string,
  severity: EventMap['alert.raised']['severity'] = 'critical',
): EventMap['alert.raised'] {
  alertId++;
  return {
    id: String(alertId),
    severity,
    title: `Cảnh báo ${alertId}`,
    titleEn: `Alert ${alertId}`,
    orgUnit: unit,
    kind,
  };
}

async function createEndpoint(t: TestApp, cookie: string, body: object): Promise<CreatedEndpoint> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/notification-endpoints',
    headers: { cookie },
    payload: { kind: 'webhook', events: ['alert.raised'], minSeverity: 'info', units: [], enabled: true, ...body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as CreatedEndpoint;
}

async function deliveriesOf(t: TestApp, cookie: string, endpoint: number): Promise<NotificationDelivery[]> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/notification-deliveries?endpoint=${endpoint}`,
    headers: { cookie },
  });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as DeliveryPage).items;
}

async function raise(t: TestApp, ...alerts: EventMap['alert.raised'][]): Promise<void> {
  for (const a of alerts) await t.platform.bus.publish('alert.raised', a, a.orgUnit);
}

const notifier = (t: TestApp) => t.services.notifications.dispatcher;

describe('webhooks: signed, retried with backoff, logged per attempt', () => {
  const receiver = new Receiver();
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp(SETTINGS, { now: T });
    admin = await t.login('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await t.stop();
    await receiver.close();
  });

  it('a receiver that fails twice, then succeeds: one delivery, three attempts, every signature valid', async () => {
    receiver.received = [];
    const { endpoint, secret } = await createEndpoint(t, admin, { name: 'Cổng SMS', url: receiver.url });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    receiver.secret = secret!;
    receiver.answers = [500, 503, 204];

    t.platform.now = () => T;
    await raise(t, alert('18073', 'tasks.overdue'));
    await notifier(t).dispatch();
    let [delivery] = await deliveriesOf(t, admin, endpoint.id);
    expect(delivery).toMatchObject({ state: 'pending', attempts: 1, event: 'alert.raised', alertCount: 1 });
    // 30 s less up to 50 %: between 15 and 30 s after the first attempt.
    const first = Date.parse(delivery!.nextAttemptAt!) - T.getTime();
    expect(first).toBeGreaterThanOrEqual(15_000);
    expect(first).toBeLessThanOrEqual(30_000);

    // Not yet due: nothing is sent.
    t.platform.now = () => at(14_000);
    await notifier(t).dispatch();
    expect(receiver.received).toHaveLength(1);

    t.platform.now = () => at(LATER);
    await notifier(t).dispatch();
    [delivery] = await deliveriesOf(t, admin, endpoint.id);
    expect(delivery).toMatchObject({ state: 'pending', attempts: 2 });
    // The second wait doubles: 60 s less up to 50 %.
    const second = Date.parse(delivery!.nextAttemptAt!) - at(LATER).getTime();
    expect(second).toBeGreaterThanOrEqual(30_000);
    expect(second).toBeLessThanOrEqual(60_000);

    t.platform.now = () => at(2 * LATER);
    await notifier(t).dispatch();
    const all = await deliveriesOf(t, admin, endpoint.id);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ state: 'delivered', attempts: 3, nextAttemptAt: null });
    expect(all[0]!.deliveredAt).toBe(at(2 * LATER).toISOString());
    expect(all[0]!.attemptLog.map((a) => [a.at, a.status, a.error])).toEqual([
      [T.toISOString(), 500, 'HTTP 500 Internal Server Error'],
      [at(LATER).toISOString(), 503, 'HTTP 503 Service Unavailable'],
      [at(2 * LATER).toISOString(), 204, null],
    ]);

    expect(receiver.received).toHaveLength(3);
    for (const [n, request] of receiver.received.entries()) {
      expect(request.signatureValid).toBe(true);
      expect(request.headers['x-ioc-event']).toBe('alert.raised');
      expect(request.headers['x-ioc-delivery']).toBe(String(all[0]!.id));
      expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
      // The timestamp is the attempt's, in Unix seconds; the body is the same bytes every time.
      expect(request.headers['x-ioc-timestamp']).toBe(String(at(n * LATER).getTime() / 1000));
      expect(request.body).toBe(receiver.received[0]!.body);
    }
    const body = JSON.parse(receiver.received[0]!.body) as NotificationBody;
    expect(body).toMatchObject({ event: 'alert.raised', alertCount: 1, summary: `Cảnh báo ${alertId}` });
    expect(body.groups[0]).toMatchObject({ kind: 'tasks.overdue', unit: '18073', unitName: 'Phường Thành Sen' });
  });

  it('notifies what the alert engine raises and, when subscribed, resolves', async () => {
    receiver.received = [];
    const { endpoint, secret } = await createEndpoint(t, admin, {
      name: 'Vòng đời',
      url: `${receiver.url}?lifecycle`,
      events: ['alert.raised', 'alert.resolved'],
    });
    receiver.secrets.set('/hook?lifecycle', secret!);
    t.platform.now = () => at(3 * LATER);
    const raised = {
      kind: 'test.flood',
      severity: 'critical' as const,
      unit: '18073',
      title: 'Mực nước vượt báo động II',
      titleEn: 'Water above alarm level II',
      detail: {},
      dedupeKey: 'test.flood:18073',
    };
    await t.services.alerts.raise([raised]);
    await notifier(t).dispatch();
    await t.services.alerts.resolve([raised.dedupeKey], 'condition cleared');
    await notifier(t).dispatch();
    const deliveries = await deliveriesOf(t, admin, endpoint.id);
    expect(deliveries.map((d) => [d.event, d.state, d.summary])).toEqual([
      ['alert.resolved', 'delivered', 'Đã kết thúc: Mực nước vượt báo động II'],
      ['alert.raised', 'delivered', 'Mực nước vượt báo động II'],
    ]);
    const mine = receiver.received.filter((r) => r.path === '/hook?lifecycle');
    expect(mine.every((r) => r.signatureValid)).toBe(true);
    const resolved = JSON.parse(mine[1]!.body) as NotificationBody;
    expect(resolved.groups[0]).toMatchObject({ kind: 'test.flood', unit: '18073' });
    expect(resolved.groups[0]!.alerts[0]).toMatchObject({ reason: 'condition cleared' });
  });

  it('a tampered body or another secret does not verify', async () => {
    const [request] = receiver.received;
    const other = new Receiver();
    other.secret = 'whsec_another';
    expect(request).toBeDefined();
    const { createHmac } = await import('node:crypto');
    const timestamp = String(request!.headers['x-ioc-timestamp']);
    const sign = (secret: string, body: string) =>
      `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
    expect(request!.headers['x-ioc-signature']).toBe(sign(receiver.secret, request!.body));
    expect(request!.headers['x-ioc-signature']).not.toBe(sign(receiver.secret, `${request!.body} `));
    expect(request!.headers['x-ioc-signature']).not.toBe(sign(other.secret, request!.body));
  });

  it('gives up after IOC_WEBHOOK_MAX_ATTEMPTS and says why in fixed words', async () => {
    receiver.received = [];
    const { endpoint, secret } = await createEndpoint(t, admin, { name: 'Zalo', url: `${receiver.url}?zalo` });
    receiver.secrets.set('/hook?zalo', secret!);
    receiver.answersAt.set('/hook?zalo', [500, 500, 500, 500]);
    t.platform.now = () => at(10 * LATER);
    await raise(t, alert('18073', 'tasks.overdue'));
    for (const hour of [10, 11, 12, 13]) {
      t.platform.now = () => at(hour * LATER);
      await notifier(t).dispatch();
    }
    const [delivery] = await deliveriesOf(t, admin, endpoint.id);
    expect(delivery).toMatchObject({ state: 'failed', attempts: 3, nextAttemptAt: null, deliveredAt: null });
    expect(delivery!.attemptLog.map((a) => a.error)).toEqual(Array(3).fill('HTTP 500 Internal Server Error'));
    // The first endpoint got this alert too (it takes every alert), so two requests per pass until this one gave up.
    expect(receiver.received.filter((r) => r.headers['x-ioc-delivery'] === String(delivery!.id))).toHaveLength(3);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/notification-endpoints',
      headers: { cookie: admin },
    });
    expect(list.json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: endpoint.id, pending: 0, failedLastDay: 1 })]),
    );
    await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/notification-endpoints/${endpoint.id}`,
      headers: { cookie: admin },
    });
  });

  it('sends a test notification at once, once, and answers the attempt', async () => {
    receiver.received = [];
    const { endpoint, secret } = await createEndpoint(t, admin, { name: 'Thử', url: receiver.url, enabled: false });
    receiver.secret = secret!;
    receiver.answers = [200];
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notification-endpoints/${endpoint.id}/test`,
      headers: { cookie: admin },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      event: 'notification.test',
      state: 'delivered',
      attempts: 1,
      alertCount: 0,
      attemptLog: [{ status: 200, error: null }],
    });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ signatureValid: true });
    expect(receiver.received[0]!.headers['x-ioc-event']).toBe('notification.test');
    // A failed test is not retried.
    receiver.answers = [500];
    const failed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notification-endpoints/${endpoint.id}/test`,
      headers: { cookie: admin },
    });
    expect(failed.json()).toMatchObject({ state: 'failed', attempts: 1, attemptLog: [{ status: 500 }] });
  });

  it('never returns a secret after creation, and keeps it out of the audit log', async () => {
    const { endpoint, secret } = await createEndpoint(t, admin, { name: 'Bí mật', url: receiver.url });
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/notification-endpoints',
      headers: { cookie: admin },
    });
    expect(list.body).not.toContain(secret!);
    expect(list.json()).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: endpoint.id, hasSecret: true })]),
    );
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?limit=200', headers: { cookie: admin } });
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('notifications.endpoint.create');
    expect(audit.body).not.toContain(secret!);
  });

  it('refuses a target that is not public unless IOC_WEBHOOK_ALLOW_HOSTS allows it', async () => {
    for (const url of ['http://10.1.2.3/hook', 'http://169.254.169.254/latest', 'http://[::1]:8080/']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/notification-endpoints',
        headers: { cookie: admin },
        payload: {
          kind: 'webhook',
          name: 'x',
          url,
          events: ['alert.raised'],
          minSeverity: 'info',
          units: [],
          enabled: true,
        },
      });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.message).toMatch(/is not a public address.*IOC_WEBHOOK_ALLOW_HOSTS/);
    }
    // The connectors' allow list is not the webhooks' one.
    const other = await startTestApp({ IOC_CONNECTOR_ALLOW_HOSTS: '127.0.0.1' });
    try {
      const cookie = await other.login('admin', ADMIN_PASSWORD);
      const response = await other.app.inject({
        method: 'POST',
        url: '/api/v1/notification-endpoints',
        headers: { cookie },
        payload: {
          kind: 'webhook',
          name: 'x',
          url: receiver.url,
          events: ['alert.raised'],
          minSeverity: 'info',
          units: [],
          enabled: true,
        },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0]).toMatchObject({ field: '/url', rule: 'publicHost' });
    } finally {
      await other.stop();
    }
  });

  it('is for administrators only', async () => {
    await t.createUser(admin, {
      username: 'officer',
      displayName: 'Cán bộ',
      password: 'officer-pass-123',
      roles: ['unit_officer'],
      orgUnitCode: '18073',
    } as Parameters<TestApp['createUser']>[1]);
    const officer = await t.login('officer', 'officer-pass-123');
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/notification-endpoints',
      headers: { cookie: officer },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('grouping: alerts raised within the group window go out as one payload, by kind × unit', () => {
  const receiver = new Receiver();
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    await receiver.start();
    t = await startTestApp({ ...SETTINGS, IOC_NOTIFY_GROUP_SECONDS: '30' }, { now: T });
    admin = await t.login('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await t.stop();
    await receiver.close();
  });

  it('two overdue tasks of one ward and one alert elsewhere: one payload, two groups; filters by severity and unit', async () => {
    const all = await createEndpoint(t, admin, { name: 'Tất cả', url: receiver.url, minSeverity: 'warning' });
    const ward = await createEndpoint(t, admin, { name: 'Thành Sen', url: `${receiver.url}?ward`, units: ['18073'] });
    receiver.secrets.set('/hook', all.secret!);
    receiver.secrets.set('/hook?ward', ward.secret!);
    const first = alert('18073', 'tasks.overdue');
    const second = alert('18073', 'tasks.overdue', 'warning');
    const elsewhere = alert('18775', 'publicservices.onTime', 'warning');
    const minor = alert('18073', 'indicator.anomaly', 'info');
    await raise(t, first, second, elsewhere, minor);

    // The window is open: nothing goes out.
    t.platform.now = () => at(29_000);
    expect(await notifier(t).dispatch()).toEqual({ bundled: 0, sent: 0 });
    expect(receiver.received).toHaveLength(0);

    t.platform.now = () => at(30_000);
    expect(await notifier(t).dispatch()).toEqual({ bundled: 2, sent: 2 });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
    const bodyAt = (path: string) =>
      JSON.parse(receiver.received.find((r) => r.path === path)!.body) as NotificationBody;
    const toAll = bodyAt('/hook');
    const toWard = bodyAt('/hook?ward');

    // Hand-worked: the 'warning' endpoint drops the info anomaly; 18073's two overdue tasks are one group (critical,
    // the higher of the two), before Kỳ Anh's single on-time alert.
    expect(toAll.groups.map((g) => [g.kind, g.unit, g.count, g.severity])).toEqual([
      ['tasks.overdue', '18073', 2, 'critical'],
      ['publicservices.onTime', '18775', 1, 'warning'],
    ]);
    expect(toAll.groups[0]!.text).toBe('Phường Thành Sen — 2 cảnh báo: Nhiệm vụ quá hạn');
    expect(toAll.groups[0]!.textEn).toBe('Thanh Sen Ward — 2 alerts: Task overdue');
    expect(toAll.groups[0]!.alerts.map((a) => a.id)).toEqual([first.id, second.id]);
    expect(toAll.summary).toBe(`Phường Thành Sen — 2 cảnh báo: Nhiệm vụ quá hạn; ${elsewhere.title}`);

    // The ward's endpoint takes every severity, but only its unit.
    expect(toWard.alertCount).toBe(3);
    expect(toWard.groups.map((g) => [g.kind, g.count])).toEqual([
      ['tasks.overdue', 2],
      ['indicator.anomaly', 1],
    ]);
  });
});

describe('durability', () => {
  it('a restart resumes a pending delivery and sends what was queued but not yet sent', async () => {
    const receiver = new Receiver();
    await receiver.start();
    const database = await createTestDatabase();
    const before = await startTestApp(SETTINGS, { database, now: T });
    try {
      const admin = await before.login('admin', ADMIN_PASSWORD);
      const { endpoint, secret } = await createEndpoint(before, admin, { name: 'Trước', url: receiver.url });
      receiver.secret = secret!;
      receiver.answers = [500];
      await raise(before, alert('18073', 'tasks.overdue'));
      await notifier(before).dispatch();
      expect(receiver.received).toHaveLength(1);
      // Heard and queued, but the server stops before a pass sends it.
      await raise(before, alert('18775', 'tasks.overdue'));
      await notifier(before).idle();
      await before.stop();

      const after = await startTestApp(SETTINGS, { database, now: at(LATER) });
      try {
        await notifier(after).dispatch();
        const cookie = await after.login('admin', ADMIN_PASSWORD);
        const deliveries = await deliveriesOf(after, cookie, endpoint.id);
        expect(deliveries.map((d) => [d.state, d.attempts])).toEqual([
          ['delivered', 1],
          ['delivered', 2],
        ]);
        expect(receiver.received).toHaveLength(3);
        expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
      } finally {
        await after.stop();
      }
    } finally {
      await database.drop();
      await receiver.close();
    }
  });

  it('two servers on one database send each delivery once', async () => {
    const receiver = new Receiver();
    await receiver.start();
    const database = await createTestDatabase();
    const one = await startTestApp(SETTINGS, { database, now: T });
    const two = await startTestApp(SETTINGS, { database, now: T });
    try {
      const admin = await one.login('admin', ADMIN_PASSWORD);
      const { secret } = await createEndpoint(one, admin, { name: 'Chung', url: receiver.url });
      receiver.secret = secret!;
      // Both servers hear the same events (as over NATS): one item each is kept.
      for (const unit of ['18073', '18775', '18073']) {
        const event = makeEvent('alert.raised', alert(unit, 'tasks.overdue'), unit);
        await Promise.all([notifier(one).hear(event), notifier(two).hear(event)]);
      }
      if (ENGINE === 'postgres') {
        // Claims race for real on PostgreSQL; embedded SQLite serves one server.
        await Promise.all([notifier(one).dispatch(), notifier(two).dispatch(), notifier(one).dispatch()]);
      } else {
        await notifier(one).dispatch();
        await notifier(two).dispatch();
      }
      const ids = receiver.received.map((r) => r.headers['x-ioc-delivery']);
      expect(ids).toHaveLength(1);
      expect((JSON.parse(receiver.received[0]!.body) as NotificationBody).alertCount).toBe(3);
    } finally {
      await one.stop();
      await two.stop();
      await database.drop();
      await receiver.close();
    }
  });
});
