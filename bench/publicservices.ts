/**
 * Public services (issue 4): sync 1,000,000 simulated dossiers through the sync service (record checks, agency
 * matching, daily counts, one audit entry per batch), then the province's 766 view of a year, warm.
 * Baselines in the same process: a raw repository insert of already-built rows (what checks and counts cost), and
 * the same year figures computed from every stored dossier with `summarize` (what the daily counts save).
 */
import { PERMISSIONS, type Permission, parsePeriod } from '@ioc/shared';
import { sql } from 'kysely';
import type { createServices } from '../packages/server/src/app.ts';
import type { OpenPlatform } from '../packages/server/src/bootstrap.ts';
import { systemActor } from '../packages/server/src/modules/auth/actor.ts';
import { spanOf } from '../packages/server/src/modules/calendar/period-span.ts';
import { upsertDossiers } from '../packages/server/src/modules/publicservices/dossiers.repo.ts';
import { type DossierRowLike, factsOf } from '../packages/server/src/modules/publicservices/metrics/facts.ts';
import { summarize } from '../packages/server/src/modules/publicservices/metrics/summary.ts';
import { createSimulator } from '../packages/server/src/modules/publicservices/simulator/index.ts';
import { benchSummaryLoad, uncachedSummaries } from './summary-load.ts';

const TOTAL = Number(process.env.IOC_BENCH_DOSSIERS ?? 1_000_000);
const BATCH = 5_000;
/** The simulated province runs until this instant; the year view is the calendar year before it. */
const AS_OF = new Date('2026-01-01T00:00:00+07:00');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

export async function benchPublicServices(
  platform: OpenPlatform,
  services: ReturnType<typeof createServices>,
): Promise<void> {
  const { db } = platform;
  const actor = systemActor('bench', platform.config.rootUnit, new Set(Object.keys(PERMISSIONS) as Permission[]));
  platform.now = () => AS_OF;
  const calendar = await services.calendar.calendar();
  const agencies = (await services.agencies.list()).map((a) => ({
    code: a.code,
    name: a.name,
    unitId: a.unitId,
    kind: a.kind,
  }));
  // Enough intake a working day for TOTAL dossiers within the year 2025 (about 250 working days).
  const simulator = createSimulator({ seed: 'bench', agencies, calendar, dossiersPerDay: Math.ceil(TOTAL / 240) });

  let synced = 0;
  let syncMs = 0;
  let pending: Record<string, unknown>[] = [];
  const flush = async () => {
    const started = performance.now();
    const result = await services.publicServices.dossierSync.sync(
      actor,
      { service: 'DongBoHoSoMC', data: pending },
      'all',
    );
    syncMs += performance.now() - started;
    if (result.refused.length > 0) throw new Error(`bench dossier refused: ${JSON.stringify(result.refused[0])}`);
    synced += result.created + result.updated;
    pending = [];
  };
  outer: for (const day of simulator.history('2025-01-01', '2025-12-31', AS_OF)) {
    for (const dossier of day.dossiers) {
      pending.push(dossier as unknown as Record<string, unknown>);
      if (synced + pending.length >= TOTAL) break outer;
      if (pending.length === BATCH) await flush();
    }
  }
  if (pending.length > 0) await flush();
  const rate = synced / (syncMs / 1000);
  console.log(
    `sync: ${synced.toLocaleString('en')} dossiers in ${(syncMs / 1000).toFixed(1)} s = ${rate.toFixed(0)} dossiers/s (checks, agency match, daily counts, audit; generation not timed; target ≥ 20,000/s)`,
  );

  // Baseline: the stored rows written again straight through the repository (no checks, no counts).
  const sample = await db.selectFrom('ps_dossiers').selectAll().limit(50_000).execute();
  const rows = sample.map((r, i) => ({ ...r, code: `RAW-${i}` }));
  const rawStarted = performance.now();
  for (let i = 0; i < rows.length; i += BATCH)
    await db.transaction().execute((trx) => upsertDossiers(trx, rows.slice(i, i + BATCH)));
  const rawRate = rows.length / ((performance.now() - rawStarted) / 1000);
  await db.deleteFrom('ps_dossiers').where('code', 'like', 'RAW-%').execute();
  console.log(
    `baseline: raw repository insert ${rows.length.toLocaleString('en')} dossiers = ${rawRate.toFixed(0)} dossiers/s; the checked sync runs at ${(rate / rawRate).toFixed(2)}× that`,
  );

  // After a bulk load PostgreSQL plans on stale statistics until autovacuum analyses the tables; do it now.
  if (platform.store.engine === 'postgres') await sql`analyze`.execute(db);
  const query = { period: '2025', groupBy: 'agency' as const };
  // The computation itself, without the view cache the app keeps (measured below).
  const uncached = uncachedSummaries(platform, services);
  const view = await uncached.summary(actor, query); // cold
  const timings: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await uncached.summary(actor, query);
    timings.push(performance.now() - t0);
  }
  const warm = median(timings);
  console.log(
    `year view: province 2025 by ${view.groups.length} agencies (${view.total.received.toLocaleString('en')} received, on time ${view.total.onTimeRate?.toFixed(1)} %, 766 ${view.score.total.toFixed(1)}/${view.score.maxAvailable}) warm median ${warm.toFixed(1)} ms, p95 ${percentile(timings, 0.95).toFixed(1)} ms (target < 200 ms on SQLite)`,
  );

  const naiveStarted = performance.now();
  const all = await db.selectFrom('ps_dossiers').selectAll().execute();
  const span = spanOf(parsePeriod('2025')!, AS_OF);
  const naive = summarize(
    all.map((r) => factsOf(r as DossierRowLike)),
    { from: span.from, to: span.to },
    calendar,
    'agency',
  );
  const naiveMs = performance.now() - naiveStarted;
  if (naive.total.received !== view.total.received || naive.total.finished.late !== view.total.finished.late)
    throw new Error('the daily counts and the definitions disagree');
  console.log(
    `baseline: the same year from every dossier (read + classify) ${naiveMs.toFixed(0)} ms; the daily counts are ${(naiveMs / warm).toFixed(0)}× faster`,
  );

  await benchSummaryLoad(services, actor, uncached);
}
