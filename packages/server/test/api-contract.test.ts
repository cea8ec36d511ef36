import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { API_ROUTES, type RouteSchemas } from '@ioc/shared';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';

const REPO = join(import.meta.dirname, '../../..');
const WEB_SOURCES = join(REPO, 'packages/web/src');
/** Fastify announces every instance it creates on this channel, before any route is added to it. */
const FASTIFY_CREATED = 'fastify.initialization';
const PARTS = ['params', 'querystring', 'body'] as const;

/** A route's schema as the server registered it, as JSON: what validation and serialisation really use. */
interface RegisteredRoute {
  params?: unknown;
  querystring?: unknown;
  body?: unknown;
  response: Record<string, unknown>;
}

/** JSON of a schema: TypeBox's symbols and anything else JSON cannot say are left out on both sides alike. */
function json(schema: unknown): unknown {
  return schema === undefined ? undefined : JSON.parse(JSON.stringify(schema));
}

/**
 * What differs between the route map the web app is typed by and the routes the server registered: an entry the server
 * does not have, or one of its schemas (params, query string, body, success response) not the same as the server's.
 */
function contractProblems(
  routes: Readonly<Record<string, RouteSchemas>>,
  server: ReadonlyMap<string, RegisteredRoute>,
): string[] {
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(routes)) {
    const registered = server.get(key);
    if (!registered) {
      problems.push(`${key}: not registered on the server`);
      continue;
    }
    for (const part of PARTS) {
      if (!isDeepStrictEqual(json(entry[part]), registered[part])) problems.push(`${key}: ${part} differs`);
    }
    const status = entry.status ?? 200;
    if (!isDeepStrictEqual(json(entry.response), registered.response[status])) {
      problems.push(`${key}: response ${status} differs`);
    }
  }
  return problems;
}

function webSources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return webSources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

let app: TestApp;
const registered = new Map<string, RegisteredRoute>();

beforeAll(async () => {
  const record = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (route: RouteOptions) => {
      const schema = route.schema ?? {};
      const response = json(schema.response ?? {}) as Record<string, unknown>;
      for (const method of [route.method].flat()) {
        registered.set(`${method} ${route.url}`, {
          params: json(schema.params),
          querystring: json(schema.querystring),
          body: json(schema.body),
          response,
        });
      }
    });
  };
  subscribe(FASTIFY_CREATED, record);
  try {
    app = await startTestApp();
  } finally {
    unsubscribe(FASTIFY_CREATED, record);
  }
});
afterAll(() => app?.stop());

describe('the route map shared with the web app', () => {
  it('names routes the server registers, each with the server’s own schemas', () => {
    expect(registered.size).toBeGreaterThan(50);
    expect(contractProblems(API_ROUTES, registered)).toEqual([]);
  });

  it('fails when the server’s answer changes and the map does not follow', () => {
    const entry = API_ROUTES['GET /api/v1/tasks/:id'];
    // The server now answering one more required field, as a changed route schema would.
    const changed = json(registered.get('GET /api/v1/tasks/:id')?.response[200]) as {
      properties: Record<string, unknown>;
      required: string[];
    };
    changed.properties.reviewedBy = { type: 'string' };
    changed.required.push('reviewedBy');
    const server = new Map(registered).set('GET /api/v1/tasks/:id', {
      ...registered.get('GET /api/v1/tasks/:id'),
      response: { 200: changed },
    });
    expect(contractProblems({ 'GET /api/v1/tasks/:id': entry }, server)).toEqual([
      'GET /api/v1/tasks/:id: response 200 differs',
    ]);
    // And the other way: an altered copy of the entry no longer matches the unchanged server.
    const altered = { ...entry, response: changed };
    expect(contractProblems({ 'GET /api/v1/tasks/:id': altered }, registered)).toEqual([
      'GET /api/v1/tasks/:id: response 200 differs',
    ]);
    expect(contractProblems({ 'GET /api/v1/tasks/:id/history': entry }, registered)).toEqual([
      'GET /api/v1/tasks/:id/history: not registered on the server',
    ]);
  });

  it('types every /api/v1 call of the web app: no path is written by hand, and every key is in the map', () => {
    const handWritten: string[] = [];
    const used = new Set<string>();
    for (const file of webSources(WEB_SOURCES)) {
      const text = readFileSync(file, 'utf8');
      const name = relative(REPO, file);
      // A literal starting with the API's path is a call or a link that bypasses the typed client.
      for (const match of text.matchAll(/['"`]\/api\/v1[^'"`]*/g)) handWritten.push(`${name}: ${match[0]}`);
      for (const match of text.matchAll(/'((?:GET|POST|PUT|PATCH|DELETE) \/api\/v1\/[^']*)'/g)) used.add(match[1]!);
    }
    expect(handWritten).toEqual([]);
    const keys = Object.keys(API_ROUTES);
    expect([...used].filter((key) => !keys.includes(key))).toEqual([]);
    // The map lists what the web app calls, nothing more: an entry nobody calls is a contract nobody checks.
    expect(keys.filter((key) => !used.has(key))).toEqual([]);
  });
});
