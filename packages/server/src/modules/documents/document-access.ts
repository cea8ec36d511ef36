import type { Agency, DocumentAgencyRole, DocumentDirection } from '@ioc/shared';
import type { Actor } from '../auth/actor.ts';
import type { CoversUnit } from '../realtime/audience.ts';

/**
 * Who reads which documents (issue 11 §3), the rule of directed tasks (`tasks/task-access.ts`). Leaders (who assign
 * tasks) and users scoped to the root unit without an agency (the IOC operator) read the whole register: null. A user
 * acting for an agency (a department officer) reads the documents linked to it — issued by it or sent to it — and
 * the source documents of the tasks it leads or co-operates on. Anyone else (a commune officer) reads those of the
 * agencies in their scope (their commune's People's Committee) and of those agencies' tasks.
 */
export async function readableAgencies(
  actor: Actor,
  agencies: readonly Agency[],
  rootUnit: string,
  covers: CoversUnit,
): Promise<string[] | null> {
  if (actor.permissions.has('tasks.assign')) return null;
  if (actor.scope.agency) return [actor.scope.agency];
  if (actor.scope.unitId === rootUnit) return null;
  const inScope: string[] = [];
  for (const agency of agencies) if (await covers(agency.unitId)) inScope.push(agency.code);
  return inScope;
}

/**
 * The agency a registration is also linked to, so that a clerk never registers a document they then cannot read: the
 * registrar's own agency (or their commune's People's Committee), as the recipient of what arrives and the issuer of
 * what leaves. None for those who read the whole register.
 */
export function registrarLink(
  actor: Actor,
  agencies: readonly Agency[],
  rootUnit: string,
  direction: DocumentDirection,
): { agencyCode: string; role: DocumentAgencyRole } | null {
  if (actor.permissions.has('tasks.assign')) return null;
  const role = direction === 'incoming' ? 'to' : 'from';
  if (actor.scope.agency) return { agencyCode: actor.scope.agency, role };
  if (actor.scope.unitId === rootUnit) return null;
  const own = agencies.find((a) => a.unitId === actor.scope.unitId);
  return own ? { agencyCode: own.code, role } : null;
}
