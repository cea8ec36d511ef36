import { readFileSync } from 'node:fs';
import type { Platform } from '../../platform.ts';
import { systemActor } from '../auth/actor.ts';
import { readBoundaryFile } from './boundaries.ts';
import { anyGeometry } from './orgunits.repo.ts';
import type { OrgUnitService } from './orgunits.service.ts';
import { countPositions, simplifyBoundaries } from './simplify.ts';

/** The 2025 boundaries the project ships (source and terms in the README's data table). */
export const SHIPPED_BOUNDARY_FILES = ['ha-tinh-communes-2025.geojson', 'ha-tinh-province-2025.geojson'];

/** The name the map's credit line goes by (`GET /api/v1/orgunits/geojson` answers it as `source`). */
export const SHIPPED_BOUNDARY_SOURCE = 'vietnamese-provinces-database-2025';

/**
 * About 11 m: a fifth of a pixel for the province on a 3840-pixel wall. It keeps a quarter of the 104,571 positions
 * (2.2 MB → 0.5 MB of GeoJSON each time a map opens) and the outlines look the same.
 */
export const SHIPPED_BOUNDARY_TOLERANCE = 1e-4;

/** The shipped boundaries as one FeatureCollection, simplified; what the demo seeds. */
export function shippedBoundaries(tolerance = SHIPPED_BOUNDARY_TOLERANCE): {
  collection: { type: 'FeatureCollection'; features: unknown[] };
  positions: { before: number; after: number };
} {
  const features = SHIPPED_BOUNDARY_FILES.flatMap((name) => {
    const text = readFileSync(new URL(`./seed/geo/${name}`, import.meta.url), 'utf8');
    const read = readBoundaryFile(JSON.parse(text));
    if ('problems' in read) throw new Error(`shipped boundary file ${name} is invalid: ${read.problems[0]?.message}`);
    return read.features;
  });
  const geometries = features.map((feature) => feature.geometry);
  const simplified = simplifyBoundaries(geometries, tolerance);
  return {
    collection: {
      type: 'FeatureCollection',
      features: features.map((feature, index) => ({
        type: 'Feature',
        properties: { code: feature.code },
        geometry: simplified[index],
      })),
    },
    positions: { before: countPositions(geometries), after: countPositions(simplified) },
  };
}

/**
 * The demo's map layer: imports the shipped boundaries through the same path as an administrator's upload (checked,
 * audited, announced) on a database where no unit has a boundary yet. Once any unit has one, they belong to whoever
 * put them there and this does nothing. Returns a line for the start report, or null.
 */
export async function seedShippedBoundaries(platform: Platform, orgUnits: OrgUnitService): Promise<string | null> {
  if (await anyGeometry(platform.db)) return null;
  const { collection, positions } = shippedBoundaries();
  const actor = systemActor('demo', platform.config.rootUnit);
  const result = await orgUnits.importBoundaries(actor, collection, undefined, SHIPPED_BOUNDARY_SOURCE);
  return `demo map: boundaries of ${result.matched} units (${positions.after} of ${positions.before} positions kept)`;
}
