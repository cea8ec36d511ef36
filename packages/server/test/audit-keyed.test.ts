import { execFile } from 'node:child_process';
import { chmodSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openPlatform } from '../src/bootstrap.ts';
import { loadConfig } from '../src/config.ts';
import { migrateToLatest, migrator } from '../src/db/migrate.ts';
import type { Database } from '../src/db/schema.ts';
import { auditedWrite, entryHash, GENESIS_HASH, verifyChain } from '../src/modules/audit/audit.service.ts';
import { useAuditKey } from '../src/modules/audit/audit-key.ts';
import { systemActor } from '../src/modules/auth/actor.ts';
import { ADMIN_PASSWORD, createTestDatabase, startTestApp, type TestApp } from './harness.ts';

const ioc = join(import.meta.dirname, '../bin/ioc.mjs');
const started: TestApp[] = [];
afterEach(async () => {
  for (const t of started.splice(0)) await t.stop();
});

/** An app with `writes` audited profile changes after its own start-up entries. */
async function appWithEntries(writes = 30): Promise<TestApp> {
  const t = await startTestApp();
  started.push(t);
  const admin = await t.login('admin', ADMIN_PASSWORD);
  for (let i = 0; i < writes; i++) {
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/orgunits/18073/profile',
      headers: { cookie: admin },
      payload: { population: 1000 + i },
    });
    expect(response.statusCode).toBe(200);
  }
  return t;
}

const entries = (db: Kysely<Database>) => db.selectFrom('audit_log').selectAll().orderBy('id').execute();

async function verifyByCli(t: TestApp) {
  const env = { ...process.env, ...t.database.env, IOC_LOG_LEVEL: 'silent' };
  return promisify(execFile)('node', [ioc, 'audit', 'verify'], { env }).then(
    (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => failed,
  );
}

describe('the keyed audit chain', () => {
  it('is intact when untouched, every entry sealed, with the key file kept outside the database (0600)', async () => {
    const t = await appWithEntries(5);
    const key = join(t.database.env.IOC_DATA_DIR!, 'audit.key');
    expect(existsSync(key)).toBe(true);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    const rows = await entries(t.platform.db);
    expect(rows.every((row) => row.mac !== null)).toBe(true);
    const report = await verifyChain(t.platform.db);
    expect(report).toMatchObject({ ok: true, checked: rows.length, keyed: rows.length, legacy: { count: 0 } });
    expect(report.headId).toBe(rows.at(-1)!.id);
    const cli = await verifyByCli(t);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/audit log intact: \d+ entries verified/);
    expect(cli.stdout).toContain(`sealed with HMAC-SHA256 (key ${report.keyId})`);
  });

  it('fails when the last 20 entries are deleted, naming what is missing', async () => {
    const t = await appWithEntries();
    const rows = await entries(t.platform.db);
    const keptLast = rows.at(-21)!.id;
    await t.platform.db.deleteFrom('audit_log').where('id', '>', keptLast).execute();
    const report = await verifyChain(t.platform.db);
    expect(report).toMatchObject({ ok: false, broken: { id: rows.at(-1)!.id } });
    expect(report.broken?.reason).toContain(
      `after #${keptLast} up to the chain's head #${rows.at(-1)!.id} were deleted`,
    );
    const cli = await verifyByCli(t);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toContain(`TAMPERED at entry #${rows.at(-1)!.id}`);
  });

  it('fails when an entry is edited and the plain hashes after it recomputed, anchor included', async () => {
    const t = await appWithEntries();
    const rows = await entries(t.platform.db);
    const target = rows.at(-10)!;
    let previous = rows.at(-11)!.hash;
    // What someone with the database but not the key can do: rewrite, re-hash and re-link everything after.
    for (const row of rows.slice(-10)) {
      const edited = {
        ...row,
        prev_hash: previous,
        after_json: row.id === target.id ? '{"population":1}' : row.after_json,
      };
      const hash = entryHash(edited);
      await t.platform.db
        .updateTable('audit_log')
        .set({ after_json: edited.after_json, prev_hash: previous, hash })
        .where('id', '=', row.id)
        .execute();
      previous = hash;
    }
    await t.platform.db.updateTable('audit_anchor').set({ head_hash: previous }).execute();
    const report = await verifyChain(t.platform.db);
    expect(report.ok).toBe(false);
    expect(report.broken?.id).toBe(target.id);
    expect(report.broken?.reason).toMatch(/MAC does not match|anchor's MAC/);
  });

  it('fails when an entry’s MAC is removed, or copied from another entry', async () => {
    const t = await appWithEntries(3);
    const rows = await entries(t.platform.db);
    const [a, b] = [rows.at(-3)!, rows.at(-2)!];
    await t.platform.db.updateTable('audit_log').set({ mac: null }).where('id', '=', a.id).execute();
    expect((await verifyChain(t.platform.db)).broken).toMatchObject({
      id: a.id,
      reason: expect.stringContaining('no MAC'),
    });
    await t.platform.db.updateTable('audit_log').set({ mac: b.mac }).where('id', '=', a.id).execute();
    expect((await verifyChain(t.platform.db)).broken).toMatchObject({ id: a.id });
  });

  it("fails when the tail is deleted and an older anchor put back, through this node's checkpoint", async () => {
    const t = await appWithEntries(3);
    const older = await t.platform.db.selectFrom('audit_anchor').selectAll().executeTakeFirstOrThrow();
    // More entries, then a second for this node to record the new head outside the database.
    const admin = await t.login('admin', ADMIN_PASSWORD);
    await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/orgunits/18100/profile',
      headers: { cookie: admin },
      payload: { population: 5 },
    });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const head = (await entries(t.platform.db)).at(-1)!;
    expect((await verifyChain(t.platform.db)).checkpoint?.id).toBe(head.id);
    await t.platform.db.deleteFrom('audit_log').where('id', '>', older.head_id).execute();
    await t.platform.db.updateTable('audit_anchor').set(older).execute();
    const report = await verifyChain(t.platform.db);
    expect(report).toMatchObject({ ok: false, broken: { id: head.id } });
    expect(report.broken?.reason).toContain("recorded by this node's checkpoint");
  });

  it('stops a node whose key file differs from the one the chain was keyed with', async () => {
    const t = await appWithEntries(1);
    const other = await openPlatform(
      loadConfig({
        ...t.database.env,
        IOC_LOG_LEVEL: 'silent',
        IOC_AUDIT_KEY_FILE: join(t.database.env.IOC_DATA_DIR!, 'another.key'),
      }),
    );
    try {
      const key = useAuditKey(other.db as unknown as Kysely<unknown>, other.config);
      key.create();
      await expect(
        auditedWrite(
          other.db,
          systemActor('test', '42'),
          { action: 'test', entityType: 'x', entityId: null },
          async () => ({
            before: null,
            after: null,
            result: undefined,
          }),
        ),
      ).rejects.toThrow(/every node of one install needs the same key file/);
    } finally {
      await other.close();
    }
  });

  it('refuses a key file that others can read', async () => {
    const t = await appWithEntries(0);
    const file = join(t.database.env.IOC_DATA_DIR!, 'audit.key');
    chmodSync(file, 0o644);
    const config = loadConfig({ ...t.database.env, IOC_LOG_LEVEL: 'silent' });
    const platform = await openPlatform(config);
    try {
      expect(() => useAuditKey(platform.db as unknown as Kysely<unknown>, { ...config, auditKeyFile: file })).toThrow(
        /readable by others: chmod 600/,
      );
    } finally {
      chmodSync(file, 0o600);
      await platform.close();
    }
  });
});

describe('entries written before the chain had a key', () => {
  it('are verified as a legacy segment, fixed by the first keyed entry after them', async () => {
    const database = await createTestDatabase();
    const config = loadConfig({ ...database.env, IOC_LOG_LEVEL: 'silent', IOC_DEMO: '0' });
    const platform = await openPlatform(config);
    try {
      // The database as the previous release left it: migrated up to 0011, three entries chained without a key.
      await (await migrator(platform.db as unknown as Kysely<unknown>)).migrateTo('0011_document_agencies');
      let previous = GENESIS_HASH;
      for (const action of ['a', 'b', 'c']) {
        const entry = {
          at: new Date().toISOString(),
          actor_type: 'system',
          actor_id: null,
          actor_name: 'old',
          ip: null,
          action,
          entity_type: 'x',
          entity_id: null,
          before_json: null,
          after_json: null,
          prev_hash: previous,
        };
        previous = entryHash(entry);
        await sql`insert into audit_log (at, actor_type, actor_id, actor_name, ip, action, entity_type, entity_id, before_json, after_json, prev_hash, hash)
          values (${entry.at}, 'system', null, 'old', null, ${action}, 'x', null, null, null, ${entry.prev_hash}, ${previous})`.execute(
          platform.db,
        );
      }
      await migrateToLatest(platform.db);
      useAuditKey(platform.db as unknown as Kysely<unknown>, config);
      expect(await verifyChain(platform.db)).toMatchObject({
        ok: true,
        legacy: { count: 3 },
        keyed: 0,
        warnings: expect.arrayContaining([expect.stringContaining('not keyed yet')]),
      });
      const write = () =>
        auditedWrite(
          platform.db,
          systemActor('test', '42'),
          { action: 'd', entityType: 'x', entityId: null },
          async () => ({
            before: null,
            after: null,
            result: undefined,
          }),
        );
      await write();
      expect(await verifyChain(platform.db)).toMatchObject({ ok: true, legacy: { count: 3, lastId: 3 }, keyed: 1 });
      // Re-hashing the legacy entries now breaks the first keyed entry's link to them.
      await platform.db.updateTable('audit_log').set({ action: 'z' }).where('id', '=', 2).execute();
      const rows = await entries(platform.db);
      let prev = GENESIS_HASH;
      for (const row of rows.slice(0, 3)) {
        const hash = entryHash({ ...row, prev_hash: prev });
        await platform.db.updateTable('audit_log').set({ prev_hash: prev, hash }).where('id', '=', row.id).execute();
        prev = hash;
      }
      expect((await verifyChain(platform.db)).broken).toMatchObject({ id: rows[3]!.id });
    } finally {
      await platform.close();
      await database.drop();
    }
  });
});
