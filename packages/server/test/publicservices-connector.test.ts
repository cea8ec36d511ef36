import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Connector, ConnectorRun } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidConfigError, loadConfig } from '../src/config.ts';
import { formatPortalDate } from '../src/modules/publicservices/connector/onestop.client.ts';
import { parsePortalDate } from '../src/modules/publicservices/portal-date.ts';
import { ADMIN_PASSWORD, createTestDatabase, startTestApp, type TestApp } from './harness.ts';

const CLIENT_ID = 'ioc-hatinh';
const SECRET = 'motcua-S3cret-7f2a9c';

/**
 * The province's one-stop system, as far as the connector sees it: client credentials for a token, then the two
 * portal services behind the bearer token, filtered by tuNgay/denNgay (by when each record last changed) and paged.
 */
class FakeOnestop {
  readonly records = new Map<string, { changedAt: number; record: Record<string, unknown> }[]>([
    ['DongBoHoSoMC', []],
    ['CapNhatTienDoHoSoMC', []],
  ]);
  readonly tokens = new Set<string>();
  readonly failing = new Set<string>();
  readonly log: string[] = [];
  pageSize = 2;
  /** While set, service requests wait for it (a slow system). */
  gate: Promise<void> | null = null;
  private server: Server | null = null;

  get base(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** Changed a few seconds ago: the query's denNgay is to the second, so a record of this very second waits a run. */
  add(
    service: 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC',
    record: Record<string, unknown>,
    changedAt = Date.now() - 5_000,
  ) {
    this.records.get(service)?.push({ changedAt, record });
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.base);
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method === 'POST' && url.pathname === '/oauth/token') {
      let text = '';
      for await (const chunk of request) text += chunk;
      const form = new URLSearchParams(text);
      this.log.push('token');
      if (
        form.get('grant_type') !== 'client_credentials' ||
        form.get('client_id') !== CLIENT_ID ||
        form.get('client_secret') !== SECRET
      ) {
        return send(401, { error: 'invalid_client' });
      }
      const token = randomBytes(8).toString('hex');
      this.tokens.add(token);
      return send(200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
    }
    const service = /^\/api\/(\w+)$/.exec(url.pathname)?.[1];
    const records = service ? this.records.get(service) : undefined;
    if (request.method !== 'GET' || !service || !records) return send(404, { error: 'no such service' });
    if (!this.tokens.has(request.headers.authorization?.replace(/^Bearer /, '') ?? '')) {
      return send(401, { error: 'invalid_token' });
    }
    const page = url.searchParams.get('page');
    this.log.push(`${service}${page ? ` page ${page}` : ''}`);
    if (this.gate) await this.gate;
    if (this.failing.has(service)) return send(500, { error: 'database unavailable' });
    const from = Date.parse(parsePortalDate(url.searchParams.get('tuNgay') ?? '') ?? '');
    const to = Date.parse(parsePortalDate(url.searchParams.get('denNgay') ?? '') ?? '');
    if (Number.isNaN(from) || Number.isNaN(to)) return send(400, { error: 'tuNgay, denNgay required' });
    const inWindow = records.filter((r) => r.changedAt >= from && r.changedAt <= to).map((r) => r.record);
    const data = page ? inWindow.slice((Number(page) - 1) * this.pageSize, Number(page) * this.pageSize) : inWindow;
    return send(200, { service, data });
  }
}

const dossier = (code: string, extra: object = {}) => ({
  MaHoSo: code,
  MaTTHC: '1.001234',
  TenTTHC: 'Cấp giấy chứng nhận quyền sử dụng đất',
  MaLinhVuc: 'G09-DD',
  TenLinhVuc: 'Đất đai',
  KenhThucHien: 2,
  ChuHoSo: 'Nguyễn Văn A',
  LoaiDoiTuong: 1,
  NgayNopHoSo: '20250301080000',
  NgayTiepNhan: '20250301083000',
  NgayHenTra: '20250315170000',
  TrangThaiHoSo: 2,
  DonViXuLy: 'UBND phường Thành Sen',
  DuocThanhToanTrucTuyen: 1,
  HoSoCoThanhPhanSoHoa: true,
  ...extra,
});
const step = (code: string, at: string, status: number) => ({
  MaHoSo: code,
  ThoiDiemXuLy: at,
  TrangThai: status,
  NguoiXuLy: 'Trần Thị B',
  PhongBanXuLy: 'Bộ phận một cửa',
  NoiDungXuLy: 'Chuyển xử lý',
});

const fake = new FakeOnestop();
let t: TestApp;
let admin: string;

const settings = (extra: object = {}) => ({
  name: 'Một cửa Hà Tĩnh',
  tokenUrl: `${fake.base}/oauth/token`,
  baseUrl: `${fake.base}/api/`,
  clientId: CLIENT_ID,
  services: ['DongBoHoSoMC', 'CapNhatTienDoHoSoMC'],
  intervalSeconds: 60,
  pageSize: 2,
  ...extra,
});
const save = (code: string, body: object, cookie = admin) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/public-services/connectors/${code}`,
    headers: { cookie },
    payload: body,
  });
const runNow = async (code = 'hatinh-motcua', cookie = admin) => {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/public-services/connectors/${code}/run`,
    headers: { cookie },
  });
  return response;
};
const run = async (code = 'hatinh-motcua'): Promise<ConnectorRun> => {
  const response = await runNow(code);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ConnectorRun;
};
const list = async (cookie = admin) => {
  const response = await t.app.inject({
    method: 'GET',
    url: '/api/v1/public-services/connectors',
    headers: { cookie },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response;
};
const health = async (code = 'hatinh-motcua'): Promise<Connector> =>
  ((await list()).json() as Connector[]).find((c) => c.code === code)!;
const dossiers = () => t.platform.db.selectFrom('ps_dossiers').selectAll().orderBy('code').execute();
const waitFor = async (check: () => Promise<boolean> | boolean, what: string) => {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
/** Pretends the last run started long ago, so the scheduler finds the connector due. */
const makeDue = (code: string) =>
  t.platform.db
    .updateTable('ps_connectors')
    .set({ last_run_at: '2000-01-01T00:00:00.000Z' })
    .where('code', '=', code)
    .execute();

beforeAll(async () => {
  await fake.start();
  const changed = Date.now() - 60_000;
  for (const code of ['HS-101', 'HS-102', 'HS-103', 'HS-104', 'HS-105'])
    fake.add('DongBoHoSoMC', dossier(code), changed);
  fake.add('CapNhatTienDoHoSoMC', step('HS-101', '20250302090000', 4), changed);
  fake.add('CapNhatTienDoHoSoMC', step('HS-102', '20250302100000', 4), changed);
  // The fake system listens on loopback: connectors reach it only because it is allowed explicitly.
  t = await startTestApp({ IOC_CONNECTOR_ALLOW_HOSTS: '127.0.0.1' });
  admin = await t.login('admin', ADMIN_PASSWORD);
});
afterAll(async () => {
  await t.stop();
  await fake.close();
});

describe('one-stop connector settings', () => {
  it('creates a connector, keeps the secret and never returns it', async () => {
    const response = await save('hatinh-motcua', { ...settings(), clientSecret: SECRET });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).not.toContain(SECRET);
    expect(response.json()).toMatchObject({
      code: 'hatinh-motcua',
      baseUrl: `${fake.base}/api`,
      hasSecret: true,
      enabled: true,
      intervalSeconds: 60,
      overlapSeconds: 300,
      pageSize: 2,
      health: 'not_run',
      running: false,
      cursor: null,
      lagSeconds: null,
    });
    expect((await list()).body).not.toContain(SECRET);
  });

  it('refuses URLs that are not http(s), intervals under 30 s, a new connector without a secret', async () => {
    for (const body of [
      { ...settings({ tokenUrl: 'ftp://example.vn/token' }), clientSecret: SECRET },
      { ...settings({ baseUrl: 'javascript:alert(1)' }), clientSecret: SECRET },
      { ...settings({ intervalSeconds: 10 }), clientSecret: SECRET },
      { ...settings({ cursor: '2999-01-01T00:00:00Z' }), clientSecret: SECRET },
    ]) {
      const response = await save('other', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
    }
    const withoutSecret = await save('other', settings());
    expect(withoutSecret.statusCode).toBe(400);
    expect(withoutSecret.json().error.details).toEqual([expect.objectContaining({ field: '/clientSecret' })]);
    expect((await runNow('nowhere')).statusCode).toBe(404);
  });

  it('is described in the OpenAPI document', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    const paths = spec.paths;
    expect(paths['/api/v1/public-services/connectors']?.get?.responses).toHaveProperty('200');
    expect(paths['/api/v1/public-services/connectors/{code}']?.put?.responses).toHaveProperty('200');
    expect(paths['/api/v1/public-services/connectors/{code}']?.delete?.responses).toHaveProperty('200');
    expect(paths['/api/v1/public-services/connectors/{code}/run']?.post?.responses).toHaveProperty('200');
  });
});

describe('a run', () => {
  let first: ConnectorRun;

  it('gets a token, reads every page of each service, stores the dossiers and advances the cursor', async () => {
    const before = Date.now();
    first = await run();
    expect(first).toMatchObject({ ok: true, error: null, count: 7, refused: 0 });
    expect(first.services).toEqual([
      expect.objectContaining({ service: 'DongBoHoSoMC', pages: 3, received: 5, created: 5, error: null }),
      expect.objectContaining({ service: 'CapNhatTienDoHoSoMC', pages: 2, received: 2, created: 2, error: null }),
    ]);
    expect(fake.log).toEqual([
      'token',
      'DongBoHoSoMC page 1',
      'DongBoHoSoMC page 2',
      'DongBoHoSoMC page 3',
      'CapNhatTienDoHoSoMC page 1',
      'CapNhatTienDoHoSoMC page 2',
    ]);
    // Never read before: the last 30 days, less the overlap.
    const from = Date.parse(first.from);
    expect(Math.abs(from - (before - 30 * 86_400_000 - 300_000))).toBeLessThan(5_000);
    expect(first.cursor).toBe(first.to);

    const stored = await dossiers();
    expect(stored.map((d) => d.code)).toEqual(['HS-101', 'HS-102', 'HS-103', 'HS-104', 'HS-105']);
    expect(stored.find((d) => d.code === 'HS-101')).toMatchObject({ status: 4, unit_id: '18073' });
    expect(stored.find((d) => d.code === 'HS-103')).toMatchObject({ status: 2 });

    const connector = await health();
    expect(connector).toMatchObject({
      health: 'ok',
      running: false,
      cursor: first.to,
      lastRunAt: first.startedAt,
      lastSuccessAt: first.finishedAt,
      lastError: null,
      lastCount: 7,
      lastRefused: 0,
    });
    expect(connector.lagSeconds).toBeGreaterThanOrEqual(0);
    expect(connector.lagSeconds).toBeLessThan(60);
  });

  it('re-reads the overlap on the next run, with the token it has, and changes nothing', async () => {
    const before = await dossiers();
    fake.log.length = 0;
    const second = await run();
    expect(second.ok).toBe(true);
    expect(Date.parse(second.from)).toBe(Date.parse(first.to) - 300_000);
    expect(second.services[0]).toMatchObject({ received: 5, created: 0, updated: 0, unchanged: 5 });
    expect(second.services[1]).toMatchObject({ received: 2, created: 0, unchanged: 2 });
    expect(fake.log).not.toContain('token');
    expect(fake.log[0]).toBe('DongBoHoSoMC page 1');
    expect(await dossiers()).toEqual(before);
    expect((await health()).cursor).toBe(second.to);
  });

  it('asks for a new token when the system no longer accepts the one it has', async () => {
    fake.tokens.clear();
    fake.log.length = 0;
    const again = await run();
    expect(again.ok).toBe(true);
    expect(fake.log.slice(0, 3)).toEqual(['token', 'DongBoHoSoMC page 1', 'DongBoHoSoMC page 2']);
  });

  it('records a refused token with its 401 and keeps the cursor; the right secret recovers', async () => {
    const { cursor } = await health();
    expect((await save('hatinh-motcua', { ...settings(), clientSecret: 'wrong-secret' })).statusCode).toBe(200);
    const failed = await run();
    expect(failed).toMatchObject({ ok: false, cursor });
    expect(failed.error).toContain('HTTP 401');
    expect(failed.services.map((s) => s.error)).toEqual(['not read: no access token', 'not read: no access token']);
    const broken = await health();
    expect(broken).toMatchObject({ health: 'failing', cursor, lastErrorAt: failed.finishedAt });
    expect(broken.lastError).toContain('token: HTTP 401');
    expect(broken.lastError).not.toContain('wrong-secret');

    expect((await save('hatinh-motcua', { ...settings(), clientSecret: SECRET })).statusCode).toBe(200);
    const recovered = await run();
    expect(recovered.ok).toBe(true);
    const healed = await health();
    expect(healed).toMatchObject({ health: 'ok', cursor: recovered.to, lastSuccessAt: recovered.finishedAt });
    expect(healed.lastErrorAt).toBe(failed.finishedAt);
  });

  it('records a service answering 500, applies what the others gave, and keeps the cursor', async () => {
    const { cursor } = await health();
    fake.failing.add('CapNhatTienDoHoSoMC');
    fake.add('DongBoHoSoMC', dossier('HS-106'));
    const failed = await run();
    expect(failed).toMatchObject({ ok: false, cursor });
    expect(failed.services[0]).toMatchObject({ service: 'DongBoHoSoMC', created: 1, error: null });
    expect(failed.services[1]?.error).toContain('CapNhatTienDoHoSoMC page 1: HTTP 500');
    expect((await health()).lastError).toContain('HTTP 500');
    expect((await health()).cursor).toBe(cursor);

    fake.failing.clear();
    const next = await run();
    expect(next.ok).toBe(true);
    expect((await health()).cursor).toBe(next.to);
  });

  it('counts invalid records as refused and reports them, without failing the run', async () => {
    fake.add('DongBoHoSoMC', dossier('HS-BAD', { NgayTiepNhan: '20250230120000' }));
    fake.add('DongBoHoSoMC', dossier('HS-107'));
    const result = await run();
    expect(result).toMatchObject({ ok: true, refused: 1 });
    expect(result.services[0]?.problems).toEqual([
      expect.objectContaining({ code: 'HS-BAD', field: '/NgayTiepNhan', rule: 'format' }),
    ]);
    expect(await health()).toMatchObject({ health: 'ok', lastRefused: 1, cursor: result.to });
    expect((await dossiers()).map((d) => d.code)).toContain('HS-107');
    expect((await dossiers()).map((d) => d.code)).not.toContain('HS-BAD');
  });

  it('never runs twice at once: a run asked for while one is going is refused with 409', async () => {
    let release = () => {};
    fake.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    fake.log.length = 0;
    const going = run();
    await waitFor(() => fake.log.length > 0, 'the first request');
    expect((await health()).running).toBe(true);
    const second = await runNow();
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('CONFLICT');
    const deletion = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/public-services/connectors/hatinh-motcua',
      headers: { cookie: admin },
    });
    expect(deletion.statusCode).toBe(409);
    fake.gate = null;
    release();
    expect((await going).ok).toBe(true);
    expect((await health()).running).toBe(false);
  });

  it('audits settings and runs, never with the secret', async () => {
    const rows = await t.platform.db
      .selectFrom('audit_log')
      .select(['action', 'actor_name', 'after_json'])
      .where('action', 'like', 'publicservices.%')
      .execute();
    const actions = rows.map((r) => `${r.action} ${r.actor_name}`);
    expect(actions).toContain('publicservices.connector.save admin');
    expect(actions).toContain('publicservices.connector.run admin');
    expect(actions).toContain('publicservices.sync.DongBoHoSoMC connector:hatinh-motcua');
    for (const row of rows) expect(row.after_json ?? '').not.toContain(SECRET);
    const saved = rows.find((r) => r.action === 'publicservices.connector.save');
    expect(JSON.parse(saved?.after_json ?? '{}')).toMatchObject({ authUrl: `${fake.base}/oauth/token` });
  });
});

describe('permissions', () => {
  it('lets readers see the health, and only managers change or run connectors', async () => {
    await t.createUser(admin, {
      username: 'leader1',
      displayName: 'L',
      roles: ['leader'],
      orgUnitCode: '42',
      password: 'leader-pass-1',
    });
    await t.createUser(admin, {
      username: 'machine1',
      displayName: 'M',
      roles: ['integrator'],
      orgUnitCode: '42',
      password: 'machine-pass-1',
    });
    const leader = await t.login('leader1', 'leader-pass-1');
    const machine = await t.login('machine1', 'machine-pass-1');
    const seen = await list(leader);
    expect(seen.body).not.toContain(SECRET);
    expect((await save('hatinh-motcua', { ...settings(), clientSecret: SECRET }, leader)).statusCode).toBe(403);
    expect((await runNow('hatinh-motcua', leader)).statusCode).toBe(403);
    const deletion = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/public-services/connectors/hatinh-motcua',
      headers: { cookie: leader },
    });
    expect(deletion.statusCode).toBe(403);
    const denied = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public-services/connectors',
      headers: { cookie: machine },
    });
    expect(denied.statusCode).toBe(403);
  });
});

describe('the scheduler', () => {
  it('runs the enabled connectors that are due, and leaves the others', async () => {
    expect(
      (await save('second', { ...settings(), clientSecret: SECRET, enabled: false, pageSize: null })).statusCode,
    ).toBe(200);
    await makeDue('hatinh-motcua');
    await makeDue('second');
    const before = await health();
    await t.services.publicServices.connectorScheduler.tick();
    const after = await health();
    expect(after.lastRunAt).not.toBe(before.lastRunAt);
    expect(after.lastSuccessAt).not.toBe(before.lastSuccessAt);
    expect((await health('second')).lastRunAt).toBe('2000-01-01T00:00:00.000Z');

    // Just run: not due again before its interval.
    fake.log.length = 0;
    await t.services.publicServices.connectorScheduler.tick();
    expect(fake.log).toEqual([]);
  });

  it('deletes a connector', async () => {
    const deletion = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/public-services/connectors/second',
      headers: { cookie: admin },
    });
    expect(deletion.statusCode).toBe(200);
    expect((await list()).json().map((c: Connector) => c.code)).toEqual(['hatinh-motcua']);
  });

  it('is set up from IOC_ONESTOP_*, runs on its own, and stops with the app, cutting off a run', async () => {
    const database = await createTestDatabase();
    const env = {
      IOC_ONESTOP_TOKEN_URL: `${fake.base}/oauth/token`,
      IOC_ONESTOP_BASE_URL: `${fake.base}/api`,
      IOC_ONESTOP_CLIENT_ID: CLIENT_ID,
      IOC_ONESTOP_CLIENT_SECRET: SECRET,
      IOC_ONESTOP_SERVICES: 'DongBoHoSoMC',
      IOC_ONESTOP_INTERVAL: '45',
      IOC_CONNECTOR_ALLOW_HOSTS: '127.0.0.1',
    };
    const u = await startTestApp(env, { database });
    let cursor: string | null = null;
    try {
      const stored = await u.platform.db
        .selectFrom('ps_connectors')
        .selectAll()
        .where('code', '=', 'onestop')
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ services: '["DongBoHoSoMC"]', interval_seconds: 45, page_size: null });

      u.services.publicServices.connectorScheduler.start(20);
      expect(u.services.publicServices.connectorScheduler.started).toBe(true);
      const done = () =>
        u.platform.db
          .selectFrom('ps_connectors')
          .select(['last_success_at', 'last_count', 'cursor'])
          .where('code', '=', 'onestop')
          .executeTakeFirstOrThrow();
      await waitFor(async () => (await done()).last_success_at !== null, 'a scheduled run');
      expect((await done()).last_count).toBeGreaterThanOrEqual(7);
      cursor = (await done()).cursor;

      // A slow system: the next run hangs until the app closes, which cuts it off at once.
      fake.gate = new Promise<void>(() => {});
      fake.log.length = 0;
      await u.platform.db
        .updateTable('ps_connectors')
        .set({ last_run_at: '2000-01-01T00:00:00.000Z' })
        .where('code', '=', 'onestop')
        .execute();
      await waitFor(() => fake.log.includes('DongBoHoSoMC'), 'the hanging request');
    } finally {
      const closing = Date.now();
      await u.stop();
      expect(Date.now() - closing).toBeLessThan(5_000);
      fake.gate = null;
    }
    expect(u.services.publicServices.connectorScheduler.started).toBe(false);

    // Started again on the same database: the settings already match, so nothing is written; the cut-off run is
    // recorded and its cursor did not move.
    const again = await startTestApp(env, { database });
    try {
      const row = await again.platform.db
        .selectFrom('ps_connectors')
        .selectAll()
        .where('code', '=', 'onestop')
        .executeTakeFirstOrThrow();
      expect(row.last_error).toContain('shutting down');
      expect(row.running_until).toBeNull();
      expect(row.cursor).toBe(cursor);
      expect(row.last_success_at! < row.last_error_at!).toBe(true);
      const saves = await again.platform.db
        .selectFrom('audit_log')
        .select('actor_name')
        .where('action', '=', 'publicservices.connector.save')
        .execute();
      expect(saves).toEqual([{ actor_name: 'config' }]);
    } finally {
      await again.stop();
      await database.drop();
    }
  });
});

describe('portal dates', () => {
  it('writes instants as yyyyMMddHHmmss in UTC+7', () => {
    expect(formatPortalDate(new Date('2025-03-01T01:30:00.999Z'))).toBe('20250301083000');
    expect(formatPortalDate(new Date('2024-12-31T22:00:00Z'))).toBe('20250101050000');
  });
});

describe('IOC_ONESTOP_* settings', () => {
  it('go together, and the secret is never printed', () => {
    const attempt = () =>
      loadConfig({
        IOC_ONESTOP_TOKEN_URL: 'https://motcua.hatinh.gov.vn/token',
        IOC_ONESTOP_CLIENT_SECRET: 'Sup3r-secret',
        IOC_ONESTOP_BASE_URL: 'ftp://motcua.hatinh.gov.vn',
        IOC_ONESTOP_INTERVAL: '10',
      });
    expect(attempt).toThrow(InvalidConfigError);
    const problems = (() => {
      try {
        attempt();
        return [];
      } catch (error) {
        return (error as InvalidConfigError).problems;
      }
    })();
    expect(problems).toEqual([
      'IOC_ONESTOP_BASE_URL="ftp://motcua.hatinh.gov.vn" must start with http: or https://',
      'IOC_ONESTOP_INTERVAL="10" must be a whole number from 30 to 86400',
      expect.stringContaining('IOC_ONESTOP_CLIENT_ID missing'),
    ]);
    expect(problems.join('\n')).not.toContain('Sup3r-secret');
    expect(() => loadConfig({ IOC_ONESTOP_SERVICES: 'bad name' })).toThrow(/IOC_ONESTOP_SERVICES/);
    expect(loadConfig({}).onestop).toBeNull();
  });

  it('read as the one-stop connector when all four are set', () => {
    const config = loadConfig({
      IOC_ONESTOP_TOKEN_URL: 'https://motcua.hatinh.gov.vn/token',
      IOC_ONESTOP_BASE_URL: 'https://motcua.hatinh.gov.vn/api/',
      IOC_ONESTOP_CLIENT_ID: 'ioc',
      IOC_ONESTOP_CLIENT_SECRET: 'secret',
      IOC_ONESTOP_SERVICES: 'DongBoHoSoMC, CapNhatTienDoHoSoMC',
      IOC_ONESTOP_PAGE_SIZE: '100',
    });
    expect(config.onestop).toEqual({
      tokenUrl: 'https://motcua.hatinh.gov.vn/token',
      baseUrl: 'https://motcua.hatinh.gov.vn/api',
      clientId: 'ioc',
      clientSecret: 'secret',
      services: ['DongBoHoSoMC', 'CapNhatTienDoHoSoMC'],
      intervalSeconds: 300,
      pageSize: 100,
    });
    expect(config.connectorTimeoutSeconds).toBe(30);
  });
});
