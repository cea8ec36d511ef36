/**
 * Who sees which alert, the same in the list, the counts and the live events, for the demo's roles:
 * lanhdao (leader, province), yte (officer acting for Sở Y tế, province unit), thanhsen (officer of phường Thành Sen).
 * The rule: an officer acting for an agency sees the alerts that concern that agency (and no alert naming none);
 * everyone else the alerts on units in their scope, the province's own (no unit) for province-scope users only.
 *
 *   alert                                   unit     agencies       lanhdao  yte  thanhsen
 *   1 task of Sở Y tế overdue               42       SYT            ✓        ✓
 *   2 task of UBND Thành Sen overdue        18073    UBND_18073     ✓             ✓
 *   3 anomaly in Thành Sen (no owner)       18073    —              ✓             ✓
 *   4 about the whole province              —        —              ✓
 *   5 Sở Xây dựng's on-time rate            42       SXD            ✓
 *   6 anomaly in phường Trần Phú            18100    —              ✓
 */
import type { AlertPage, AlertSummary, BusEvent } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RaiseAlert } from '../src/modules/alerts/alerts.service.ts';
import { systemActor } from '../src/modules/auth/actor.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';
import { openStream } from './sse-client.ts';

const ROLES = ['lanhdao', 'yte', 'thanhsen'] as const;
const SEES: Record<(typeof ROLES)[number], number[]> = { lanhdao: [1, 2, 3, 4, 5, 6], yte: [1], thanhsen: [2, 3] };

let t: TestApp;
let base: string;
const cookies: Record<string, string> = {};

const alert = (n: number, unit: string | null, agencies: string[], kind = 'tasks.overdue'): RaiseAlert => ({
  kind,
  severity: 'critical',
  unit,
  title: `Cảnh báo ${n}`,
  titleEn: `Alert ${n}`,
  detail: { n },
  dedupeKey: `scope:${n}`,
  agencies,
});
const numbers = (events: BusEvent[], name: string) =>
  events
    .filter((e) => e.name === name)
    .map((e) => Number((e.payload as { title: string }).title.split(' ')[2]))
    .sort((a, b) => a - b);

beforeAll(async () => {
  t = await startTestApp({}, { now: new Date('2026-05-04T03:00:00Z') });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  cookies.admin = await t.login('admin', ADMIN_PASSWORD);
  // As the demo's people (modules/demo/demo.seed.ts).
  const people = [
    { username: 'lanhdao', roles: ['leader'], orgUnitCode: '42' },
    { username: 'yte', roles: ['unit_officer'], orgUnitCode: '42', agencyCode: 'SYT' },
    { username: 'thanhsen', roles: ['unit_officer'], orgUnitCode: '18073' },
  ];
  for (const p of people) {
    await t.createUser(cookies.admin, { ...p, displayName: p.username, password: 'password-1234' });
    cookies[p.username] = await t.login(p.username, 'password-1234');
  }
});
afterAll(() => t.stop());

describe('alert scope per role', () => {
  it('agrees between the list, its total, the summary and the live events', async () => {
    const streams = Object.fromEntries(
      await Promise.all(ROLES.map(async (n) => [n, await openStream(base, { cookie: cookies[n]! })] as const)),
    );
    try {
      await t.services.alerts.raise([
        alert(1, '42', ['SYT']),
        alert(2, '18073', ['UBND_18073']),
        alert(3, '18073', [], 'indicator.anomaly'),
        alert(4, null, [], 'indicator.anomaly'),
        alert(5, '42', ['SXD'], 'publicservices.onTime'),
        alert(6, '18100', [], 'indicator.anomaly'),
      ]);
      await t.services.alerts.resolve(['scope:2'], 'test over');
      const lanhdao = streams.lanhdao!;
      await lanhdao.next('alert.resolved');
      // The others had as long to hear theirs; what must not reach them has had the time to.
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const role of ROLES) {
        const seen = SEES[role];
        const page = (
          await t.app.inject({ method: 'GET', url: '/api/v1/alerts?status=all', headers: { cookie: cookies[role]! } })
        ).json() as AlertPage;
        expect(page.items.map((a) => a.detail.n).sort(), role).toEqual(seen);
        expect(page.total, role).toBe(seen.length);
        const summary = (
          await t.app.inject({
            method: 'GET',
            url: '/api/v1/alerts/summary?status=all',
            headers: { cookie: cookies[role]! },
          })
        ).json() as AlertSummary;
        expect(summary.total, role).toBe(seen.length);
        const active = (
          await t.app.inject({ method: 'GET', url: '/api/v1/alerts/summary', headers: { cookie: cookies[role]! } })
        ).json() as AlertSummary;
        expect(active.total, role).toBe(seen.filter((n) => n !== 2).length);
        expect(numbers(streams[role]!.events, 'alert.raised'), role).toEqual(seen);
        expect(numbers(streams[role]!.events, 'alert.resolved'), role).toEqual(seen.includes(2) ? [2] : []);
        // The detail of an alert outside the scope is not found.
        const outside = (await t.services.alerts.list(systemActor('test', '42'), { status: 'all' })).items.find(
          (a) => !seen.includes(a.detail.n as number),
        );
        if (outside) {
          const detail = await t.app.inject({
            method: 'GET',
            url: `/api/v1/alerts/${outside.id}`,
            headers: { cookie: cookies[role]! },
          });
          expect(detail.statusCode, role).toBe(404);
        }
      }
    } finally {
      for (const stream of Object.values(streams)) stream.close();
    }
  });

  it('groups the summary by agency when the alerts name one, else by unit', async () => {
    const summary = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/alerts/summary?status=all',
        headers: { cookie: cookies.lanhdao! },
      })
    ).json() as AlertSummary;
    const groups = summary.groups.map((g) => [g.kind, g.agency, g.unit, g.count]);
    expect(groups).toEqual(
      expect.arrayContaining([
        ['tasks.overdue', 'SYT', '42', 1],
        ['tasks.overdue', 'UBND_18073', '18073', 1],
        ['indicator.anomaly', null, '18073', 1],
        ['indicator.anomaly', null, null, 1],
        ['publicservices.onTime', 'SXD', '42', 1],
        ['indicator.anomaly', null, '18100', 1],
      ]),
    );
    expect(summary.groups.find((g) => g.agency === 'SYT')).toMatchObject({
      agencyName: 'Sở Y tế',
      severity: 'critical',
    });
    expect(summary.byKind).toEqual([
      { kind: 'indicator.anomaly', count: 3 },
      { kind: 'tasks.overdue', count: 2 },
      { kind: 'publicservices.onTime', count: 1 },
    ]);
  });
});
