import type { Agency } from '@ioc/shared';
import type { Actor } from '../../auth/actor.ts';
import type { OrgUnitService } from '../../orgunits/orgunits.service.ts';

/**
 * Who sees which tasks. Leaders (who assign) see all. A user who acts for an agency — a department officer — sees
 * the tasks that agency leads or co-operates on. Otherwise the org-unit scope decides: the province sees all (the
 * IOC operator), a commune officer sees the tasks of the agencies in their commune (its People's Committee).
 */
export async function unitsOfActor(
  actor: Actor,
  agencies: readonly Agency[],
  orgUnits: OrgUnitService,
  rootUnit: string,
): Promise<string[] | null> {
  if (actor.permissions.has('tasks.assign')) return null;
  if (actor.scope.agency) return [actor.scope.agency];
  if (actor.scope.unitId === rootUnit) return null;
  const inScope: string[] = [];
  for (const agency of agencies) {
    if (await orgUnits.inScope(actor.scope, agency.unitId)) inScope.push(agency.code);
  }
  return inScope;
}

/**
 * The agency an actor acts for on a task, if any: their own agency, or the one agency in their scope among the
 * task's units (the lead first). Leaders and the operator act for none: they direct, they do not report.
 */
export function actingUnit(
  actor: Actor,
  actorUnits: readonly string[] | null,
  lead: string,
  units: readonly string[],
): string | null {
  if (actor.scope.agency) return units.includes(actor.scope.agency) ? actor.scope.agency : null;
  if (actorUnits === null) return null;
  if (actorUnits.includes(lead)) return lead;
  return units.find((u) => actorUnits.includes(u)) ?? null;
}
