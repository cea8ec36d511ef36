/**
 * Every route of the OpenAPI document, sent a few hundred spoiled requests built from its own schemas (seeded, so a
 * failure replays): wrong types, NULs, huge and non-finite numbers, impossible dates, long and odd text, nested nulls,
 * missing and extra fields, whole bodies of the wrong shape, and bad path and query parameters. As the administrator,
 * so that permission never hides a route. The IOC must never answer 500, must give the error body with a known code
 * on every 4xx, and must store nothing when it refuses a write.
 */
import { ERROR_CODES } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom, seedOf } from './fuzz/random.ts';
import {
  type OpenApi,
  type Operation,
  operationsOf,
  type Plan,
  type Request,
  type RouteSampler,
  requestsFor,
  urlOf,
} from './fuzz/requests.ts';
import { changedTables, type RowCounter, rowCounter } from './fuzz/stored-rows.ts';
import { ADMIN_PASSWORD, ENGINE, startTestApp, type TestApp } from './harness.ts';

const SEED = 13;
/** Writes are sent one at a time, the rows counted after each; reads go a few at a time, so they get more cases. */
const WRITE_PLAN: Plan = { parameterCases: 60, aimedBodies: 60, bodyCases: 80 };
const READ_PLAN: Plan = { parameterCases: 120, aimedBodies: 0, bodyCases: 0 };
const READS_AT_ONCE = 4;
/** Routes that check a password: each request that passes validation costs an argon2 hash. */
const HASHING = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/password']);
const HASHING_CASES = 40;

const SKIPPED: Record<string, string> = {
  'GET /api/v1/stream': 'Server-Sent Events: the answer never ends, so there is no status or body to judge',
  'POST /api/v1/auth/logout': 'takes no body or parameter to spoil, and would end the session the fuzz runs in',
};
/** A refused sign-in or password change is recorded on purpose (the lock-out counts it). */
const RECORDS_REFUSALS = HASHING;

let t: TestApp;
const cookies: Record<string, string> = {};
const fixtures: Record<string, string> = {};
const problems = { serverErrors: [] as string[], shapes: [] as string[], stored: [] as string[] };
const timing = { requests: 0, writes: 0, byRoute: new Map<string, number>() };

/** Judges one answer; returns true when nothing should have been stored (a refusal, or a failure). */
function judge(operation: Operation, request: Request, status: number, body: string): boolean {
  const label = `${operation.name} [${request.kind}] → ${status}`;
  if (status >= 500) {
    problems.serverErrors.push(`${label} ${body.slice(0, 160)}`);
    return true;
  }
  if (status < 400) return false;
  let error: { code?: unknown; message?: unknown } | undefined;
  try {
    error = (JSON.parse(body) as { error?: { code?: unknown; message?: unknown } }).error;
  } catch {
    error = undefined;
  }
  if (!error || typeof error.code !== 'string' || !(error.code in ERROR_CODES) || typeof error.message !== 'string') {
    problems.shapes.push(`${label} ${body.slice(0, 160)}`);
  }
  return true;
}

async function run(operation: Operation, request: Request, cookie: string | undefined) {
  const response = await t.app.inject({
    method: operation.method as 'GET',
    url: urlOf(operation, request),
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(request.payload !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(request.payload !== undefined ? { payload: request.payload } : {}),
  });
  timing.requests++;
  return response;
}

async function fuzz(operation: Operation, rows: RowCounter) {
  const sampler: RouteSampler = {
    random: seededRandom(seedOf(operation.name, SEED)),
    resolve: (ref) => fuzzDocument.components?.schemas?.[ref.split('/').at(-1) ?? ''],
    fixtures,
  };
  const planned = requestsFor(operation, sampler, operation.method === 'GET' ? READ_PLAN : WRITE_PLAN);
  const requests = HASHING.has(operation.name) ? planned.slice(0, HASHING_CASES) : planned;
  const started = performance.now();
  const cookie =
    operation.name === 'POST /api/v1/auth/login'
      ? undefined
      : operation.name === 'POST /api/v1/auth/password'
        ? cookies.fuzzer
        : cookies.admin;
  if (operation.method === 'GET') {
    for (let i = 0; i < requests.length; i += READS_AT_ONCE) {
      const batch = requests.slice(i, i + READS_AT_ONCE);
      const answers = await Promise.all(batch.map((request) => run(operation, request, cookie)));
      for (const [j, response] of answers.entries()) judge(operation, batch[j]!, response.statusCode, response.body);
    }
  } else {
    const checked = !RECORDS_REFUSALS.has(operation.name);
    let before = checked ? await rows.count() : {};
    for (const request of requests) {
      const response = await run(operation, request, cookie);
      const refused = judge(operation, request, response.statusCode, response.body);
      if (!checked) continue;
      timing.writes++;
      const after = await rows.count();
      const changed = refused ? changedTables(before, after) : [];
      if (changed.length > 0) {
        problems.stored.push(`${operation.name} [${request.kind}] → ${response.statusCode}: ${changed.join(', ')}`);
      }
      before = after;
    }
  }
  timing.byRoute.set(operation.name, performance.now() - started);
}

let fuzzDocument: OpenApi;
let counter: RowCounter | undefined;

async function ok(method: 'POST', url: string, payload: object): Promise<Record<string, unknown>> {
  const response = await t.app.inject({ method, url, headers: { cookie: cookies.admin! }, payload });
  if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  return response.json() as Record<string, unknown>;
}

/** Rows the routes with an id can find, so a valid request goes past the 404; the fuzz's own user for its changes. */
async function makeFixtures() {
  const user = await t.createUser(cookies.admin!, {
    username: 'fuzzer',
    displayName: 'Fuzz',
    roles: ['leader'],
    orgUnitCode: '42',
    password: 'fuzzer-pass-1234',
  });
  cookies.fuzzer = await t.login('fuzzer', 'fuzzer-pass-1234');
  fixtures['/api/v1/users/{id}'] = String(user.id);
  fixtures['/api/v1/roles/{code}'] = 'fuzz_role';
  const created = (await ok('POST', '/api/v1/documents', {
    direction: 'outgoing',
    typeName: 'Công văn',
    codeNotation: 'UBND-VX',
    issuedDate: '2026-11-02',
    organ: { organName: 'UBND tỉnh Hà Tĩnh' },
    subject: 'Về việc kiểm thử',
  })) as { document: { id: number } };
  fixtures['/api/v1/documents/{id}'] = String(created.document.id);
  const task = (await ok('POST', '/api/v1/tasks', {
    title: 'Kiểm thử',
    leadUnit: 'SYT',
    dueDate: '2099-12-31',
    documentId: created.document.id,
  })) as { task: { id: number } };
  fixtures['/api/v1/tasks/{id}'] = String(task.task.id);
  const feedback = (await ok('POST', '/api/v1/public-services/feedback', {
    kind: 'feedback',
    subject: 'Kiểm thử',
    content: 'Nội dung',
  })) as { code: string };
  fixtures['/api/v1/public-services/feedback/{code}'] = feedback.code;
}

beforeAll(async () => {
  t = await startTestApp({ IOC_CONNECTOR_TIMEOUT: '1' });
  cookies.admin = await t.login('admin', ADMIN_PASSWORD);
  await makeFixtures();
  fuzzDocument = t.app.swagger() as unknown as OpenApi;
  counter = await rowCounter(t.platform.db, t.database.env.IOC_DATABASE_URL);
  const started = performance.now();
  for (const operation of operationsOf(fuzzDocument, SKIPPED)) await fuzz(operation, counter);
  const slowest = [...timing.byRoute].sort((a, b) => b[1] - a[1]).slice(0, 5);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.info(
    `fuzz on ${ENGINE}: ${timing.requests} requests (${timing.writes} writes, rows counted after each) ` +
      `in ${seconds(performance.now() - started)}; slowest routes: ` +
      slowest.map(([name, ms]) => `${name} ${seconds(ms)}`).join(', '),
  );
}, 300_000);
afterAll(async () => {
  await counter?.close();
  await t?.stop();
});

describe(`fuzzing every route from its OpenAPI schemas (${ENGINE})`, () => {
  it('sends a few hundred requests to every route but the skipped ones', () => {
    expect(Object.keys(fuzzDocument.paths).length).toBeGreaterThan(90);
    expect(timing.requests).toBeGreaterThan(8_000);
  });
  it('never answers 500', () => {
    expect(problems.serverErrors.slice(0, 30)).toEqual([]);
  });
  it('answers every refusal with the error body and a known code', () => {
    expect(problems.shapes.slice(0, 30)).toEqual([]);
  });
  it('stores nothing when it refuses a write (or fails one)', () => {
    expect(problems.stored.slice(0, 30)).toEqual([]);
  });
});
