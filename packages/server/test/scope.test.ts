import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../src/modules/audit/audit.service.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
let admin: string;
let officer: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin', ADMIN_PASSWORD);
  await t.createUser(admin, {
    username: 'thanhsen.officer',
    displayName: 'Cán bộ phường Thành Sen',
    roles: ['unit_officer'],
    orgUnitCode: '18073',
    password: 'officer-pass-1',
  });
  officer = await t.login('thanhsen.officer', 'officer-pass-1');
});
afterAll(() => t.stop());

const profile = (unit: string, cookie: string, payload?: object) =>
  t.app.inject({
    method: payload ? 'PATCH' : 'GET',
    url: `/api/v1/orgunits/${unit}/profile`,
    headers: { cookie },
    ...(payload ? { payload } : {}),
  });

describe('org-unit scope', () => {
  it('lets a commune officer read and write their own commune', async () => {
    const write = await profile('18073', officer, { headName: 'Nguyễn Văn A', population: 52_000 });
    expect(write.statusCode).toBe(200);
    expect(write.json()).toMatchObject({
      unitId: '18073',
      headName: 'Nguyễn Văn A',
      population: 52_000,
      updatedBy: 'thanhsen.officer',
    });
    const read = await profile('18073', officer);
    expect(read.json().population).toBe(52_000);
  });

  it("refuses another commune's data with 403, read or write, and changes nothing", async () => {
    const read = await profile('18100', officer);
    expect(read.statusCode).toBe(403);
    expect(read.json().error.code).toBe('OUT_OF_SCOPE');
    const write = await profile('18100', officer, { population: 1 });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('OUT_OF_SCOPE');
    const stored = await t.platform.db
      .selectFrom('unit_profiles')
      .selectAll()
      .where('unit_id', '=', '18100')
      .executeTakeFirst();
    expect(stored).toBeUndefined();
  });

  it('lets the province administrator see and edit every commune', async () => {
    expect((await profile('18100', admin, { population: 40_000 })).statusCode).toBe(200);
    expect((await profile('18073', admin)).json().population).toBe(52_000);
    expect((await profile('18844', admin)).statusCode).toBe(200);
  });

  it('answers 404 for a unit that does not exist', async () => {
    expect((await profile('99999', admin)).statusCode).toBe(404);
  });

  it('puts every one of these writes in the audit log with who, where from, before and after', async () => {
    const log = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit?action=orgunits.profile.update',
      headers: { cookie: admin },
    });
    const entries = log.json().entries as {
      actorName: string;
      entityId: string;
      ip: string;
      before: unknown;
      after: { population: number };
    }[];
    expect(entries.map((e) => [e.actorName, e.entityId])).toEqual([
      ['admin', '18100'],
      ['thanhsen.officer', '18073'],
    ]);
    expect(entries[1]!.ip).toBe('127.0.0.1');
    expect(entries[1]!.after.population).toBe(52_000);
    expect(entries[0]!.before).toMatchObject({ population: null });
    const byUser = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit?actor=thanhsen.officer',
      headers: { cookie: admin },
    });
    expect(byUser.json().entries.map((e: { action: string }) => e.action)).toEqual([
      'access.denied',
      'orgunits.profile.update',
      'auth.login',
    ]);
    expect((await verifyChain(t.platform.db)).ok).toBe(true);
  });

  it('audits the refused write to another commune, not the refused read', async () => {
    const log = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit?action=access.denied',
      headers: { cookie: admin },
    });
    const entries = log.json().entries as {
      actorName: string;
      entityId: string;
      after: { code: string; method: string };
    }[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorName: 'thanhsen.officer',
      entityId: '/api/v1/orgunits/18100/profile',
      after: { code: 'OUT_OF_SCOPE', method: 'PATCH' },
    });
  });

  it('keeps the audit log from the officer', async () => {
    const log = await t.app.inject({ method: 'GET', url: '/api/v1/audit', headers: { cookie: officer } });
    expect(log.statusCode).toBe(403);
  });
});
