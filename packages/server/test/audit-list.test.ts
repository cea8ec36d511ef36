import type { AuditPage } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditedWrite } from '../src/modules/audit/audit.service.ts';
import { type Actor, systemActor } from '../src/modules/auth/actor.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
let admin: string;
/** The id of each entry written below, by its letter. */
const ids: Record<string, number> = {};

/**
 * Written in this order (so ids follow it), with recorded times out of that order, as the demo's history writes them:
 *   a alice (user)            trial.user.update  user        2026-03-01 10:00
 *   b demo (system, no ip)    trial.sync.dossiers ps_dossier 2025-06-01
 *   c onestop (API key)       trial.sync.dossiers ps_dossier 2026-03-02
 *   d anonymous (system + ip) trial.login.failed  user       2026-03-01 10:00 (the same instant as a)
 *   e cli:ops (command line)  trial.user.create  user        2024-01-01
 *   f alice (user)            trial.task.report  task        2026-03-03
 * Newest first, ties by id: f c d a b e.
 */
const ENTRIES: [string, Partial<Actor>, string, string, string][] = [
  ['a', { type: 'user', id: 1, name: 'alice', ip: '10.0.0.1' }, 'trial.user.update', 'user', '2026-03-01T10:00:00Z'],
  ['b', { name: 'demo' }, 'trial.sync.dossiers', 'ps_dossier', '2025-06-01T00:00:00Z'],
  [
    'c',
    { type: 'apikey', id: 7, name: 'onestop', ip: '10.0.0.9' },
    'trial.sync.dossiers',
    'ps_dossier',
    '2026-03-02T00:00:00Z',
  ],
  ['d', { name: 'anonymous', ip: '203.0.113.5' }, 'trial.login.failed', 'user', '2026-03-01T10:00:00Z'],
  ['e', { name: 'cli:ops' }, 'trial.user.create', 'user', '2024-01-01T00:00:00Z'],
  ['f', { type: 'user', id: 1, name: 'alice', ip: '10.0.0.1' }, 'trial.task.report', 'task', '2026-03-03T00:00:00Z'],
];

beforeAll(async () => {
  t = await startTestApp({}, { now: new Date('2026-03-10T00:00:00Z') });
  admin = await t.login('admin', ADMIN_PASSWORD);
  for (const [letter, who, action, entityType, at] of ENTRIES) {
    const actor: Actor = { ...systemActor('x', t.platform.config.rootUnit), ...who };
    await auditedWrite(
      t.platform.db,
      actor,
      { action, entityType, entityId: letter },
      async () => ({ before: null, after: { letter }, result: undefined }),
      () => new Date(at),
    );
    const row = await t.platform.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_id', '=', letter)
      .where('action', '=', action)
      .executeTakeFirstOrThrow();
    ids[letter] = row.id;
  }
});
afterAll(() => t.stop());

async function list(query: Record<string, string>): Promise<AuditPage> {
  const response = await t.app.inject({
    method: 'GET',
    url: '/api/v1/audit',
    query: { action: 'trial.', ...query },
    headers: { cookie: admin },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as AuditPage;
}

const letters = (page: AuditPage) => page.entries.map((entry) => entry.entityId);

describe('audit list order and filters', () => {
  it('lists entries newest first by their recorded time, ties by id, whatever order they were written in', async () => {
    expect(ids.a! < ids.b! && ids.b! < ids.f!).toBe(true);
    expect(letters(await list({}))).toEqual(['f', 'c', 'd', 'a', 'b', 'e']);
  });

  it('pages on after the last entry shown, by its time and id', async () => {
    const first = await list({ limit: '2' });
    expect(letters(first)).toEqual(['f', 'c']);
    expect(first.nextBeforeId).toBe(ids.c);
    const second = await list({ limit: '2', beforeId: String(first.nextBeforeId) });
    // d and a share an instant: the page boundary falls between entries of one time without losing either.
    expect(letters(second)).toEqual(['d', 'a']);
    const third = await list({ limit: '2', beforeId: String(second.nextBeforeId) });
    expect(letters(third)).toEqual(['b', 'e']);
    const last = await list({ limit: '2', beforeId: String(third.nextBeforeId) });
    expect(letters(last)).toEqual([]);
    expect(last.nextBeforeId).toBeNull();
  });

  it('hides automated entries (the IOC on its own, API keys) but keeps refused requests and the command line', async () => {
    expect(letters(await list({ hideAutomated: 'true' }))).toEqual(['f', 'd', 'a', 'e']);
    expect(letters(await list({ hideAutomated: 'false' }))).toEqual(['f', 'c', 'd', 'a', 'b', 'e']);
  });

  it('filters by entity type, by kind of actor and by user', async () => {
    expect(letters(await list({ entityType: 'user' }))).toEqual(['d', 'a', 'e']);
    expect(letters(await list({ actorType: 'user' }))).toEqual(['f', 'a']);
    expect(letters(await list({ actorType: 'system' }))).toEqual(['d', 'b', 'e']);
    expect(letters(await list({ actor: 'alice', entityType: 'task' }))).toEqual(['f']);
    expect(letters(await list({ action: 'trial.sync.', hideAutomated: 'true' }))).toEqual([]);
  });

  it('refuses a filter outside its schema, naming it', async () => {
    const refused: Record<string, string>[] = [
      { actorType: 'robot' },
      { entityType: 'User; drop' },
      { hideAutomated: 'perhaps' },
    ];
    for (const query of refused) {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/audit', query, headers: { cookie: admin } });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toContain(Object.keys(query)[0]);
    }
  });
});
