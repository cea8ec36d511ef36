/**
 * The demo's document office, replayed through the real services: two months of history, a restart that adds
 * nothing, a live day, and figures where the habitually late units are visibly late.
 */
import type { TaskSummary } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/modules/demo/demo.seed.ts';
import { DocumentDemoFeeder } from '../src/modules/documents/demo/feeder.ts';
import { HABITUALLY_LATE } from '../src/modules/documents/demo/plan.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

let now = new Date('2026-03-02T03:00:00Z');
let t: TestApp;
let admin: string;
const options = { documentsPerDay: 32, historyMonths: 2 };
const feeder = () =>
  new DocumentDemoFeeder(t.platform, t.services.orgUnits, t.services.agencies, t.services.alerts, options);

const count = async (table: 'documents' | 'tasks' | 'task_events' | 'stored_files') =>
  Number(
    (
      await t.platform.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const get = async <T>(url: string) =>
  (await t.app.inject({ method: 'GET', url, headers: { cookie: admin } })).json() as T;

beforeAll(async () => {
  t = await startTestApp({ IOC_SESSION_HOURS: '720' }, { now });
  t.platform.now = () => now;
  await seedDemo(t.platform);
  admin = await t.login('admin', ADMIN_PASSWORD);
});
afterAll(() => t.stop());

describe('the demo document office', () => {
  it('fills two months of documents and tasks', async () => {
    const applied = await feeder().catchUp();
    expect(applied).toBeGreaterThan(1300);
    const documents = await count('documents');
    expect(documents).toBeGreaterThan(1000);
    expect(documents).toBeLessThan(1800);
    expect(await count('tasks')).toBeGreaterThan(100);
    const late = await get<{ total: number }>('/api/v1/tasks?state=overdue');
    const soon = await get<{ total: number }>('/api/v1/tasks?state=nearly_due');
    expect(late.total + soon.total).toBeGreaterThan(0);
    // The active deadline alerts are exactly the overdue and nearly-due tasks, and the list's total says so.
    const overdue = await get<{ total: number }>('/api/v1/alerts?kind=tasks.overdue&limit=1');
    const nearly = await get<{ total: number }>('/api/v1/alerts?kind=tasks.nearly_due&limit=1');
    expect(overdue.total).toBe(late.total);
    expect(nearly.total).toBe(soon.total);
  });

  it("links the demo's documents to the departments and communes they name", async () => {
    const links = await t.platform.db
      .selectFrom('document_agencies')
      .innerJoin('agencies', 'agencies.code', 'document_agencies.agency_code')
      .select(['document_agencies.role', 'agencies.kind', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['document_agencies.role', 'agencies.kind'])
      .execute();
    const n = (role: string, kind: string) => Number(links.find((l) => l.role === role && l.kind === kind)?.n ?? 0);
    expect(n('to', 'department')).toBeGreaterThan(100);
    expect(n('from', 'department')).toBeGreaterThan(50);
    expect(n('from', 'commune')).toBeGreaterThan(10);
  });

  it('adds nothing when started again', async () => {
    const before = [await count('documents'), await count('tasks'), await count('task_events')];
    expect(await feeder().catchUp()).toBe(0);
    expect([await count('documents'), await count('tasks'), await count('task_events')]).toEqual(before);
  });

  it('goes on with the next day live', async () => {
    const before = await count('task_events');
    const documents = await count('documents');
    now = new Date('2026-03-03T10:00:00Z');
    const office = feeder();
    expect(await office.tick()).toBeGreaterThan(10);
    expect(await count('documents')).toBeGreaterThan(documents);
    expect(await count('task_events')).toBeGreaterThan(before);
    // Tasks finished or given time during the day took their alerts with them; the minute's scan does the rest.
    await t.services.documents.taskAlerts.run();
    const late = await get<{ total: number }>('/api/v1/tasks?state=overdue');
    const overdue = await get<{ total: number }>('/api/v1/alerts?kind=tasks.overdue&limit=1');
    expect(overdue.total).toBe(late.total);
  });

  it('shows the habitually late units late', async () => {
    const s = await get<TaskSummary>('/api/v1/tasks/summary?from=2026-01-01&to=2026-03-03');
    const rate = (codes: (code: string) => boolean) => {
      const units = s.units.filter((u) => codes(u.unit.code));
      const onTime = units.reduce((n, u) => n + u.doneOnTime, 0);
      const judged = units.reduce((n, u) => n + u.doneOnTime + u.doneLate + u.overdue, 0);
      return onTime / judged;
    };
    const late = rate((c) => HABITUALLY_LATE.includes(c));
    const others = rate((c) => !HABITUALLY_LATE.includes(c));
    expect(late).toBeLessThan(others - 0.1);
  });
});
