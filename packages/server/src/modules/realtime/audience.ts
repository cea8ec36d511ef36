import { type BusEvent, EVENT_PERMISSIONS } from '@ioc/shared';
import type { Actor } from '../auth/actor.ts';

/** Whether the actor's scope covers a unit (the unit itself or one under the scope's unit). */
export type CoversUnit = (unitId: string) => Promise<boolean>;

/**
 * Who receives a live event: one who may read its data (the event type's permission) and whose scope covers it. A
 * record shared by agencies (a task, a document) reaches an officer acting for an agency only when that agency is
 * among them, whatever their org unit; other users when their scope covers one of its units (the root covers all). An
 * event about the whole deployment (no unit) reaches root-scope users only.
 */
export async function mayReceive(
  actor: Actor,
  event: Pick<BusEvent, 'name' | 'orgUnit' | 'shared'>,
  rootUnit: string,
  covers: CoversUnit,
): Promise<boolean> {
  if (!actor.permissions.has('events.read') || !actor.permissions.has(EVENT_PERMISSIONS[event.name])) return false;
  if (event.shared) {
    if (actor.scope.agency) return event.shared.agencies.includes(actor.scope.agency);
    if (actor.scope.unitId === rootUnit) return true;
    for (const unit of event.shared.units) if (await covers(unit)) return true;
    return false;
  }
  return event.orgUnit === null ? actor.scope.unitId === rootUnit : covers(event.orgUnit);
}
