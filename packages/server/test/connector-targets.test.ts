import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Connector, ConnectorRun } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { requestSource } from '../src/lib/guarded-request.ts';
import { TargetGuard, TargetRefused } from '../src/lib/target-guard.ts';
import { applyConnectorConfig } from '../src/modules/publicservices/connector/onestop.config.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

/** What an internal service would answer: nothing of it may reach the connector list or the run result. */
const INTERNAL = 'INTERNAL-ONLY root:x:0:0 aws_secret_access_key=AKIA';

/** A source system on loopback whose answer to every request is set by the test; it counts what it is asked. */
class Source {
  answer: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => response.end('{}');
  requests = 0;
  private server: Server | null = null;

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.requests++;
      this.answer(request, response);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

const source = new Source();
const elsewhere = new Source();
/** Allowed: the source at 127.0.0.1. Not allowed: any other loopback, private or link-local address. */
let t: TestApp;
let admin: string;

const settings = (tokenUrl: string, baseUrl = tokenUrl) => ({
  name: 'Một cửa',
  tokenUrl,
  baseUrl,
  clientId: 'ioc',
  clientSecret: 'secret-value',
  services: ['DongBoHoSoMC'],
  intervalSeconds: 300,
});
const save = (code: string, body: object) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/public-services/connectors/${code}`,
    headers: { cookie: admin },
    payload: body,
  });
const run = async (code: string): Promise<ConnectorRun> => {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/v1/public-services/connectors/${code}/run`,
    headers: { cookie: admin },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ConnectorRun;
};
const listAs = async (cookie: string) => {
  const response = await t.app.inject({
    method: 'GET',
    url: '/api/v1/public-services/connectors',
    headers: { cookie },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response;
};

beforeAll(async () => {
  await source.start();
  await elsewhere.start();
  t = await startTestApp({ IOC_CONNECTOR_ALLOW_HOSTS: '127.0.0.1' });
  admin = await t.login('admin', ADMIN_PASSWORD);
});
afterAll(async () => {
  await t.stop();
  await source.close();
  await elsewhere.close();
});

describe('connector targets', () => {
  it('refuses loopback, private, link-local and mapped addresses that are not allowed, by address or by name', async () => {
    const port = source.port;
    const refused = [
      `http://127.0.0.2:${port}/token`,
      `http://[::1]:${port}/token`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.20.30.40/token',
      'http://192.168.1.1/token',
      'http://172.16.0.1/token',
      'http://100.64.0.1/token',
      'http://0.0.0.0/token',
      'http://0x7f000002/token',
      'http://[::ffff:127.0.0.2]/token',
      'http://[fd00::1]/token',
      'http://[fe80::1]/token',
    ];
    for (const url of refused) {
      const response = await save('inside', settings(url, 'https://motcua.example.vn/api'));
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.details, url).toEqual([
        expect.objectContaining({ field: '/tokenUrl', rule: 'publicHost' }),
      ]);
    }
    const base = await save('inside', settings('https://motcua.example.vn/token', `http://127.1.1.1:${port}/api`));
    expect(base.statusCode).toBe(400);
    expect(base.json().error.details[0].field).toBe('/baseUrl');
    expect(source.requests).toBe(0);
    const stored = await t.platform.db.selectFrom('ps_connectors').select('code').execute();
    expect(stored).toEqual([]);
  });

  it('stops a start whose IOC_ONESTOP_* URL is not public, naming the setting', async () => {
    const config = loadConfig({
      ...t.database.env,
      IOC_ONESTOP_TOKEN_URL: 'http://169.254.169.254/token',
      IOC_ONESTOP_BASE_URL: 'https://motcua.example.vn/api',
      IOC_ONESTOP_CLIENT_ID: 'ioc',
      IOC_ONESTOP_CLIENT_SECRET: 'secret',
    });
    await expect(applyConnectorConfig({ ...t.platform, config })).rejects.toThrow(
      /^IOC_ONESTOP_TOKEN_URL: 169\.254\.169\.254 is not a public address.*IOC_CONNECTOR_ALLOW_HOSTS/,
    );
  });

  it('checks again at each run: a connector stored before its host was refused does not call it', async () => {
    const now = new Date().toISOString();
    await t.platform.db
      .insertInto('ps_connectors')
      .values({
        code: 'stale',
        name: 'Stored earlier',
        token_url: `http://127.0.0.2:${source.port}/token`,
        base_url: `http://127.0.0.2:${source.port}/api`,
        client_id: 'ioc',
        client_secret: 'secret',
        services: '["DongBoHoSoMC"]',
        page_size: null,
        interval_seconds: 300,
        overlap_seconds: 300,
        enabled: 0,
        cursor: null,
        updated_at: now,
        last_run_at: null,
        last_success_at: null,
        last_error: null,
        last_error_at: null,
        last_count: null,
        last_refused: null,
        running_until: null,
      })
      .execute();
    const result = await run('stale');
    expect(result.ok).toBe(false);
    expect(result.error).toBe(
      'token: not called: 127.0.0.2 is not a public address; an administrator may allow it in IOC_CONNECTOR_ALLOW_HOSTS',
    );
    expect(source.requests).toBe(0);
  });

  it('never shows what the source answered: only the status and the kind of failure, to every reader', async () => {
    expect((await save('chatty', settings(`http://127.0.0.1:${source.port}/token`))).statusCode).toBe(200);
    const runs: ConnectorRun[] = [];
    source.answer = (_request, response) => {
      response.writeHead(500, `Reason ${INTERNAL}`, { 'content-type': 'text/plain' });
      response.end(`${INTERNAL}\n`.repeat(20));
    };
    runs.push(await run('chatty'));
    expect(runs[0]?.error).toBe(`token: HTTP 500 Internal Server Error from 127.0.0.1:${source.port}`);
    source.answer = (_request, response) => response.end(`<html>${INTERNAL}</html>`);
    runs.push(await run('chatty'));
    expect(runs[1]?.error).toBe('token: the answer is not JSON');
    source.answer = (request, response) =>
      response.end(
        JSON.stringify(
          request.method === 'POST' ? { access_token: 'tok', expires_in: 600 } : { service: INTERNAL, data: [] },
        ),
      );
    runs.push(await run('chatty'));
    expect(runs[2]?.services[0]?.error).toMatch(/^DongBoHoSoMC: the answer is not a portal envelope/);

    await t.createUser(admin, {
      username: 'officer1',
      displayName: 'Cán bộ xã',
      roles: ['unit_officer'],
      orgUnitCode: '18073',
      password: 'officer-pass-1',
    });
    const officer = await t.login('officer1', 'officer-pass-1');
    const seen = await listAs(officer);
    const chatty = (seen.json() as Connector[]).find((c) => c.code === 'chatty');
    expect(chatty?.lastError).toMatch(/^DongBoHoSoMC: the answer is not a portal envelope/);
    for (const text of [seen.body, ...runs.map((r) => JSON.stringify(r))]) expect(text).not.toContain('INTERNAL-ONLY');
    const audit = await t.platform.db.selectFrom('audit_log').select('after_json').execute();
    expect(JSON.stringify(audit)).not.toContain('INTERNAL-ONLY');
  });

  it('does not follow a redirect, even to an allowed host', async () => {
    elsewhere.requests = 0;
    source.answer = (_request, response) => {
      response.writeHead(302, { location: `http://127.0.0.1:${elsewhere.port}/token` });
      response.end();
    };
    const result = await run('chatty');
    expect(result.error).toBe(
      `DongBoHoSoMC: HTTP 302 Found from 127.0.0.1:${source.port} (redirects are not followed: give the final URL)`,
    );
    expect(elsewhere.requests).toBe(0);
  });
});

describe('TargetGuard', () => {
  const resolving =
    (...addresses: string[]) =>
    async () =>
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  const url = new URL('https://motcua.example.vn/token');

  it('checks every address a name resolves to, IPv4 and IPv6', async () => {
    await expect(new TargetGuard([], resolving('203.113.1.5', '2402:800::1')).check(url)).resolves.toBeUndefined();
    for (const inside of ['127.0.0.1', '10.0.0.8', 'fd12::1', '::1', '169.254.169.254', '::ffff:a00:1']) {
      await expect(new TargetGuard([], resolving('203.113.1.5', inside)).check(url), inside).rejects.toThrow(
        TargetRefused,
      );
    }
  });

  it('lets an administrator allow a name, an address or a network', async () => {
    const inside = resolving('10.20.0.7');
    await expect(new TargetGuard(['motcua.example.vn'], inside).check(url)).resolves.toBeUndefined();
    await expect(new TargetGuard(['10.20.0.0/16'], inside).check(url)).resolves.toBeUndefined();
    await expect(new TargetGuard(['10.20.0.7'], inside).check(url)).resolves.toBeUndefined();
    await expect(new TargetGuard(['10.21.0.0/16'], inside).check(url)).rejects.toThrow(TargetRefused);
  });

  it('resolves names as the system does: localhost is refused unless allowed', async () => {
    await expect(new TargetGuard([]).check(new URL('http://localhost/'))).rejects.toThrow(TargetRefused);
    await expect(new TargetGuard(['localhost']).check(new URL('http://localhost/'))).resolves.toBeUndefined();
  });

  it('connects only to an allowed address: a request to localhost fails before reaching it', async () => {
    source.requests = 0;
    const request = requestSource(
      new URL(`http://localhost:${source.port}/token`),
      { method: 'GET', headers: {} },
      { timeoutMs: 5_000, signal: new AbortController().signal, guard: new TargetGuard([]), maxBytes: 1024 },
    );
    await expect(request).rejects.toMatchObject({ kind: 'refused' });
    expect(source.requests).toBe(0);
  });

  it('refuses at connection time when a name resolves to a refused address, whatever it said at save', async () => {
    const guard = new TargetGuard([], resolving('203.113.1.5', '127.0.0.1'));
    const error = await new Promise<unknown>((resolve) =>
      guard.lookup('motcua.example.vn', { all: true }, (failure) => resolve(failure)),
    );
    expect(error).toBeInstanceOf(TargetRefused);
  });
});
