/**
 * The demo's simulated one-stop system, fed through the real sync: history, resumption, live ticks — and the
 * figures read from the daily counts stay those of the definitions on its realistic dossiers.
 */
import type { PsSummary } from '@ioc/shared';
import { parsePeriod } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spanOf } from '../src/modules/calendar/period-span.ts';
import { seedDemoCatalogue } from '../src/modules/publicservices/demo/catalogue-seed.ts';
import { PublicServiceDemoFeeder } from '../src/modules/publicservices/demo/feeder.ts';
import { type DossierRowLike, factsOf } from '../src/modules/publicservices/metrics/facts.ts';
import { summarize } from '../src/modules/publicservices/metrics/summary.ts';
import { PROCEDURES } from '../src/modules/publicservices/simulator/index.ts';
import { ADMIN_PASSWORD, rounded, startTestApp, type TestApp } from './harness.ts';

let now = new Date('2025-06-18T03:00:00Z');
let t: TestApp;
let admin: string;
let feeder: PublicServiceDemoFeeder;

const count = async (table: 'ps_dossiers' | 'ps_feedback' | 'ps_progress') =>
  Number(
    (
      await t.platform.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const summary = async (period: string) =>
  (
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/public-services/summary?period=${period}`,
      headers: { cookie: admin },
    })
  ).json() as PsSummary;

async function definitions(period: string) {
  const rows = await t.platform.db.selectFrom('ps_dossiers').selectAll().execute();
  const span = spanOf(parsePeriod(period)!, now);
  return summarize(
    rows.map((r) => factsOf(r as DossierRowLike)),
    { from: span.from, to: span.to },
    await t.services.calendar.calendar(),
  ).total;
}

beforeAll(async () => {
  t = await startTestApp({}, { now });
  t.platform.now = () => now;
  admin = await t.login('admin', ADMIN_PASSWORD);
  feeder = new PublicServiceDemoFeeder(
    t.platform,
    t.services.agencies,
    t.services.publicServices.dossierSync,
    () => t.services.calendar.calendar(),
    {
      dossiersPerDay: 60,
      historyMonths: 2,
    },
  );
});
afterAll(() => t.stop());

describe('the demo one-stop system', () => {
  it('seeds the procedure catalogue once', async () => {
    expect(await seedDemoCatalogue(t.platform)).toBe(PROCEDURES.length);
    expect(await seedDemoCatalogue(t.platform)).toBe(0);
  });

  it('fills two months of history through the sync, with feedback', async () => {
    const synced = await feeder.seedHistory();
    expect(synced).toBeGreaterThan(1000);
    expect(await count('ps_dossiers')).toBe(synced);
    expect(await count('ps_feedback')).toBeGreaterThan(50);
    const june = await summary('202506');
    expect(june.total.received).toBeGreaterThan(300);
    expect(june.total.onTimeRate).toBeGreaterThan(80);
    expect(june.rates.paknOnTime).not.toBeNull();
    expect(june.rates.onlineCoverage).not.toBeNull();
    expect(june.score.missingGroups).toEqual(['publicity']);
  });

  it('gives the figures of the definitions on realistic dossiers', async () => {
    for (const period of ['202505', '202506', '2025Q2'])
      expect(rounded((await summary(period)).total)).toEqual(rounded(await definitions(period)));
  });

  it('changes nothing when started again', async () => {
    const before = await t.platform.db.selectFrom('ps_daily').selectAll().orderBy('day').orderBy('agency').execute();
    const dossiers = await count('ps_dossiers');
    await feeder.seedHistory();
    expect(await count('ps_dossiers')).toBe(dossiers);
    expect(await t.platform.db.selectFrom('ps_daily').selectAll().orderBy('day').orderBy('agency').execute()).toEqual(
      before,
    );
  });

  it('syncs what changed since the last tick, and the counts follow', async () => {
    await feeder.tick();
    const before = await count('ps_dossiers');
    now = new Date(now.getTime() + 2 * 3_600_000);
    await feeder.tick();
    expect(await count('ps_dossiers')).toBeGreaterThan(before);
    expect(rounded((await summary('202506')).total)).toEqual(rounded(await definitions('202506')));
  });
});
