import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OrgUnit, OrgUnitDetail, OrgUnitGroup } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, FIXTURES, SHIPPED_GEO, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin', ADMIN_PASSWORD);
});
afterAll(() => t.stop());

const get = async <T>(url: string) =>
  (await t.app.inject({ method: 'GET', url, headers: { cookie: admin } })).json() as T;

describe('the province as seeded', () => {
  it('has the 69 communes and wards of 2025: 60 communes and 9 wards, codes and names as published', async () => {
    const units = await get<OrgUnit[]>('/api/v1/orgunits?level=3&active=true');
    expect(units).toHaveLength(69);
    expect(units.filter((u) => u.kind === 'ward')).toHaveLength(9);
    expect(units.filter((u) => u.kind === 'commune')).toHaveLength(60);
    const csv = readFileSync(join(FIXTURES, 'units/ha-tinh-communes-2025.csv'), 'utf8').trim().split('\n').slice(1);
    const published = csv.map((line) => line.split(',').slice(0, 2));
    expect(units.map((u) => [u.code, u.name]).sort()).toEqual(published.sort());
    const thanhSen = units.find((u) => u.code === '18073');
    expect(thanhSen).toMatchObject({
      name: 'Phường Thành Sen',
      areaKm2: 28.23,
      validFrom: '2025-07-01',
      hasGeometry: false,
    });
    expect(thanhSen?.centroid?.[0]).toBeCloseTo(105.9, 1);
    expect(thanhSen?.centroid?.[1]).toBeCloseTo(18.34, 1);
  });

  it('keeps the 13 districts and the communes before 2025 as closed units', async () => {
    const districts = await get<OrgUnit[]>('/api/v1/orgunits?level=2');
    expect(districts).toHaveLength(13);
    expect(districts.every((d) => d.validTo !== null)).toBe(true);
    expect(districts.find((d) => d.code === '448')).toMatchObject({ name: 'Huyện Lộc Hà', validTo: '2025-01-01' });
    const active = await get<OrgUnit[]>('/api/v1/orgunits?level=2&active=true');
    expect(active).toHaveLength(0);
    const closedCommunes = (await get<OrgUnit[]>('/api/v1/orgunits?level=3')).filter((u) => u.validTo);
    expect(closedCommunes.length).toBeGreaterThanOrEqual(210);
  });

  it('maps old communes onto the new ones, splitting a commune divided between three', async () => {
    const thanhSen = await get<OrgUnitDetail>('/api/v1/orgunits/18073');
    expect(thanhSen.predecessors.map((p) => p.code)).toEqual([
      '18073',
      '18077',
      '18079',
      '18082',
      '18085',
      '18091',
      '18094',
      '18097',
      '18109',
    ]);
    expect(thanhSen.predecessors.find((p) => p.code === '18082')?.share).toBe(0.5);
    // Kỳ Lợi went to three wards (Sông Trí, Vũng Áng, Hoành Sơn).
    const kyLoi = await get<OrgUnitDetail>('/api/v1/orgunits/18796@2024');
    expect(kyLoi.unit).toMatchObject({ code: '18796', name: 'Xã Kỳ Lợi', validTo: '2025-07-01' });
    expect(kyLoi.successors.map((s) => s.code)).toEqual(['18754', '18823', '18832']);
    expect(kyLoi.successors.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 3);
    expect(kyLoi.parent?.code).toBe('449');
  });

  it('seeds the urban centres as groups', async () => {
    const groups = await get<OrgUnitGroup[]>('/api/v1/orgunit-groups');
    expect(groups.map((g) => g.code)).toEqual(expect.arrayContaining(['ha-tinh-city', 'hong-linh', 'ky-anh']));
    expect(groups.find((g) => g.code === 'hong-linh')?.members).toEqual(['18115', '18118']);
    const detail = await get<OrgUnitDetail>('/api/v1/orgunits/18823');
    expect(detail.groups.map((g) => g.code)).toEqual(['ky-anh']);
  });

  it('draws the map from centroids until boundaries are imported', async () => {
    const map = await get<{ features: { geometry: { type: string } }[] }>('/api/v1/orgunits/geojson');
    expect(map.features).toHaveLength(69);
    expect(map.features.every((f) => f.geometry.type === 'Point')).toBe(true);
  });
});

describe('boundary import', () => {
  it('refuses a file with a bad feature and changes nothing', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgunits/boundaries',
      headers: { cookie: admin, 'content-type': 'application/geo+json' },
      payload: JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: '18073' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [105.9, 18.3],
                  [105.91, 18.3],
                  [105.91, 18.31],
                  [105.9, 18.3],
                ],
              ],
            },
          },
          {
            type: 'Feature',
            properties: { code: '18100' },
            geometry: {
              type: 'LineString',
              coordinates: [
                [105.9, 18.3],
                [105.91, 18.3],
              ],
            },
          },
        ],
      }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { field: '/features/1/geometry', message: expect.stringContaining('LineString') },
    ]);
    const map = await get<{ features: { geometry: { type: string } }[] }>('/api/v1/orgunits/geojson');
    expect(map.features.every((f) => f.geometry.type === 'Point')).toBe(true);
  });

  it('imports the published boundaries of all 69 units and the province', async () => {
    const communes = readFileSync(join(SHIPPED_GEO, 'ha-tinh-communes-2025.geojson'), 'utf8');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgunits/boundaries',
      headers: { cookie: admin, 'content-type': 'application/geo+json' },
      payload: communes,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ matched: 69, unmatched: [], unitsWithoutBoundary: [] });
    const map = await get<{ features: { id: string; geometry: { type: string } }[] }>('/api/v1/orgunits/geojson');
    expect(map.features.every((f) => ['Polygon', 'MultiPolygon'].includes(f.geometry.type))).toBe(true);
    const audit = await get<{ entries: { action: string; after: { matched: number } }[] }>(
      '/api/v1/audit?action=orgunits.boundaries.import',
    );
    expect(audit.entries[0]?.after.matched).toBe(69);
  });

  it('only lets orgunits.write import', async () => {
    await t.createUser(admin, {
      username: 'viewer',
      displayName: 'V',
      roles: ['leader'],
      orgUnitCode: '42',
      password: 'viewer-pass-1',
    });
    const cookie = await t.login('viewer', 'viewer-pass-1');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/orgunits/boundaries',
      headers: { cookie },
      payload: { type: 'FeatureCollection', features: [] },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('groups', () => {
  it('creates, edits and deletes a group, refusing unknown members', async () => {
    const bad = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/orgunit-groups/coast',
      headers: { cookie: admin },
      payload: { name: 'Ven biển', nameEn: 'Coast', members: ['18676', '99999'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('/members/1');
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/orgunit-groups/coast',
      headers: { cookie: admin },
      payload: { name: 'Ven biển', nameEn: 'Coast', members: ['18676', '18364'] },
    });
    expect(saved.json()).toMatchObject({ code: 'coast', members: ['18364', '18676'] });
    const deleted = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/orgunit-groups/coast',
      headers: { cookie: admin },
    });
    expect(deleted.statusCode).toBe(200);
    expect((await get<OrgUnitGroup[]>('/api/v1/orgunit-groups')).some((g) => g.code === 'coast')).toBe(false);
  });
});
