import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VersionedCache } from '../src/lib/versioned-cache.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

describe('a view computed once per version of its data', () => {
  it('shares one computation between concurrent requests, and computes again for a new version', async () => {
    const cache = new VersionedCache<number>(10);
    let computed = 0;
    const compute = async () => {
      computed++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return computed;
    };
    const answers = await Promise.all(Array.from({ length: 50 }, () => cache.get('2025', 'v1', compute)));
    expect(new Set(answers)).toEqual(new Set([1]));
    expect(computed).toBe(1);
    expect(await cache.get('2025', 'v1', compute)).toBe(1);
    expect(await cache.get('2025', 'v2', compute)).toBe(2);
  });

  it('forgets a failure and the least recently used keys beyond its bound', async () => {
    const cache = new VersionedCache<string>(2);
    await expect(cache.get('a', 'v', () => Promise.reject(new Error('database away')))).rejects.toThrow();
    expect(await cache.get('a', 'v', async () => 'a again')).toBe('a again');
    await cache.get('b', 'v', async () => 'b');
    await cache.get('a', 'v', async () => 'not asked');
    await cache.get('c', 'v', async () => 'c');
    expect(cache.size).toBe(2);
    expect(await cache.get('b', 'v', async () => 'b recomputed')).toBe('b recomputed');
    expect(await cache.get('c', 'v', async () => 'not asked')).toBe('c');
  });
});

describe('the one-stop figures under the cache follow every write that touches them', () => {
  let t: TestApp;
  let admin: string;
  const received = async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public-services/summary?period=2025',
      headers: { cookie: admin },
    });
    expect(response.statusCode).toBe(200);
    return (response.json() as { total: { received: number } }).total.received;
  };
  const sync = (code: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/public-services/sync',
      headers: { cookie: admin },
      payload: {
        service: 'DongBoHoSoMC',
        data: [
          {
            MaHoSo: code,
            MaTTHC: '1.000894',
            NgayTiepNhan: '20250310083000',
            NgayHenTra: '20250317170000',
            TrangThaiHoSo: 4,
            DonViXuLy: 'UBND phường Thành Sen',
          },
        ],
      },
    });

  beforeAll(async () => {
    t = await startTestApp({}, { now: new Date('2026-01-15T03:00:00Z') });
    admin = await t.login('admin', ADMIN_PASSWORD);
  });
  afterAll(() => t.stop());

  it('answers the same figures until a sync, and the new ones right after it', async () => {
    expect(await received()).toBe(0);
    expect((await sync('CACHE-1')).statusCode).toBe(200);
    expect(await received()).toBe(1);
    expect(await received()).toBe(1);
    expect((await sync('CACHE-2')).statusCode).toBe(200);
    expect(await received()).toBe(2);
  });

  it('computes a leader view once for fifty screens asking at once', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => received()));
    expect(new Set(answers)).toEqual(new Set([2]));
  });
});
