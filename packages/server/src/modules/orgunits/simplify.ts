import type { BoundaryGeometry, PolygonCoords, Position } from './geometry.ts';

/**
 * Douglas–Peucker simplification of a set of neighbouring boundaries that keeps them fitting together: a border two
 * units share runs between the same junction points in both (where the units owning the boundary's edges change),
 * and is simplified piece by piece between those points, so both sides drop the same vertices and no gap opens.
 * `tolerance` is in degrees (1e-4 ≈ 11 m, a fifth of a pixel for the province on a 4K wall).
 */
export function simplifyBoundaries(geometries: BoundaryGeometry[], tolerance: number): BoundaryGeometry[] {
  const owners = new Map<number, number[]>();
  geometries.forEach((geometry, index) => {
    for (const polygon of polygonsOf(geometry)) {
      for (const ring of polygon) {
        for (const position of ring) {
          const key = keyOf(position);
          const list = owners.get(key);
          if (!list) owners.set(key, [index]);
          else if (list[list.length - 1] !== index) list.push(index);
        }
      }
    }
  });
  const ownersOf = (position: Position) => owners.get(keyOf(position))!;
  const simplifyRing = (ring: Position[]): Position[] => {
    const open = ring.slice(0, -1);
    const n = open.length;
    if (n < 4) return ring;
    // A junction is where the units along the boundary change: the edges before and after it have different owners.
    const edgeOwners = (i: number) => intersect(ownersOf(open[i]!), ownersOf(open[(i + 1) % n]!));
    const junctions: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!sameSet(edgeOwners((i + n - 1) % n), edgeOwners(i))) junctions.push(i);
    }
    // A ring alone (an island, or one border all round) is cut at its first vertex and the one farthest from it.
    if (junctions.length < 2) junctions.splice(0, junctions.length, 0, farthestFrom(open, 0));
    const keep = new Uint8Array(n);
    for (let j = 0; j < junctions.length; j++) {
      const from = junctions[j]!;
      const to = junctions[(j + 1) % junctions.length]!;
      const run: Position[] = [];
      for (let i = from; ; i = (i + 1) % n) {
        run.push(open[i]!);
        if (i === to && run.length > 1) break;
      }
      const kept = douglasPeucker(run, tolerance);
      kept.forEach((k) => {
        keep[(from + k) % n] = 1;
      });
    }
    const out = open.filter((_, i) => keep[i] === 1);
    if (out.length < 3) return ring;
    return [...out, out[0]!];
  };
  return geometries.map((geometry) => {
    const polygons = polygonsOf(geometry).map((polygon) => polygon.map(simplifyRing));
    return geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: polygons[0]! }
      : { type: 'MultiPolygon', coordinates: polygons };
  });
}

/** The number of positions, to say how much simplification saved. */
export function countPositions(geometries: BoundaryGeometry[]): number {
  return geometries.reduce(
    (sum, geometry) =>
      sum + polygonsOf(geometry).reduce((s, polygon) => s + polygon.reduce((r, ring) => r + ring.length, 0), 0),
    0,
  );
}

function polygonsOf(geometry: BoundaryGeometry): PolygonCoords[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** A number, not a string, as the key of a position: the maps stay fast at 100,000 vertices. */
const keyOf = ([x, y]: Position) => Math.round(x * 1e5) * 1e8 + Math.round(y * 1e5);

function intersect(a: number[], b: number[]): number[] {
  return a.filter((x) => b.includes(x));
}

/** Owner lists are filled in index order, so equal sets are equal arrays. */
function sameSet(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function farthestFrom(points: Position[], index: number): number {
  const [x0, y0] = points[index]!;
  let best = index;
  let bestDistance = -1;
  points.forEach(([x, y], i) => {
    const d = (x - x0) ** 2 + (y - y0) ** 2;
    if (d > bestDistance) {
      bestDistance = d;
      best = i;
    }
  });
  return best;
}

/**
 * Indices of the points kept, first and last always. Ties between equally far points go to the one nearer the
 * run's middle, so the same border read backwards from the neighbour's side keeps the same points.
 */
function douglasPeucker(points: Position[], tolerance: number): number[] {
  const keep = new Set<number>([0, points.length - 1]);
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let index = -1;
    let max = tolerance;
    const middle = (first + last) / 2;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i]!, points[first]!, points[last]!);
      if (d > max || (d === max && index >= 0 && Math.abs(i - middle) < Math.abs(index - middle))) {
        max = d;
        index = i;
      }
    }
    if (index >= 0) {
      keep.add(index);
      stack.push([first, index], [index, last]);
    }
  }
  return [...keep].sort((a, b) => a - b);
}

function distanceToSegment([x, y]: Position, [x1, y1]: Position, [x2, y2]: Position): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / length2));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}
