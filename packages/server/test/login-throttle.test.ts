import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

// Counts the passwords that reach argon2: the lock-out must hold there, not only in the status codes.
const hashed = vi.hoisted(() => ({ checks: 0 }));
vi.mock('../src/modules/auth/passwords.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/modules/auth/passwords.ts')>();
  return {
    ...actual,
    verifyPassword: (hash: string, password: string) => {
      hashed.checks++;
      return actual.verifyPassword(hash, password);
    },
  };
});

const LIMIT = 5;
let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await startTestApp({ IOC_LOGIN_MAX_FAILURES: String(LIMIT) });
  admin = await t.login('admin', ADMIN_PASSWORD);
});
afterAll(() => t.stop());

const makeUser = (username: string, password: string) =>
  t.createUser(admin, { username, displayName: username, roles: ['operator'], orgUnitCode: '42', password });

function signIn(app: TestApp['app'], username: string, password: string, address: string) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: address,
  });
}

describe('parallel guessing', () => {
  it('checks at most the limit of 100 simultaneous sign-ins, refusing the rest and the right password with 429', async () => {
    await makeUser('burst.target', 'right-password-1');
    hashed.checks = 0;
    // A different address for each, so only the per-user limit stands in the way.
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        signIn(t.app, 'burst.target', i === 79 ? 'right-password-1' : `wrong-${i}`, `10.9.${i >> 8}.${i & 255}`),
      ),
    );
    expect(hashed.checks).toBeLessThanOrEqual(LIMIT);
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(LIMIT);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(100 - LIMIT);
    for (const refused of answers.filter((a) => a.statusCode === 429)) {
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.json().error.code).toBe('RATE_LIMITED');
    }
    expect(statuses[79]).toBe(429);
    const after = await signIn(t.app, 'burst.target', 'right-password-1', '10.9.9.9');
    expect(after.statusCode).toBe(429);
    expect(hashed.checks).toBeLessThanOrEqual(LIMIT);
  });

  it('holds across two servers sharing the database: the user row is reserved before the hash', async () => {
    const other = await startTestApp({ IOC_LOGIN_MAX_FAILURES: String(LIMIT) }, { database: t.database });
    try {
      await makeUser('cluster.target', 'right-password-2');
      hashed.checks = 0;
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          signIn(i % 2 ? t.app : other.app, 'cluster.target', `wrong-${i}`, `10.8.${i >> 8}.${i & 255}`),
        ),
      );
      expect(hashed.checks).toBeLessThanOrEqual(LIMIT);
      expect(answers.filter((a) => a.statusCode === 429).length).toBeGreaterThanOrEqual(60 - LIMIT);
      const right = await signIn(other.app, 'cluster.target', 'right-password-2', '10.8.9.9');
      expect(right.statusCode).toBe(429);
    } finally {
      await other.close();
      await other.platform.close();
    }
  });

  it('gives a right password its attempt back: a few typos then the right one leave the count at zero', async () => {
    await makeUser('typo.user', 'right-password-3');
    for (let i = 0; i < LIMIT - 1; i++)
      expect((await signIn(t.app, 'typo.user', 'typo', '10.7.0.1')).statusCode).toBe(401);
    expect((await signIn(t.app, 'typo.user', 'right-password-3', '10.7.0.1')).statusCode).toBe(200);
    for (let i = 0; i < LIMIT - 1; i++)
      expect((await signIn(t.app, 'typo.user', 'typo', '10.7.0.2')).statusCode).toBe(401);
    expect((await signIn(t.app, 'typo.user', 'right-password-3', '10.7.0.2')).statusCode).toBe(200);
  });
});

describe('changing a password', () => {
  it('checks at most the limit of wrong current passwords sent at once, then refuses even the right one', async () => {
    await makeUser('session.thief', 'right-password-4');
    const cookie = await t.login('session.thief', 'right-password-4');
    hashed.checks = 0;
    const change = (currentPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers: { cookie },
        payload: { currentPassword, newPassword: 'an-entirely-new-one' },
      });
    const answers = await Promise.all(Array.from({ length: 15 }, (_, i) => change(`guess-${i}`)));
    expect(hashed.checks).toBeLessThanOrEqual(LIMIT);
    const refused = answers.filter((a) => a.statusCode === 429);
    expect(refused.length).toBeGreaterThanOrEqual(15 - LIMIT);
    expect(Number(refused[0]!.headers['retry-after'])).toBeGreaterThan(0);
    expect(answers.filter((a) => a.statusCode === 400).length).toBeLessThanOrEqual(LIMIT);
    expect((await change('right-password-4')).statusCode).toBe(429);
    // The same lock holds at sign-in: the guesses were counted against the user.
    expect((await signIn(t.app, 'session.thief', 'right-password-4', '10.6.0.1')).statusCode).toBe(429);
  });
});
