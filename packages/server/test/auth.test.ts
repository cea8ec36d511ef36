import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await startTestApp({ IOC_LOGIN_MAX_FAILURES: '5' });
  admin = await t.login('admin', ADMIN_PASSWORD);
});
afterAll(() => t.stop());

describe('sign-in', () => {
  it('answers 401 with a JSON error without a session', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: expect.any(String) } });
  });

  it('sets an httpOnly SameSite=Strict session cookie and knows the user', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/ioc_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: admin } });
    expect(me.json()).toMatchObject({ username: 'admin', roles: ['admin'], orgUnit: { code: '42' } });
  });

  it('stores sessions hashed, not as the cookie value', async () => {
    const token = admin.split('=')[1]!;
    const rows = await t.platform.db.selectFrom('sessions').select('id').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.id === token)).toBe(false);
  });

  it('locks a user out with 429 after 5 wrong passwords, before the 11th attempt', async () => {
    await t.createUser(admin, {
      username: 'victim',
      displayName: 'V',
      roles: ['operator'],
      orgUnitCode: '42',
      password: 'right-password-1',
    });
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 10; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'victim', password: 'wrong' },
        remoteAddress: `10.0.0.${i}`,
      });
      statuses.push(r.statusCode);
      if (r.statusCode === 429) retryAfter = r.headers['retry-after'] as string;
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Even the right password is refused during the lock-out, from any address.
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'victim', password: 'right-password-1' },
      remoteAddress: '10.0.1.1',
    });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('RATE_LIMITED');
  });

  it('limits one address that tries many usernames', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: `nobody${i}`, password: 'x' },
        remoteAddress: '192.0.2.7',
      });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('refuses a disabled account and ends its sessions', async () => {
    const user = await t.createUser(admin, {
      username: 'leaver',
      displayName: 'L',
      roles: ['operator'],
      orgUnitCode: '42',
      password: 'leaver-pass-1',
    });
    const cookie = await t.login('leaver', 'leaver-pass-1');
    const disable = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      headers: { cookie: admin },
      payload: { disabled: true },
    });
    expect(disable.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'leaver', password: 'leaver-pass-1' },
    });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('forces a change of a temporary password before anything else', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin },
      payload: { username: 'newbie', displayName: 'N', roles: ['leader'], orgUnitCode: '42' },
    });
    expect(created.statusCode).toBe(201);
    const { temporaryPassword } = created.json() as { temporaryPassword: string };
    expect(temporaryPassword).toHaveLength(16);
    const cookie = await t.login('newbie', temporaryPassword);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json().mustChangePassword).toBe(true);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/v1/orgunits', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const tooShort = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie },
      payload: { currentPassword: temporaryPassword, newPassword: 'short' },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.details[0].field).toBe('/newPassword');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie },
      payload: { currentPassword: temporaryPassword, newPassword: 'a-much-better-one' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/orgunits', headers: { cookie } })).statusCode).toBe(200);
  });

  it('rejects a browser write from a foreign origin', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: admin, origin: 'https://evil.example', host: 'localhost:8080' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('ORIGIN_REJECTED');
    const same = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/orgunits/18073/profile',
      headers: { cookie: admin, origin: 'http://localhost:8080', host: 'localhost:8080' },
      payload: { phone: '0239 3855 555' },
    });
    expect(same.statusCode).toBe(200);
  });

  it('logs out by deleting the session', async () => {
    const cookie = await t.login('admin', ADMIN_PASSWORD);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(
      200,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('API keys', () => {
  it('shows the key once, stores only a hash, honours its permissions and scope, and stops after revocation', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/apikeys',
      headers: { cookie: admin },
      payload: { name: 'Cổng dịch vụ công', permissions: ['orgunits.read'], orgUnitCode: '18073' },
    });
    expect(created.statusCode).toBe(201);
    const { key, apiKey } = created.json() as { key: string; apiKey: { id: number; prefix: string } };
    expect(key).toMatch(/^ioc_[A-Za-z0-9]{8}_/);
    const stored = await t.platform.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', apiKey.id)
      .executeTakeFirstOrThrow();
    // The secret is base64url and may itself hold '_': it is everything after the prefix.
    expect(stored.secret_hash).not.toContain(key.slice('ioc_'.length + 8 + 1));
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/apikeys', headers: { cookie: admin } });
    expect(listed.body).not.toContain(key);

    const auth = { authorization: `Bearer ${key}` };
    const own = await t.app.inject({ method: 'GET', url: '/api/v1/orgunits/18073/profile', headers: auth });
    expect(own.statusCode).toBe(200);
    const other = await t.app.inject({ method: 'GET', url: '/api/v1/orgunits/18100/profile', headers: auth });
    expect(other.statusCode).toBe(403);
    const write = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/orgunits/18073/profile',
      headers: auth,
      payload: { phone: '1' },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('FORBIDDEN');

    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/v1/apikeys/${apiKey.id}/revoke`,
      headers: { cookie: admin },
    });
    expect(revoke.json().revokedAt).not.toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/orgunits', headers: auth })).statusCode).toBe(401);
  });

  it('cannot grant a permission its creator lacks', async () => {
    await t.createUser(admin, {
      username: 'keymaker',
      displayName: 'K',
      roles: ['operator'],
      orgUnitCode: '42',
      password: 'keymaker-pass',
    });
    await t.app.inject({
      method: 'PUT',
      url: '/api/v1/roles/operator',
      headers: { cookie: admin },
      payload: { permissions: ['orgunits.read', 'apikeys.write', 'apikeys.read'] },
    });
    const cookie = await t.login('keymaker', 'keymaker-pass');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/apikeys',
      headers: { cookie },
      payload: { name: 'too much', permissions: ['users.write'], orgUnitCode: '42' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('/permissions');
  });
});
