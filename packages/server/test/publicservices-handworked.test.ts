/**
 * The 33 hand-worked dossiers of March 2025 (fixtures/one-stop-march-2025.ts, reasoning in
 * publicservices-metrics.test.ts), stored in the database and read back through the summary API: the same numbers,
 * figure by figure, on SQLite and on PostgreSQL — through the daily counts, the open-dossier read and the seeded
 * holiday calendar (March 2025 has no holiday in either calendar).
 */
import type { PsSummary } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DossierRow, upsertDossiers } from '../src/modules/publicservices/dossiers.repo.ts';
import { rebuildDaily } from '../src/modules/publicservices/summary/rebuild.ts';
import { H, ROWS } from './fixtures/one-stop-march-2025.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
let march: PsSummary;

beforeAll(async () => {
  t = await startTestApp({}, { now: new Date('2025-06-18T03:00:00Z') });
  const cookie = await t.login('admin', ADMIN_PASSWORD);
  const rows: DossierRow[] = ROWS.map((r) => ({
    ...r,
    agency_code: 'UBND_18073',
    procedure_name: null,
    field_name: null,
    owner_name: null,
    owner_kind: null,
    summary: null,
    submitted_at: null,
    record_status: r.status,
    record_as_of: r.status_at,
    synced_at: '2025-06-18T03:00:00.000Z',
    ended_at: null,
  }));
  await t.platform.db.transaction().execute((trx) => upsertDossiers(trx, rows));
  await rebuildDaily(t.platform.db, await t.services.calendar.calendar());
  const response = await t.app.inject({
    method: 'GET',
    url: '/api/v1/public-services/summary?period=202503&unit=18073',
    headers: { cookie },
  });
  expect(response.statusCode, response.body).toBe(200);
  march = response.json() as PsSummary;
});
afterAll(() => t.stop());

describe('March 2025 by hand, through the database', () => {
  it('counts the flow: 23 received, 6 carried over, 29 to process, 1 refused, 2 withdrawn', () => {
    expect(march.total).toMatchObject({ received: 23, carriedOver: 6, toProcess: 29, returned: 1, withdrawn: 2 });
  });

  it('splits the finished (4 early, 8 on time, 5 late) and the open at the end of March (3 / 4 / 3)', () => {
    expect(march.total.finished).toEqual({ total: 17, early: 4, onTime: 8, late: 5 });
    expect(march.total.inProgress).toEqual({ total: 10, overdue: 3, dueSoon: 4, notYetDue: 3 });
    expect(march.total.onTimeRate).toBeCloseTo((12 / 17) * 100, 9);
    expect(march.total.overdueRate).toBeCloseTo((8 / 29) * 100, 9);
  });

  it('averages 677 working hours over 17 finished dossiers', () => {
    expect(march.total.averageResolutionDays).toBeCloseTo(677 / H / 17, 9);
  });

  it('shares the 23 received by channel, online payment and digitisation', () => {
    expect(march.total.channels).toEqual({ inPerson: 8, online: 13, postal: 1, unknown: 1 });
    expect(march.total.onlineShare).toBeCloseTo((13 / 23) * 100, 9);
    expect(march.total.paidOnline).toBe(6);
    expect(march.total.digitised).toBe(16);
  });

  it('scores the on-time criterion from the same rate', () => {
    const progress = march.score.groups.find((g) => g.id === 'progress')!;
    expect(progress.points).toBeCloseTo((12 / 17) * 20, 9);
  });
});
