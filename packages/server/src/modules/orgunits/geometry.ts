/** Minimal GeoJSON geometry handling for unit boundaries: validation, area-weighted centroid and bounding box. */

export type Position = [number, number];
export type PolygonCoords = Position[][];
export type BoundaryGeometry =
  | { type: 'Polygon'; coordinates: PolygonCoords }
  | { type: 'MultiPolygon'; coordinates: PolygonCoords[] };

/** [longitude, latitude] or [longitude, latitude, elevation], every one a finite number. */
function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    (value.length === 2 || value.length === 3) &&
    value.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  );
}

function isPolygon(value: unknown): value is PolygonCoords {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition))
  );
}

/** Returns the geometry when it is a valid WGS84 Polygon or MultiPolygon, otherwise a reason. */
export function parseBoundaryGeometry(value: unknown): BoundaryGeometry | string {
  if (typeof value !== 'object' || value === null) return 'geometry is missing';
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon') return isPolygon(coordinates) ? { type, coordinates } : 'invalid Polygon coordinates';
  if (type === 'MultiPolygon') {
    return Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every(isPolygon)
      ? { type, coordinates: coordinates as PolygonCoords[] }
      : 'invalid MultiPolygon coordinates';
  }
  return `geometry type ${describe(type)} is not a Polygon or MultiPolygon`;
}

/** A value named in a message: what a file holds may be an object that has no text, or megabytes of it. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? '(an array)' : '(an object)';
}

function polygons(geometry: BoundaryGeometry): PolygonCoords[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Signed area and first moments of a ring by the shoelace formula (planar; fine at commune scale). */
function ringMoments(ring: Position[]): { area: number; cx: number; cy: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  return { area: area / 2, cx: cx / 6, cy: cy / 6 };
}

/** Area-weighted centroid; holes subtract. Rounded to 5 decimals (about 1 m). */
export function centroidOf(geometry: BoundaryGeometry): Position {
  let area = 0;
  let mx = 0;
  let my = 0;
  for (const polygon of polygons(geometry)) {
    polygon.forEach((ring, index) => {
      const m = ringMoments(ring);
      // Normalise the winding order, then let the outer ring add and the holes subtract.
      const k = (m.area < 0 ? -1 : 1) * (index === 0 ? 1 : -1);
      area += k * m.area;
      mx += k * m.cx;
      my += k * m.cy;
    });
  }
  if (area === 0) {
    const first = polygons(geometry)[0]![0]![0]!;
    return [first[0], first[1]];
  }
  return [round5(mx / area), round5(my / area)];
}

export function bboxOf(geometry: BoundaryGeometry): [number, number, number, number] {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const polygon of polygons(geometry)) {
    for (const [x, y] of polygon[0]!) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return [minX, minY, maxX, maxY];
}

function round5(n: number): number {
  return Math.round(n * 1e5) / 1e5;
}
