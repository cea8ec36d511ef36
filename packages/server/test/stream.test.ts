import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';
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
