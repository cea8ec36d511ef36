/**
 * Audit figures: audited writes (change + hash-chained audit entry in one transaction) vs the same change without
 * audit, and `ioc audit verify` speed over the chain just written.
 */

import type { OpenPlatform } from '../packages/server/src/bootstrap.ts';
import { auditedWrite, verifyChain } from '../packages/server/src/modules/audit/audit.service.ts';
import { systemActor } from '../packages/server/src/modules/auth/actor.ts';
import { saveProfileInScope } from '../packages/server/src/modules/orgunits/orgunits.repo.ts';

export async function benchAudit(platform: OpenPlatform): Promise<void> {
  const WRITES = Number(process.env.IOC_BENCH_WRITES ?? 5000);
  const { db } = platform;
  const actor = systemActor('bench', platform.config.rootUnit);
  const units = (
    await db.selectFrom('org_units').select('id').where('level', '=', 3).where('valid_to', 'is', null).execute()
  ).map((u) => u.id);

  async function timed(label: string, work: (i: number) => Promise<void>): Promise<number> {
    const started = performance.now();
    for (let i = 0; i < WRITES; i++) await work(i);
    const seconds = (performance.now() - started) / 1000;
    const rate = WRITES / seconds;
    console.log(`${label.padEnd(50)} ${WRITES} in ${seconds.toFixed(2)} s = ${rate.toFixed(0)} /s`);
    return rate;
  }

  const profileWrite = (i: number) => ({
    unit_id: units[i % units.length]!,
    head_name: null,
    phone: null,
    email: null,
    address: null,
    population: i,
    households: null,
    updated_at: new Date().toISOString(),
    updated_by: 'bench',
  });

  const plain = await timed('baseline: profile save (scoped) in a transaction', async (i) => {
    await db.transaction().execute((trx) => saveProfileInScope(trx, actor.scope, profileWrite(i)));
  });
  const audited = await timed('audited: same save + chained audit entry', async (i) => {
    await auditedWrite(
      db,
      actor,
      { action: 'bench.write', entityType: 'unit_profile', entityId: units[i % units.length]! },
      async (trx) => {
        await saveProfileInScope(trx, actor.scope, profileWrite(i));
        return { before: { population: i - 1 }, after: { population: i }, result: undefined };
      },
    );
  });
  console.log(`audit overhead: audited writes run at ${(audited / plain).toFixed(2)}× the baseline rate`);

  const started = performance.now();
  const report = await verifyChain(db);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `audit verify: ${report.checked} entries in ${seconds.toFixed(2)} s = ${(report.checked / seconds).toFixed(0)} entries/s (${report.ok ? 'intact' : 'BROKEN'})`,
  );
}
