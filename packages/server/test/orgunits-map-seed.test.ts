import type { UnitMapCollection } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedShippedBoundaries, shippedBoundaries } from '../src/modules/orgunits/boundaries.seed.ts';
import type { BoundaryGeometry, Position } from '../src/modules/orgunits/geometry.ts';
import { simplifyBoundaries } from '../src/modules/orgunits/simplify.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

describe('simplifying neighbouring boundaries', () => {
  // Two unit squares side by side share the border x = 1, drawn with a wiggle of 0.05 at (1, 0.5) by both. The left
  // square's top edge has a bump of 0.2 at (0.5, 1.2); its bottom edge a bump of 0.05 at (0.5, -0.05).
  const left: BoundaryGeometry = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [0.5, -0.05],
        [1, 0],
        [1.05, 0.5],
        [1, 1],
        [0.5, 1.2],
        [0, 1],
        [0, 0],
      ],
    ] as Position[][],
  };
  const right: BoundaryGeometry = {
    type: 'Polygon',
    coordinates: [
      [
        [1, 0],
        [2, 0],
        [2, 1],
        [1, 1],
        [1.05, 0.5],
        [1, 0],
      ],
    ] as Position[][],
  };

  it('drops what is within the tolerance, keeps what is beyond it, and the shared border the same on both sides', () => {
    const [l, r] = simplifyBoundaries([left, right], 0.1);
    // Left: the 0.05 bump and the 0.05 wiggle go (both under 0.1); the 0.2 bump stays.
    expect(l!.coordinates).toEqual([
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0.5, 1.2],
        [0, 1],
        [0, 0],
      ],
    ]);
    // Right: the same border, without the wiggle either; its own corners stay.
    expect(r!.coordinates).toEqual([
      [
        [1, 0],
        [2, 0],
        [2, 1],
        [1, 1],
        [1, 0],
      ],
    ]);
  });

  it('keeps the wiggle on both sides when it is beyond the tolerance', () => {
    const [l, r] = simplifyBoundaries([left, right], 0.01);
    expect((l!.coordinates as Position[][])[0]).toContainEqual([1.05, 0.5]);
    expect((r!.coordinates as Position[][])[0]).toContainEqual([1.05, 0.5]);
  });

  it('keeps a quarter of the shipped positions at the shipped tolerance, for the 69 communes and the province', () => {
    const { collection, positions } = shippedBoundaries();
    expect(collection.features).toHaveLength(70);
    expect(positions.before).toBe(104_571);
    expect(positions.after).toBeLessThan(positions.before * 0.3);
    expect(positions.after).toBeGreaterThan(positions.before * 0.15);
  });
});

describe('the demo map layer', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp({}, { now: new Date('2026-03-10T02:00:00Z') });
    admin = await t.login('admin', ADMIN_PASSWORD);
  });
  afterAll(() => t.stop());

  const map = async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/orgunits/geojson', headers: { cookie: admin } });
    return { body: response.json() as UnitMapCollection, bytes: response.body.length };
  };

  it('seeds the shipped boundaries once, through the audited import, with the province as the outline', async () => {
    const before = await map();
    expect(before.body.features.every((f) => f.geometry?.type === 'Point')).toBe(true);
    expect(before.body.outline).toBeNull();
    expect(before.body.source).toBeNull();

    const line = await seedShippedBoundaries(t.platform, t.services.orgUnits);
    expect(line).toMatch(/^demo map: boundaries of 70 units \(\d+ of 104571 positions kept\)$/);

    const after = await map();
    expect(after.body.features).toHaveLength(69);
    expect(after.body.features.every((f) => f.geometry?.type === 'MultiPolygon')).toBe(true);
    expect(after.body.outline?.type).toBe('MultiPolygon');
    expect(after.body.source).toBe('vietnamese-provinces-database-2025');
    // Simplified: about half a megabyte where the shipped files hold 2.2 MB.
    expect(after.bytes).toBeLessThan(700_000);

    const audit = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/audit?action=orgunits.boundaries.import',
        headers: { cookie: admin },
      })
    ).json() as { entries: { actorType: string; actorName: string; after: { matched: number } }[] };
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ actorType: 'system', actorName: 'demo', after: { matched: 70 } });

    // Idempotent: the next start finds boundaries and leaves them.
    expect(await seedShippedBoundaries(t.platform, t.services.orgUnits)).toBeNull();
  });
});

describe('a database whose administrator imported boundaries', () => {
  it('keeps theirs: the demo seeds nothing over them', async () => {
    const t = await startTestApp();
    try {
      const admin = await t.login('admin', ADMIN_PASSWORD);
      const square = [
        [
          [105.9, 18.3],
          [105.91, 18.3],
          [105.91, 18.31],
          [105.9, 18.3],
        ],
      ];
      const imported = await t.app.inject({
        method: 'POST',
        url: '/api/v1/orgunits/boundaries',
        headers: { cookie: admin, 'content-type': 'application/json' },
        payload: {
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', properties: { code: '18073' }, geometry: { type: 'Polygon', coordinates: square } },
          ],
        },
      });
      expect(imported.statusCode).toBe(200);
      expect(await seedShippedBoundaries(t.platform, t.services.orgUnits)).toBeNull();
      const body = (
        await t.app.inject({ method: 'GET', url: '/api/v1/orgunits/geojson', headers: { cookie: admin } })
      ).json() as UnitMapCollection;
      expect(body.features.filter((f) => f.geometry?.type === 'Polygon')).toHaveLength(1);
      expect(body.source).toBeNull();
      expect(body.features.find((f) => f.id === '18073')?.geometry?.coordinates).toEqual(square);
    } finally {
      await t.stop();
    }
  });
});
