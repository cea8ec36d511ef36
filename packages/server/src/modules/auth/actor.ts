import type { Permission } from '@ioc/shared';

/** The org unit a principal may see: the unit and everything under it (the province root sees all). */
export interface Scope {
  unitId: string;
  /** A user who acts for an agency (a department officer) sees and updates that agency's directed tasks only. */
  agency?: string | null;
}

/** Who is acting, carried from the request into services and the audit log. */
export interface Actor {
  type: 'user' | 'apikey' | 'system';
  id: number | null;
  name: string;
  /** A person's name as the pages show it (a user's display name); the audit log keeps `name`. */
  displayName?: string;
  ip: string | null;
  permissions: ReadonlySet<Permission>;
  scope: Scope;
  mustChangePassword: boolean;
}

/** The sign-in behind a user's or key's requests: what ends them (a logout, an expiry, a revoked key). */
export interface SignIn {
  userId: number | null;
  /** The stored session id (SHA-256 of the cookie), for a browser. */
  sessionId: string | null;
  apiKeyId: number | null;
}

/** How a page names who acted: the user's display name, else the account or key name. */
export const shownName = (actor: Actor): string => actor.displayName ?? actor.name;

/** The IOC acting on its own (seeding, connectors, the demo): scoped to the deployment's root unit, the whole province. */
export function systemActor(name: string, rootUnit: string, permissions: ReadonlySet<Permission> = new Set()): Actor {
  return {
    type: 'system',
    id: null,
    name,
    ip: null,
    permissions,
    scope: { unitId: rootUnit },
    mustChangePassword: false,
  };
}
