import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditedWrite, GENESIS_HASH, verifyChain } from '../src/modules/audit/audit.service.ts';
import { systemActor } from '../src/modules/auth/actor.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.login('admin', ADMIN_PASSWORD);
  for (const population of [1000, 2000, 3000]) {
    await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/orgunits/18073/profile',
      headers: { cookie: admin },
      payload: { population },
    });
  }
});
afterAll(() => t.stop());

const ioc = join(import.meta.dirname, '../bin/ioc.mjs');

describe('audit chain', () => {
  it('links every entry to the one before it', async () => {
    const rows = await t.platform.db
      .selectFrom('audit_log')
      .select(['id', 'prev_hash', 'hash'])
      .orderBy('id')
      .execute();
    expect(rows.length).toBeGreaterThan(4);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(await verifyChain(t.platform.db)).toMatchObject({ ok: true, checked: rows.length });
  });

  it('stores nothing when the write fails: change and audit entry are one transaction', async () => {
    const before = await t.platform.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      auditedWrite(
        t.platform.db,
        systemActor('test', '42'),
        { action: 'test.fail', entityType: 'x', entityId: null },
        async (trx) => {
          await trx.updateTable('unit_profiles').set({ population: 999 }).where('unit_id', '=', '18073').execute();
          throw new Error('boom');
        },
      ),
    ).rejects.toThrow('boom');
    const after = await t.platform.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const profile = await t.platform.db
      .selectFrom('unit_profiles')
      .select('population')
      .where('unit_id', '=', '18073')
      .executeTakeFirstOrThrow();
    expect(profile.population).toBe(3000);
  });

  it('`ioc audit verify` passes on an intact log and names the entry edited by hand', async () => {
    const env = { ...process.env, ...t.database.env, IOC_LOG_LEVEL: 'silent' };
    const ok = await promisify(execFile)('node', [ioc, 'audit', 'verify'], { env });
    expect(ok.stdout).toMatch(/intact: \d+ entries verified/);

    const target = await t.platform.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'orgunits.profile.update')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await sql`update audit_log set after_json = ${'{"population":1}'} where id = ${target.id}`.execute(t.platform.db);

    const report = await verifyChain(t.platform.db);
    expect(report).toMatchObject({ ok: false, broken: { id: target.id } });
    const failed = await promisify(execFile)('node', [ioc, 'audit', 'verify'], { env }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain(`entry #${target.id}`);
  });

  it('detects a deleted entry as a broken link', async () => {
    const rows = await t.platform.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(2).execute();
    await t.platform.db.deleteFrom('audit_log').where('id', '=', rows[1]!.id).execute();
    const fresh = await startTestApp({}, { database: t.database });
    try {
      const report = await verifyChain(fresh.platform.db);
      expect(report.ok).toBe(false);
    } finally {
      await fresh.close();
      await fresh.platform.close();
    }
  });
});
