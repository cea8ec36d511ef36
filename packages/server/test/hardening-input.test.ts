/**
 * What a hostile or unlucky request sends, refused alike on SQLite and PostgreSQL with a 400 naming the field
 * (issue 13): NUL characters, integers beyond the columns, non-finite numbers, impossible dates, broken boundary
 * files; and every answer, the router's included, in the IOC's error body.
 */
import { connect } from 'node:net';
import { MAX_ID } from '@ioc/shared';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameworkErrors, registerErrorHandling } from '../src/http/errors.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin', ADMIN_PASSWORD);
});
afterAll(() => t.stop());

interface FieldError {
  field: string;
  rule?: string;
}

/** Sends JSON as text, so that `1e400` reaches the server as written. */
async function send(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  json?: string,
  cookie: string | null = admin,
) {
  const response = await t.app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(json === undefined ? {} : { payload: json }),
  });
  const body = response.body ? (response.json() as { error?: { code: string; details?: FieldError[] } }) : {};
  return { status: response.statusCode, body, fields: (body.error?.details ?? []).map((d) => d.field) };
}

const element = (extra: string) =>
  `{"name":"Thử","nameEn":"Test","unit":"người","valueType":"number","aggregation":"sum","frequency":"month"${extra}}`;

describe('NUL characters', () => {
  it('refuses a NUL in a body field, naming it, and stores nothing', async () => {
    const refused = await send('PUT', '/api/v1/data-elements/NUL_TEST', element(',"owner":"Sở\\u0000Y tế"'));
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe('VALIDATION_FAILED');
    expect(refused.body.error?.details).toContainEqual(expect.objectContaining({ field: '/owner', rule: 'nul' }));
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/data-elements', headers: { cookie: admin } });
    expect(list.json().map((e: { code: string }) => e.code)).not.toContain('NUL_TEST');
  });

  it('refuses a NUL in a query parameter, naming it', async () => {
    const refused = await send('GET', '/api/v1/documents?q=a%00b');
    expect(refused.status).toBe(400);
    expect(refused.fields).toEqual(['querystring:/q']);
  });

  it('refuses a NUL in a free-form record and in a key, naming where', async () => {
    const record = `{"MaHoSo":"H1","MaTTHC":"1.1","NgayTiepNhan":"20250301080000","TrangThaiHoSo":1,"DonViXuLy":"Sở Y tế","ChuHoSo":"A\\u0000B","x\\u0000":1}`;
    const refused = await send('POST', '/api/v1/public-services/sync', `{"service":"DongBoHoSoMC","data":[${record}]}`);
    expect(refused.status).toBe(400);
    expect(refused.fields).toEqual(expect.arrayContaining(['/data/0/ChuHoSo', '/data/0/x\\u0000']));
  });

  it('refuses a NUL in the sign-in before checking it: the attempt is never a 500, nor counted', async () => {
    await t.createUser(admin, {
      username: 'nul-user',
      displayName: 'NUL',
      roles: ['operator'],
      orgUnitCode: '42',
      password: 'nul-user-pass-1',
    });
    const byName = await send('POST', '/api/v1/auth/login', '{"username":"nul-user\\u0000","password":"x"}', null);
    expect(byName.status).toBe(400);
    expect(byName.fields).toEqual(['/username']);
    // More NUL attempts than the lock-out allows wrong passwords: none is counted, the right password still works.
    for (let i = 0; i < 7; i++) {
      const byPassword = await send(
        'POST',
        '/api/v1/auth/login',
        '{"username":"nul-user","password":"p\\u0000"}',
        null,
      );
      expect(byPassword.status).toBe(400);
      expect(byPassword.fields).toEqual(['/password']);
    }
    expect(await t.login('nul-user', 'nul-user-pass-1')).toMatch(/^ioc_session=/);
  });
});

describe('integers beyond their columns', () => {
  it('answers 400 for an id no 32-bit column holds, in the path, the query and the body', async () => {
    for (const url of ['/api/v1/tasks/99999999999', '/api/v1/files/1e400', `/api/v1/documents/${MAX_ID + 1}`]) {
      const refused = await send('GET', url);
      expect(refused.status, url).toBe(400);
      expect(refused.fields, url).toEqual(['params:/id']);
    }
    expect((await send('GET', `/api/v1/documents/${MAX_ID}`)).status).toBe(404);
    const offset = await send('GET', '/api/v1/tasks?offset=1e400');
    expect(offset.fields).toEqual(['querystring:/offset']);
    const task = await send(
      'POST',
      '/api/v1/tasks',
      '{"title":"x","leadUnit":"SYT","dueDate":"2099-01-01","documentId":1e400}',
    );
    expect(task.status).toBe(400);
    expect(task.fields).toEqual(['/documentId']);
  });

  it('bounds an integer a route declared without bounds', async () => {
    const refused = await send('POST', '/api/v1/tasks/1/extensions/99999999999/decision', '{"approve":true}');
    expect(refused.status).toBe(400);
    expect(refused.fields).toEqual(['params:/extensionId']);
  });
});

describe('finite numbers only', () => {
  it('refuses 1e400 and a figure beyond ±1e15, and the catalogue still answers', async () => {
    const infinite = await send('PUT', '/api/v1/data-elements/BIG_TEST', element(',"maxValue":1e400'));
    expect(infinite.status).toBe(400);
    expect(infinite.fields).toEqual(['/maxValue']);
    const huge = await send('PUT', '/api/v1/data-elements/BIG_TEST', element(',"minValue":-1e16'));
    expect(huge.fields).toEqual(['/minValue']);
    expect((await send('GET', '/api/v1/data-elements')).status).toBe(200);
    const constant = await send('PUT', '/api/v1/indicator-constants/BIG_C', '{"name":"x","value":1e400}');
    expect(constant.fields).toEqual(['/value']);
    const target = await send('PUT', '/api/v1/indicators/ANY/targets/42/2026', '{"value":-1e400}');
    expect(target.fields).toEqual(['/value']);
    const values = await send(
      'POST',
      '/api/v1/data-values',
      '{"values":[{"element":"POP","unit":"18073","period":"202601","value":1e400}]}',
    );
    expect(values.fields).toEqual(['/values/0/value']);
  });
});

describe('impossible dates', () => {
  it('refuses 30 February, year 0000 and 25:00 in query parameters, naming them', async () => {
    const cases: [string, string][] = [
      ['/api/v1/documents?from=2025-02-30', 'querystring:/from'],
      ['/api/v1/tasks?dueFrom=0000-01-01', 'querystring:/dueFrom'],
      ['/api/v1/tasks/summary?to=2025-13-01', 'querystring:/to'],
      ['/api/v1/public-services/dossiers?from=2025-02-29', 'querystring:/from'],
      ['/api/v1/audit?from=2025-01-01T25:00:00Z', 'querystring:/from'],
      ['/api/v1/audit?to=2016-12-31T23:59:60Z', 'querystring:/to'],
      ['/api/v1/indicator-values?codes=GRDP&unit=42&period=0000', 'querystring:/period'],
      ['/api/v1/discipline?period=000001', 'querystring:/period'],
    ];
    for (const [url, field] of cases) {
      const refused = await send('GET', url);
      expect(refused.status, url).toBe(400);
      expect(refused.fields, url).toEqual([field]);
    }
  });

  it('refuses an impossible calendar day in the path', async () => {
    for (const day of ['2025-02-30', '0000-01-01']) {
      const refused = await send('PUT', `/api/v1/calendar-days/${day}`, '{"kind":"holiday","name":"x"}');
      expect(refused.status, day).toBe(400);
      expect(refused.fields, day).toEqual(['params:/date']);
    }
  });

  it('refuses a trace time of 25:00 and a year 0000 in a body, and stores nothing', async () => {
    const document = (trace: string, extra = '') =>
      `{"direction":"outgoing","typeName":"Công văn","codeNotation":"UBND","issuedDate":"2026-01-05",` +
      `"organ":{"organName":"UBND tỉnh"},"subject":"Thử","trace":[{"at":"${trace}"}]${extra}}`;
    const before = (await send('GET', '/api/v1/documents')).body as { documents?: unknown[] };
    const late = await send('POST', '/api/v1/documents', document('2025-03-01T25:00:00+07:00'));
    expect(late.status).toBe(400);
    expect(late.fields).toEqual(['/trace/0/at']);
    const words = await send('POST', '/api/v1/documents', document('yesterday'));
    expect(words.fields).toEqual(['/trace/0/at']);
    const ancient = await send(
      'POST',
      '/api/v1/documents',
      document('2025-03-01T08:00:00+07:00', ',"dueDate":"0000-01-01"'),
    );
    expect(ancient.fields).toEqual(['/dueDate']);
    const feedback = await send(
      'POST',
      '/api/v1/public-services/feedback',
      '{"kind":"feedback","subject":"x","content":"y","receivedAt":"0000-01-01T00:00:00Z"}',
    );
    expect(feedback.fields).toEqual(['/receivedAt']);
    const after = (await send('GET', '/api/v1/documents')).body as { documents?: unknown[] };
    expect(after.documents?.length).toBe(before.documents?.length);
  });

  it('refuses a portal date in year 0000 record by record', async () => {
    const record = `{"MaHoSo":"H0","MaTTHC":"1.1","NgayTiepNhan":"00000101080000","TrangThaiHoSo":1,"DonViXuLy":"Sở Y tế"}`;
    const synced = await send(
      'POST',
      '/api/v1/public-services/sync?mode=valid',
      `{"service":"DongBoHoSoMC","data":[${record}]}`,
    );
    expect(synced.status).toBe(200);
    const result = synced.body as unknown as { created: number; refused: { field: string }[] };
    expect(result.created).toBe(0);
    expect(result.refused.map((p) => p.field)).toContain('/NgayTiepNhan');
  });
});

describe('boundary import', () => {
  const importBoundaries = (json: string) => send('POST', '/api/v1/orgunits/boundaries', json);

  it('refuses a feature that is null or not an object, naming it', async () => {
    const refused = await importBoundaries('{"type":"FeatureCollection","features":[null, 7]}');
    expect(refused.status).toBe(400);
    expect(refused.fields).toEqual(['/features/0', '/features/1']);
  });

  it('refuses a geometry type that is an object, naming the geometry', async () => {
    const feature = `{"type":"Feature","properties":{"code":"18073"},"geometry":{"type":{"toString":1,"valueOf":1},"coordinates":[]}}`;
    const refused = await importBoundaries(`{"type":"FeatureCollection","features":[${feature}]}`);
    expect(refused.status).toBe(400);
    expect(refused.fields).toEqual(['/features/0/geometry']);
  });
});

describe('router-level errors', () => {
  const shaped = (body: string) => {
    const error = (JSON.parse(body) as { error?: { code?: unknown; message?: unknown } }).error;
    return typeof error?.code === 'string' && typeof error.message === 'string';
  };

  it('gives the error body when Fastify is given the IOC framework error handler', async () => {
    const app = Fastify({ frameworkErrors });
    registerErrorHandling(app);
    app.get('/x/:id', async () => 'ok');
    const answer = await app.inject({ method: 'GET', url: '/x/%zz' });
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: [{ field: 'url' }] } });
    await app.close();
  });

  it('answers a bad percent-encoding and an over-long path segment with the error body', async () => {
    for (const url of ['/api/v1/%zz', '/api/v1/tasks/%E0%A4%A', `/api/v1/orgunits/${'1'.repeat(200)}`]) {
      const answer = await t.app.inject({ method: 'GET', url, headers: { cookie: admin } });
      expect(answer.statusCode, url).toBe(400);
      expect(shaped(answer.body), `${url}: ${answer.body}`).toBe(true);
    }
  });

  it('answers unknown routes and methods with the error body', async () => {
    for (const method of ['GET', 'PROPFIND', 'DELETE', 'OPTIONS']) {
      const answer = await t.app.inject({
        method: method as 'GET',
        url: '/api/v1/no-such-route',
        headers: { cookie: admin },
      });
      expect(answer.statusCode, method).toBe(404);
      expect(answer.json(), method).toMatchObject({ error: { code: 'NOT_FOUND' } });
    }
  });

  it("answers what Node's HTTP parser refuses (a 20 KB URL, an unknown method) with the error body", async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const rawAnswer = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(request));
        let received = '';
        socket.on('data', (chunk) => {
          received += chunk.toString();
        });
        socket.on('close', () => resolve(received));
        socket.on('error', reject);
      });
    const long = await rawAnswer(`GET /api/v1/${'x'.repeat(20_000)} HTTP/1.1\r\nHost: a\r\n\r\n`);
    expect(long).toMatch(/^HTTP\/1\.1 431 /);
    expect(shaped(long.slice(long.indexOf('\r\n\r\n') + 4))).toBe(true);
    const method = await rawAnswer('FOO /api/v1/tasks HTTP/1.1\r\nHost: a\r\n\r\n');
    expect(method).toMatch(/^HTTP\/1\.1 400 /);
    expect(shaped(method.slice(method.indexOf('\r\n\r\n') + 4))).toBe(true);
  });
});

describe('request schemas', () => {
  it('bound every integer and number a request may carry, and give dates their format', async () => {
    const document = t.app.swagger() as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { name: string; schema: object }[];
            requestBody?: { content: Record<string, { schema: object }> };
          }
        >
      >;
    };
    const unbounded: string[] = [];
    const visit = (schema: unknown, where: string) => {
      if (schema === null || typeof schema !== 'object') return;
      const node = schema as Record<string, unknown>;
      const types = ([] as unknown[]).concat(node.type ?? []);
      const numeric = types.includes('integer') || types.includes('number');
      const literal = 'const' in node || 'enum' in node;
      const bounded = (inclusive: unknown, exclusive: unknown) => inclusive !== undefined || exclusive !== undefined;
      const finite = bounded(node.minimum, node.exclusiveMinimum) && bounded(node.maximum, node.exclusiveMaximum);
      if (numeric && !literal && !finite) unbounded.push(where);
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties' && value && typeof value === 'object') {
          for (const [name, property] of Object.entries(value)) visit(property, `${where}/${name}`);
        } else if (typeof value === 'object') visit(value, where);
      }
    };
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        for (const parameter of operation.parameters ?? [])
          visit(parameter.schema, `${method} ${path} ${parameter.name}`);
        const body = operation.requestBody?.content['application/json']?.schema;
        if (body) visit(body, `${method} ${path} body`);
      }
    }
    // The task routes declare this route's parameters themselves; the validator's 32-bit default holds them (above).
    expect(unbounded.filter((where) => !where.includes('/{extensionId}/decision'))).toEqual([]);
  });
});
