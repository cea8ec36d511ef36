import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { AuthService } from '../modules/auth/auth.service.ts';
import { SESSION_COOKIE } from '../modules/auth/auth.service.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function expectedOrigin(request: FastifyRequest, publicUrl: string | undefined): string {
  if (publicUrl) return new URL(publicUrl).origin;
  return `${request.protocol}://${request.host}`;
}

/**
 * Every API request: who is it (cookie or API key), may a browser write from where it came from, and does the route's
 * declared permission hold. Routes only declare `config.permission`; nothing is checked by hand in handlers.
 */
export function registerGuard(app: FastifyInstance, auth: AuthService, publicUrl: string | undefined): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('viaCookie', false);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/') || request.is404) return;
    const config = request.routeOptions.config;
    const authorization = request.headers.authorization;
    const cookie = authorization ? undefined : request.cookies[SESSION_COOKIE];
    request.viaCookie = Boolean(cookie);

    if (!SAFE_METHODS.has(request.method) && !authorization) {
      const origin = request.headers.origin;
      if (origin && origin !== expectedOrigin(request, publicUrl)) {
        throw new AppError('ORIGIN_REJECTED', `Writes from origin ${origin} are not accepted`);
      }
    }
    if (config.public) return;
    request.actor = await auth.authenticate({ cookie, authorization }, request.ip);
    if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in or send a valid API key');
    if (request.actor.mustChangePassword && !config.duringPasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Change your temporary password before going on');
    }
    const permission = config.permission;
    if (permission === undefined) throw new AppError('FORBIDDEN', 'Route declares no permission');
    if (permission !== null && !request.actor.permissions.has(permission)) {
      throw new AppError('FORBIDDEN', `This needs the permission ${permission}`);
    }
  });
}
