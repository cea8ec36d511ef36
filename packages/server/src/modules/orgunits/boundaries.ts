import type { FieldError } from '@ioc/shared';
import { type BoundaryGeometry, centroidOf, parseBoundaryGeometry } from './geometry.ts';

export interface BoundaryFeature {
  code: string;
  geometry: BoundaryGeometry;
}

const CODE_PROPERTIES = ['code', 'ma_xa', 'MA_XA', 'maXa', 'ma', 'id'];

/**
 * Reads a GeoJSON FeatureCollection of unit boundaries. Every feature must carry a code and a valid (Multi)Polygon;
 * any problem refuses the whole file, naming each bad feature, so an import never half-applies.
 */
export function readBoundaryFile(
  input: unknown,
  codeProperty?: string,
): { features: BoundaryFeature[] } | { problems: FieldError[] } {
  const collection = input as { type?: unknown; features?: unknown };
  if (typeof input !== 'object' || input === null || collection.type !== 'FeatureCollection') {
    return { problems: [{ field: '/type', message: 'must be a GeoJSON FeatureCollection' }] };
  }
  if (!Array.isArray(collection.features) || collection.features.length === 0) {
    return { problems: [{ field: '/features', message: 'must be a non-empty array of features' }] };
  }
  const problems: FieldError[] = [];
  const features: BoundaryFeature[] = [];
  const seen = new Set<string>();
  collection.features.forEach((raw: unknown, index: number) => {
    if (!isObject(raw)) {
      problems.push({ field: `/features/${index}`, message: 'must be a GeoJSON Feature (an object)' });
      return;
    }
    const feature = raw as { properties?: unknown; id?: unknown; geometry?: unknown };
    const properties: Record<string, unknown> = isObject(feature.properties) ? feature.properties : {};
    const candidates = codeProperty
      ? [properties[codeProperty]]
      : [...CODE_PROPERTIES.map((p) => properties[p]), feature.id];
    const code = candidates.find((c) => typeof c === 'string' || typeof c === 'number');
    if (code === undefined) {
      problems.push({
        field: `/features/${index}`,
        message: `has no unit code (${codeProperty ?? CODE_PROPERTIES.join(', ')})`,
      });
      return;
    }
    const geometry = parseBoundaryGeometry(feature.geometry);
    if (typeof geometry === 'string') {
      problems.push({ field: `/features/${index}/geometry`, message: `${geometry} (unit ${String(code)})` });
      return;
    }
    const key = String(code);
    if (seen.has(key)) {
      problems.push({ field: `/features/${index}`, message: `unit ${key} appears twice` });
      return;
    }
    seen.add(key);
    features.push({ code: key, geometry });
  });
  return problems.length > 0 ? { problems } : { features };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export { centroidOf };
