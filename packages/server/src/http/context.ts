import type { Permission } from '@ioc/shared';
import type { Actor } from '../modules/auth/actor.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** True when the request was authenticated by its session cookie (the only case a cross-site write could ride on). */
    viaCookie: boolean;
  }
  interface FastifyContextConfig {
    /** The permission the route needs; `null` = any signed-in principal. */
    permission?: Permission | null;
    /** Reachable without signing in (sign-in itself, health). */
    public?: boolean;
    /** Reachable while a forced password change is pending. */
    duringPasswordChange?: boolean;
  }
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new Error('route reached without an authenticated actor');
  return actor;
}

/** The signed-in principal of a route that declares a permission: the guard let no one else through. */
export function actorOf(request: { actor: Actor | null }): Actor {
  return requireActor(request.actor);
}
