import { ChangePasswordBody, ErrorResponse, LoginBody, Me, OkResponse } from '@ioc/shared';
import type { App } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { errorResponses } from '../../http/route-kit.ts';
import type { Kernel } from '../../kernel.ts';
import { SESSION_COOKIE } from './auth.service.ts';

const errors = errorResponses(400, 401, 403, 429);

export function authRoutes(app: App, { auth, platform }: Kernel): void {
  const secure = platform.config.publicUrl?.startsWith('https:') ?? false;

  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie',
        body: LoginBody,
        response: { 200: Me, ...errors },
      },
    },
    async (request, reply) => {
      const signedIn = await auth.login(request.body.username, request.body.password, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(SESSION_COOKIE, signedIn.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure,
        path: '/',
        maxAge: signedIn.maxAgeSeconds,
      });
      return signedIn.me;
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { permission: null, duringPasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign out; ends this session',
        response: { 200: OkResponse, 401: ErrorResponse },
      },
    },
    async (request, reply) => {
      await auth.logout(request.cookies[SESSION_COOKIE], actorOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { permission: null, duringPasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user or API key, with effective permissions',
        response: { 200: Me, 401: ErrorResponse },
      },
    },
    async (request) => auth.me(actorOf(request)),
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { permission: null, duringPasswordChange: true },
      schema: {
        tags: ['auth'],
        summary: 'Change your own password',
        body: ChangePasswordBody,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => {
      const { currentPassword, newPassword } = request.body;
      await auth.changePassword(actorOf(request), currentPassword, newPassword, request.cookies[SESSION_COOKIE]);
      return { ok: true as const };
    },
  );
}
