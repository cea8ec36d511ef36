import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StreamRegistry } from '../src/modules/realtime/stream-registry.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';
import { openLiveStream } from './live-stream.ts';
import { openStream } from './sse-client.ts';

let t: TestApp;
let base: string;
let admin: string;

beforeAll(async () => {
  t = await startTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  admin = await t.login('admin', ADMIN_PASSWORD);
  for (const [username, unit] of [
    ['officer.a', '18073'],
    ['officer.b', '18100'],
  ] as const) {
    await t.createUser(admin, {
      username,
      displayName: username,
      roles: ['unit_officer'],
      orgUnitCode: unit,
      password: `${username}-pass`,
    });
  }
});
afterAll(() => t.stop());

describe('live events over SSE', () => {
  it('refuses an anonymous stream', async () => {
    expect((await fetch(`${base}/api/v1/stream`)).status).toBe(401);
  });

  it('delivers a write to every client whose scope covers the unit, and to no one else', async () => {
    const leaderStream = await openStream(base, { cookie: admin });
    const ownStream = await openStream(base, { cookie: await t.login('officer.a', 'officer.a-pass') });
    const otherStream = await openStream(base, { cookie: await t.login('officer.b', 'officer.b-pass') });
    try {
      const write = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/orgunits/18073/profile',
        headers: { cookie: admin },
        payload: { households: 14_500 },
      });
      expect(write.statusCode).toBe(200);
      const seen = await leaderStream.next('orgunit.updated');
      expect(seen).toMatchObject({
        name: 'orgunit.updated',
        orgUnit: '18073',
        payload: { code: '18073', name: 'Phường Thành Sen', fields: ['households'] },
      });
      expect((await ownStream.next('orgunit.updated')).payload).toMatchObject({ code: '18073' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(otherStream.events.filter((e) => e.name === 'orgunit.updated')).toEqual([]);
    } finally {
      leaderStream.close();
      ownStream.close();
      otherStream.close();
    }
  });
});

describe('synced dossiers reach a stream in batches', () => {
  const dossier = (i: number, unit: string) => ({
    code: `HS-BURST-${String(i).padStart(4, '0')}`,
    procedure: 'Đăng ký khai sinh',
    agency: `UBND_${unit}`,
    agencyName: 'UBND',
    status: 2,
    at: '2026-03-02T08:00:00.000Z',
    unit,
  });
  type Batch = { count: number; dossiers: { code: string; unit: string | null }[] };

  it('turns a burst of N synced dossiers into a few batches whose counts sum to N, each reader seeing only its scope', async () => {
    const N = 400;
    const leader = await openStream(base, { cookie: admin });
    const officer = await openStream(base, { cookie: await t.login('officer.a', 'officer.a-pass') });
    try {
      // Half the dossiers in Thành Sen (18073, officer.a's ward), half in Trần Phú (18100).
      for (let i = 0; i < N; i++) {
        const unit = i % 2 === 0 ? '18073' : '18100';
        await t.platform.bus.publish('dossier.synced', dossier(i, unit), unit);
      }
      const batches = (stream: typeof leader) =>
        stream.events.filter((e) => e.name === 'dossiers.synced').map((e) => e.payload as Batch);
      const counted = (stream: typeof leader) => batches(stream).reduce((sum, batch) => sum + batch.count, 0);
      await leader.next('dossiers.synced');
      await expect.poll(() => counted(leader), { timeout: 5000 }).toBe(N);
      await expect.poll(() => counted(officer), { timeout: 5000 }).toBe(N / 2);

      for (const stream of [leader, officer]) {
        expect(stream.events.filter((e) => e.name === 'dossier.synced')).toEqual([]);
        // A few batches, not one event per dossier: the first at once, then one per half second of the burst.
        expect(batches(stream).length).toBeLessThanOrEqual(10);
        for (const batch of batches(stream)) expect(batch.dossiers).toHaveLength(Math.min(batch.count, 50));
      }
      // The last batch lists the latest dossiers, the last of the burst among them.
      expect(batches(leader).at(-1)!.dossiers.at(-1)!.code).toBe(`HS-BURST-${String(N - 1).padStart(4, '0')}`);
      expect(new Set(batches(officer).flatMap((batch) => batch.dossiers.map((d) => d.unit)))).toEqual(
        new Set(['18073']),
      );
    } finally {
      leader.close();
      officer.close();
    }
  });
});

describe('a live stream ends with the sign-in that opened it', () => {
  const user = async (username: string) => {
    const created = await t.createUser(admin, {
      username,
      displayName: username,
      roles: ['unit_officer'],
      orgUnitCode: '18073',
      password: `${username}-pass`,
    });
    return { id: created.id, login: () => t.login(username, `${username}-pass`) };
  };
  const touchUnit = () =>
    t.app.inject({
      method: 'PATCH',
      url: '/api/v1/orgunits/18073/profile',
      headers: { cookie: admin },
      payload: { households: Math.floor(Math.random() * 100_000) },
    });

  it('ends at logout, while the same user’s other session streams on', async () => {
    const officer = await user('leaving.officer');
    const [first, second] = [await officer.login(), await officer.login()];
    const ending = await openLiveStream(base, { cookie: first });
    const staying = await openLiveStream(base, { cookie: second });
    try {
      const logout = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: first } });
      expect(logout.statusCode).toBe(200);
      expect(await ending.endsWithin(2000)).toBe(true);
      await touchUnit();
      expect(await staying.endsWithin(300)).toBe(false);
      expect(staying.names).toContain('orgunit.updated');
      expect(ending.names).not.toContain('orgunit.updated');
    } finally {
      ending.close();
      staying.close();
    }
  });

  it('ends the other sessions’ streams at a password change, not the changing session’s', async () => {
    const officer = await user('changing.officer');
    const [changer, other] = [await officer.login(), await officer.login()];
    const own = await openLiveStream(base, { cookie: changer });
    const stolen = await openLiveStream(base, { cookie: other });
    try {
      const changed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { cookie: changer },
        payload: { currentPassword: 'changing.officer-pass', newPassword: 'a-new-long-password' },
      });
      expect(changed.statusCode).toBe(200);
      expect(await stolen.endsWithin(2000)).toBe(true);
      expect(await own.endsWithin(300)).toBe(false);
    } finally {
      own.close();
      stolen.close();
    }
  });

  it('ends a user’s streams when an administrator disables the account', async () => {
    const officer = await user('disabled.officer');
    const stream = await openLiveStream(base, { cookie: await officer.login() });
    try {
      const disable = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${officer.id}`,
        headers: { cookie: admin },
        payload: { disabled: true },
      });
      expect(disable.statusCode).toBe(200);
      expect(await stream.endsWithin(2000)).toBe(true);
    } finally {
      stream.close();
    }
  });

  it('ends an API key’s stream when the key is revoked', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/apikeys',
      headers: { cookie: admin },
      payload: { name: 'wall display', permissions: ['events.read', 'orgunits.read'], orgUnitCode: '42' },
    });
    const { key, apiKey } = created.json() as { key: string; apiKey: { id: number } };
    const stream = await openLiveStream(base, { authorization: `Bearer ${key}` });
    try {
      await t.app.inject({ method: 'POST', url: `/api/v1/apikeys/${apiKey.id}/revoke`, headers: { cookie: admin } });
      expect(await stream.endsWithin(2000)).toBe(true);
    } finally {
      stream.close();
    }
  });

  it('ends, at the periodic check, a stream whose session expired or was deleted unannounced', async () => {
    const officer = await user('idle.officer');
    const [expiring, deleted, live] = [await officer.login(), await officer.login(), await officer.login()];
    const registry = new StreamRegistry();
    registry.watch((sessions, keys) => t.services.auth.liveSignIns(sessions, keys));
    const ended = new Set<string>();
    for (const [name, cookie] of Object.entries({ expiring, deleted, live })) {
      const sessionId = createHash('sha256').update(cookie.split('=')[1]!).digest('hex');
      registry.add({ signIn: { userId: officer.id, sessionId, apiKeyId: null }, end: () => ended.add(name) });
    }
    try {
      expect(await registry.sweep()).toBe(0);
      const id = (cookie: string) => createHash('sha256').update(cookie.split('=')[1]!).digest('hex');
      await t.platform.db
        .updateTable('sessions')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', id(expiring))
        .execute();
      await t.platform.db.deleteFrom('sessions').where('id', '=', id(deleted)).execute();
      expect(await registry.sweep()).toBe(2);
      expect([...ended].sort()).toEqual(['deleted', 'expiring']);
    } finally {
      registry.closeAll();
    }
  });
});
