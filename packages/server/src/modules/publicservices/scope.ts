import type { Actor } from '../auth/actor.ts';
import type { OrgUnitService } from '../orgunits/orgunits.service.ts';

/**
 * Whose dossiers a request reads: `unit` (default the caller's own) must be in the caller's scope; the root unit
 * (the province) means every dossier (null), including those whose agency matched no unit; a commune means its own.
 */
export async function dossierUnits(
  orgUnits: OrgUnitService,
  actor: Actor,
  unit: string | undefined,
  rootUnit: string,
): Promise<{ unit: string; units: string[] | null }> {
  const id = unit ?? actor.scope.unitId;
  await orgUnits.requireInScope(actor.scope, id);
  if (id === rootUnit) return { unit: id, units: null };
  const below = await orgUnits.currentInScope({ unitId: id });
  return { unit: id, units: [...new Set([id, ...below.map((u) => u.id)])] };
}
