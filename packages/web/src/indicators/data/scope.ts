import type { DataSet, OrgUnit } from '@ioc/shared';
import { compareUnits } from '../../api/orgUnits.ts';

/** Whether `unit` is the scope unit or lies under it, following parents among the units given. */
export function inScope(unit: OrgUnit, scopeId: string, byId: ReadonlyMap<string, OrgUnit>): boolean {
  let cursor: OrgUnit | undefined = unit;
  for (let depth = 0; cursor && depth < 10; depth++) {
    if (cursor.id === scopeId) return true;
    cursor = cursor.parentId ? byId.get(cursor.parentId) : undefined;
  }
  return false;
}

/**
 * The units a user may enter a data set for: its reporting units (every current commune and ward when it lists
 * none, as the server's template does) that lie in the user's scope.
 */
export function entryUnits(set: DataSet, units: readonly OrgUnit[], scopeId: string | null): OrgUnit[] {
  if (!scopeId) return [];
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const listed =
    set.units.length > 0 ? set.units.flatMap((id) => byId.get(id) ?? []) : units.filter((u) => u.level === 3);
  return listed.filter((unit) => inScope(unit, scopeId, byId)).sort(compareUnits);
}
