/**
 * Who hears of what (issue 11 §3): a task of Sở Y tế (SYT) co-operated by UBND phường Thành Sen reaches SYT's
 * officer, the ward's officer, the leader and the operator, and never the officer of Sở Xây dựng (SXD) nor another
 * ward's; its nearly-due alert is the lead unit's (SYT, the leader, the operator), live and in the alert list; a
 * dossier event needs publicservices.read as well as the unit.
 */
import type { BusEvent, Permission, TaskDetail } from '@ioc/shared';
import { BUILT_IN_ROLES } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/modules/auth/actor.ts';
import { mayReceive } from '../src/modules/realtime/audience.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';
import { openStream } from './sse-client.ts';

const ROOT = '42';
const THANH_SEN = '18073';
const TRAN_PHU = '18100';

function actor(role: keyof typeof BUILT_IN_ROLES, unitId: string, agency?: string): Actor {
  return {
    type: 'user',
    id: 1,
    name: role,
    ip: null,
    permissions: new Set<Permission>(['events.read', ...BUILT_IN_ROLES[role].permissions]),
    scope: { unitId, agency: agency ?? null },
    mustChangePassword: false,
  };
}
/** The province covers every unit; a ward covers itself. */
const coversFor = (a: Actor) => async (unit: string) => a.scope.unitId === ROOT || a.scope.unitId === unit;
const receives = (a: Actor, event: Pick<BusEvent, 'name' | 'orgUnit' | 'shared'>) =>
  mayReceive(a, event, ROOT, coversFor(a));

describe('the audience rule, role by role', () => {
  const leader = actor('leader', ROOT);
  const operator = actor('operator', ROOT);
  const health = actor('unit_officer', ROOT, 'SYT');
  const builder = actor('unit_officer', ROOT, 'SXD');
  const ward = actor('unit_officer', THANH_SEN);
  const otherWard = actor('unit_officer', TRAN_PHU);
  const task = {
    name: 'task.updated' as const,
    orgUnit: null,
    shared: { agencies: ['SYT', `UBND_${THANH_SEN}`], units: [ROOT, THANH_SEN] },
  };

  it("gives a shared task's event to its agencies, the leader and the operator only", async () => {
    expect(await receives(leader, task)).toBe(true);
    expect(await receives(operator, task)).toBe(true);
    expect(await receives(health, task)).toBe(true);
    expect(await receives(ward, task)).toBe(true);
    expect(await receives(builder, task)).toBe(false);
    expect(await receives(otherWard, task)).toBe(false);
  });

  it('keeps an event about the whole province for root-scope users, and a unit event for its scope', async () => {
    const provinceAlert = { name: 'alert.raised' as const, orgUnit: null };
    expect(await receives(operator, provinceAlert)).toBe(true);
    expect(await receives(ward, provinceAlert)).toBe(false);
    const wardDossier = { name: 'dossier.synced' as const, orgUnit: THANH_SEN };
    expect(await receives(ward, wardDossier)).toBe(true);
    expect(await receives(otherWard, wardDossier)).toBe(false);
  });

  it("needs the permission to read the event's data", async () => {
    const integrator = actor('integrator', ROOT);
    expect(await receives(integrator, { name: 'dossier.synced', orgUnit: THANH_SEN })).toBe(false);
    const withoutUsers = actor('operator', ROOT);
    expect(await receives(withoutUsers, { name: 'user.updated', orgUnit: null })).toBe(false);
    expect(await receives(actor('admin', ROOT), { name: 'user.updated', orgUnit: null })).toBe(true);
  });
});

describe('through the API: live events and the alert list', () => {
  let t: TestApp;
  let base: string;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    // Monday 2 March 2026, 09:00 local: a task due Wednesday 4 March is nearly due at once.
    t = await startTestApp({}, { now: new Date('2026-03-02T02:00:00Z') });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    cookies.admin = await t.login('admin', ADMIN_PASSWORD);
    const people = [
      { username: 'leader1', roles: ['leader'], orgUnitCode: ROOT },
      { username: 'operator', roles: ['operator'], orgUnitCode: ROOT },
      { username: 'health', roles: ['unit_officer'], orgUnitCode: ROOT, agencyCode: 'SYT' },
      { username: 'builder', roles: ['unit_officer'], orgUnitCode: ROOT, agencyCode: 'SXD' },
      { username: 'ward', roles: ['unit_officer'], orgUnitCode: THANH_SEN },
      { username: 'otherward', roles: ['unit_officer'], orgUnitCode: TRAN_PHU },
    ];
    for (const p of people) {
      await t.createUser(cookies.admin, { ...p, displayName: p.username, password: 'password-1234' });
      cookies[p.username] = await t.login(p.username, 'password-1234');
    }
  });
  afterAll(() => t.stop());

  it('tells only those who may see the task, and lists its alert only to them', async () => {
    const names = ['leader1', 'operator', 'health', 'builder', 'ward', 'otherward'];
    const streams = Object.fromEntries(
      await Promise.all(names.map(async (n) => [n, await openStream(base, { cookie: cookies[n]! })] as const)),
    );
    try {
      const assigned = await t.app.inject({
        method: 'POST',
        url: '/api/v1/tasks',
        headers: { cookie: cookies.leader1! },
        payload: {
          title: 'Phun hóa chất diệt muỗi ở phường Thành Sen',
          leadUnit: 'SYT',
          cooperatingUnits: [`UBND_${THANH_SEN}`],
          dueDate: '2026-03-04',
        },
      });
      expect(assigned.statusCode, assigned.body).toBe(201);
      const task = assigned.json() as TaskDetail;
      for (const n of ['leader1', 'operator', 'health', 'ward']) {
        expect((await streams[n]!.next('task.updated')).payload, n).toMatchObject({ id: task.task.id });
      }
      for (const n of ['leader1', 'operator', 'health']) {
        expect((await streams[n]!.next('alert.raised')).payload, n).toMatchObject({ severity: 'warning' });
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(streams.ward!.events.filter((e) => e.name === 'alert.raised')).toEqual([]);
      for (const n of ['builder', 'otherward']) {
        expect(
          streams[n]!.events.filter((e) => e.name === 'task.updated' || e.name === 'alert.raised'),
          n,
        ).toEqual([]);
      }
    } finally {
      for (const stream of Object.values(streams)) stream.close();
    }

    const taskAlerts = async (user: string) => {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/alerts',
        headers: { cookie: cookies[user]! },
      });
      expect(response.statusCode).toBe(200);
      return (response.json() as { items: { kind: string }[] }).items.filter((a) => a.kind.startsWith('tasks.'));
    };
    for (const n of ['leader1', 'operator', 'health']) expect(await taskAlerts(n), n).toHaveLength(1);
    expect(await taskAlerts('builder')).toEqual([]);
    expect(await taskAlerts('ward')).toEqual([]);
    expect(await taskAlerts('otherward')).toEqual([]);
  });
});
