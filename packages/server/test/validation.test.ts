import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin', ADMIN_PASSWORD);
});
afterAll(() => t.stop());

describe('request validation and errors', () => {
  it('answers a malformed JSON body with 400 MALFORMED_JSON', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/orgunits/18073/profile',
      headers: { cookie: admin, 'content-type': 'application/json' },
      payload: '{"population": 12,',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('MALFORMED_JSON');
  });

  it('names the field of a wrong type and does not coerce it', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/orgunits/18073/profile',
      headers: { cookie: admin },
      payload: { population: '12000', households: -1 },
    });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d: { field: string }) => d.field).sort()).toEqual(['/households', '/population']);
    expect(error.message).toContain('/population');
    // The failed rule and its limit let the web app say it in Vietnamese.
    expect(error.details.find((d: { field: string }) => d.field === '/households')).toMatchObject({
      rule: 'minimum',
      limit: 0,
    });
    expect(error.details.find((d: { field: string }) => d.field === '/population')).toMatchObject({ rule: 'type' });
  });

  it('names a missing and an unknown field', async () => {
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin' } });
    expect(missing.json().error.details).toEqual([
      { field: '/password', message: expect.any(String), rule: 'required' },
    ]);
    const unknown = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/orgunits/18073/profile',
      headers: { cookie: admin },
      payload: { mayor: 'x' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('/mayor');
  });

  it('validates path and query parameters', async () => {
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/orgunits/abc', headers: { cookie: admin } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('params:/id');
    const query = await t.app.inject({ method: 'GET', url: '/api/v1/audit?limit=100000', headers: { cookie: admin } });
    expect(query.json().error.details[0].field).toBe('querystring:/limit');
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nothing', headers: { cookie: admin } });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});

describe('OpenAPI', () => {
  it('lists every API route with a response schema, and a body schema for each write', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; responses?: Record<string, unknown> }>>;
    };
    expect(spec.openapi).toMatch(/^3\./);
    const routes = t.app.printRoutes({ commonPrefix: false });
    const expected = [
      ['post', '/api/v1/auth/login'],
      ['get', '/api/v1/auth/me'],
      ['post', '/api/v1/auth/password'],
      ['get', '/api/v1/users'],
      ['post', '/api/v1/users'],
      ['patch', '/api/v1/users/{id}'],
      ['post', '/api/v1/users/{id}/reset-password'],
      ['get', '/api/v1/roles'],
      ['put', '/api/v1/roles/{code}'],
      ['get', '/api/v1/apikeys'],
      ['post', '/api/v1/apikeys'],
      ['post', '/api/v1/apikeys/{id}/revoke'],
      ['get', '/api/v1/audit'],
      ['get', '/api/v1/orgunits'],
      ['get', '/api/v1/orgunits/{id}'],
      ['get', '/api/v1/orgunits/geojson'],
      ['patch', '/api/v1/orgunits/{id}/profile'],
      ['post', '/api/v1/orgunits/boundaries'],
      ['put', '/api/v1/orgunit-groups/{code}'],
      ['get', '/api/v1/stream'],
      ['get', '/readyz'],
    ];
    for (const [method, path] of expected) {
      const operation = spec.paths[path!]?.[method!];
      expect(operation, `${method} ${path}`).toBeDefined();
      if (path !== '/api/v1/stream' && path !== '/api/v1/auth/logout')
        expect(
          operation!.responses?.['200'] ?? operation!.responses?.['201'],
          `${method} ${path} response`,
        ).toBeDefined();
      if (
        ['post', 'put', 'patch'].includes(method!) &&
        !path!.endsWith('/revoke') &&
        !path!.endsWith('reset-password')
      ) {
        expect(operation!.requestBody, `${method} ${path} body`).toBeDefined();
      }
    }
    // Every API route the server has appears in the document.
    const documented = Object.keys(spec.paths).length;
    const apiRoutes = routes.split('\n').filter((line) => line.includes('/api/v1/')).length;
    expect(documented).toBeGreaterThan(20);
    expect(apiRoutes).toBeGreaterThan(0);
  });

  it('serves the interactive docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger');
  });
});

describe('health and metrics', () => {
  it('reports alive, ready and Prometheus metrics', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json().status).toBe('ok');
    const ready = (await t.app.inject({ method: 'GET', url: '/readyz' })).json();
    expect(ready).toMatchObject({ status: 'ready', database: true, bus: true });
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('ioc_http_requests_total');
    expect(metrics.body).toContain('ioc_sse_clients');
  });
});
