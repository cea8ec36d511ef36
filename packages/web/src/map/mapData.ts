import type { UnitMapCollection, UnitMapFeature } from '@ioc/shared';

export type Position = number[];

export type MapMode = 'boundaries' | 'centroids';

export interface MapUnit {
  code: string;
  name: string;
  nameEn: string;
  kind: string;
  areaKm2: number | null;
  /** Drawn from an imported boundary; otherwise a disc of the unit's area around its centroid. */
  hasBoundary: boolean;
  centroid: Position | null;
}

export interface MapData {
  mode: MapMode;
  /** Polygons only, ready for echarts.registerMap; points were turned into discs. */
  collection: UnitMapCollection;
  units: MapUnit[];
  /** Mean latitude, to correct the aspect ratio of the plate carrée projection. */
  latitude: number;
  /** The province's boundary as lines (its rings), drawn over the communes; null until it is imported. */
  outline: Position[][] | null;
  /** The shipped boundary layer's name when the IOC seeded it, for the credit line; null otherwise. */
  source: string | null;
}

const KM_PER_DEGREE_LAT = 110.574;
const KM_PER_DEGREE_LON_AT_EQUATOR = 111.32;
/** Discs a little smaller than the unit's area, so that neighbours overlap less. */
const DISC_SHRINK = 0.8;
const DEFAULT_AREA_KM2 = 30;
const DISC_VERTICES = 40;

/** A polygon approximating a disc of `areaKm2` around [lon, lat]. */
export function disc(center: Position, areaKm2: number | null): Position[][] {
  const [lon = 0, lat = 0] = center;
  const radiusKm = Math.sqrt((areaKm2 ?? DEFAULT_AREA_KM2) / Math.PI) * DISC_SHRINK;
  const dLat = radiusKm / KM_PER_DEGREE_LAT;
  const dLon = radiusKm / (KM_PER_DEGREE_LON_AT_EQUATOR * Math.cos((lat * Math.PI) / 180));
  const ring: Position[] = [];
  for (let i = 0; i <= DISC_VERTICES; i += 1) {
    const angle = (2 * Math.PI * i) / DISC_VERTICES;
    ring.push([lon + dLon * Math.cos(angle), lat + dLat * Math.sin(angle)]);
  }
  return [ring];
}

function firstPosition(feature: UnitMapFeature): Position | null {
  const geometry = feature.geometry;
  if (!geometry) return null;
  if (geometry.type === 'Point') return geometry.coordinates;
  const ring = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0]?.[0];
  return ring?.[0] ?? null;
}

export function buildMapData(source: UnitMapCollection): MapData {
  const features: UnitMapFeature[] = [];
  const units: MapUnit[] = [];
  let latitudeSum = 0;

  for (const feature of source.features) {
    const geometry = feature.geometry;
    if (!geometry) continue;
    const properties = { ...feature.properties };
    const hasBoundary = geometry.type !== 'Point';
    features.push({
      type: 'Feature',
      id: feature.id,
      properties,
      geometry: hasBoundary
        ? geometry
        : { type: 'Polygon', coordinates: disc(geometry.coordinates, properties.areaKm2) },
    });
    units.push({
      code: properties.code,
      name: properties.name,
      nameEn: properties.nameEn,
      kind: properties.kind,
      areaKm2: properties.areaKm2,
      hasBoundary,
      centroid: geometry.type === 'Point' ? geometry.coordinates : null,
    });
    latitudeSum += firstPosition(feature)?.[1] ?? 0;
  }

  return {
    mode: units.some((unit) => unit.hasBoundary) ? 'boundaries' : 'centroids',
    collection: { type: 'FeatureCollection', features },
    units,
    latitude: units.length > 0 ? latitudeSum / units.length : 18.3,
    outline: outlineRings(source.outline),
    source: source.source ?? null,
  };
}

function outlineRings(outline: UnitMapCollection['outline']): Position[][] | null {
  if (!outline) return null;
  return outline.type === 'Polygon' ? outline.coordinates : outline.coordinates.flat();
}
