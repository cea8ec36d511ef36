import type { OrgUnit } from '@ioc/shared';
import { useApiQuery } from './queries.ts';

const NO_UNITS: OrgUnit[] = [];

/** Units valid today; several forms need them, and they do not change while the app is open: asked once. */
export function useActiveUnits(): { units: OrgUnit[]; error: unknown } {
  const units = useApiQuery(
    'GET /api/v1/orgunits',
    { query: { active: true } },
    { staleTime: Number.POSITIVE_INFINITY },
  );
  return { units: units.data ?? NO_UNITS, error: units.error };
}

/** Current communes and wards (level 3). */
export function isLocalUnit(unit: OrgUnit): boolean {
  return unit.level === 3;
}

const KIND_ORDER = ['province', 'city', 'town', 'district', 'ward', 'township', 'commune'];

export function compareUnits(a: OrgUnit, b: OrgUnit): number {
  return (
    a.level - b.level ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    a.name.localeCompare(b.name, 'vi', { sensitivity: 'base' })
  );
}
