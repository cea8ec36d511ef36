import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyServerOptions, LogController } from 'fastify';
import { AppError } from './errors.ts';
import type { App, Services } from './http/app-types.ts';
import { frameworkErrors, registerErrorHandling } from './http/errors.ts';
import { registerGuard } from './http/guard.ts';
import { acceptRawBody } from './http/route-kit.ts';
import { registerValidation } from './http/validation.ts';
import { createKernel, type Kernel } from './kernel.ts';
import { agencyRoutes } from './modules/agencies/agencies.routes.ts';
import { heldAlertsJob } from './modules/alerts/alerts.jobs.ts';
import { alertRoutes } from './modules/alerts/alerts.routes.ts';
import { ruleJob } from './modules/alerts/rules/rules.job.ts';
import { ruleRoutes } from './modules/alerts/rules/rules.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { appendAudit } from './modules/audit/audit.service.ts';
import { systemActor } from './modules/auth/actor.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { userRoutes } from './modules/auth/users.routes.ts';
import { calendarRoutes } from './modules/calendar/calendar.routes.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { MqttIngest } from './modules/observations/mqtt/mqtt-ingest.ts';
import { observationRoutes } from './modules/observations/observations.routes.ts';
import { orgUnitRoutes } from './modules/orgunits/orgunits.routes.ts';
import { StreamRegistry, streamRoutes } from './modules/realtime/stream.routes.ts';
import { refuseForeignBodies } from './modules/system/body-gate.ts';
import { createMetrics } from './modules/system/metrics.ts';
import type { BackgroundWork } from './modules/system/scan-job.ts';
import { systemRoutes } from './modules/system/system.routes.ts';
import type { Platform } from './platform.ts';
import type { Subsystem } from './subsystem.ts';
import { SUBSYSTEMS } from './subsystems.ts';

export interface BuiltApp {
  app: App;
  services: Services;
  /**
   * What the subsystems run beside the server (connector pulls, alert scans, demo feeders): `serve` starts them;
   * close() stops them.
   */
  jobs: BackgroundWork[];
  /** Graceful: stops the jobs, ends live streams, lets in-flight requests finish; then close the platform. */
  close(): Promise<void>;
}

// Each subsystem's services are typed by name in `Services`; here they are handled alike.
const subsystems: readonly Subsystem[] = SUBSYSTEMS;

/** The kernel, then each subsystem's services on it, under the subsystem's name. */
export function createServices(platform: Platform): Services {
  const kernel = createKernel(platform);
  const services: Record<string, object> = { ...kernel };
  for (const subsystem of subsystems) services[subsystem.name] = subsystem.create(kernel);
  return services as unknown as Services;
}

/** A subsystem's own services, as its routes and jobs take them. */
function servicesOf(services: Services, subsystem: Subsystem): object {
  return (services as unknown as Record<string, object>)[subsystem.name]!;
}

export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
      ],
      censor: '[redacted]',
    },
  };
}

export async function buildApp(platform: Platform, options: { logger?: FastifyBaseLogger } = {}): Promise<BuiltApp> {
  const { config } = platform;
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Fastify's two lines per request at info drown the log (2,000 lines in 15 minutes of demo): one line, at debug.
    logController: new LogController({ disableRequestLogging: true }),
    // The router's own refusals (bad percent-encoding, an over-long path segment) get the IOC's error body too.
    frameworkErrors,
  }).withTypeProvider<TypeBoxTypeProvider>() as App;

  const services = createServices(platform);
  const streams = new StreamRegistry();
  const metrics = createMetrics(() => streams.size);

  registerValidation(app);
  registerErrorHandling(app);
  // Files sent as the body (CSV imports of agencies, procedures, dossiers): raw bytes, decoded by the service.
  acceptRawBody(app, 'text/csv', config.maxUploadBytes);
  app.addContentTypeParser(
    'application/geo+json',
    { parseAs: 'string', bodyLimit: config.maxUploadBytes },
    app.getDefaultJsonParser('error', 'ignore'),
  );

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // ECharts and React set style attributes; no script is inline.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.publicUrl?.startsWith('https:') ? undefined : false,
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'IOC — Intelligent Operations Center API',
        version: '0.1.0',
        description:
          'Sign in with POST /api/v1/auth/login (session cookie) or send `Authorization: Bearer <API key>`. Errors are `{ error: { code, message, details? } }`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ioc_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    request.log.debug(
      `${request.method} ${request.url.split('?')[0]} ${reply.statusCode} ${Math.round(reply.elapsedTime)} ms`,
    );
  });

  // Before any route: a JSON route refuses another content type before reading its body.
  refuseForeignBodies(app);
  registerGuard(app, services.auth, config.publicUrl);
  recordRefusedWrites(app, platform);
  const kernel: Kernel = services;
  // Observations published to the MQTT broker, when one is configured: started with the jobs, reported by /readyz.
  const mqtt = config.mqttUrl
    ? new MqttIngest(platform, kernel.observations, {
        url: config.mqttUrl,
        group: config.mqttGroup,
        autoRegister: config.mqttAutoRegister,
      })
    : null;
  systemRoutes(app, kernel, metrics, mqtt);
  authRoutes(app, kernel);
  userRoutes(app, kernel);
  auditRoutes(app, kernel);
  orgUnitRoutes(app, kernel);
  agencyRoutes(app, kernel.agencies);
  calendarRoutes(app, kernel.calendar);
  alertRoutes(app, kernel);
  observationRoutes(app, kernel);
  notificationRoutes(app, kernel);
  ruleRoutes(app, kernel);
  streamRoutes(app, kernel, streams);
  for (const subsystem of subsystems) subsystem.routes(app, servicesOf(services, subsystem), kernel);
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await serveWebApp(app, config.webDir);
  // This app notifies the alerts it hears from now on (what is queued survives a restart); `serve` sends them.
  const stopNotifying = services.notifications.dispatcher.listen();
  const jobs = [
    // Alerts held back by a silence go out when it ends.
    heldAlertsJob(kernel.alerts, app.log),
    services.notifications.dispatcher.job(app.log),
    ...subsystems.flatMap((subsystem) => subsystem.jobs?.(servicesOf(services, subsystem), kernel, app.log) ?? []),
  ];
  jobs.push(ruleJob(kernel.rules, app.log));
  if (mqtt) jobs.push(mqtt);
  return {
    app,
    services,
    jobs,
    close: async () => {
      stopNotifying();
      await Promise.all(jobs.map((job) => job.stop()));
      streams.closeAll();
      services.observations.close();
      await app.close();
    },
  };
}

/**
 * The built single-page app, with every non-API GET falling back to index.html for client-side routes. Files are
 * registered at start, so a rebuilt web app is served after a restart (npm start rebuilds before serving).
 */
async function serveWebApp(app: App, webDir: string): Promise<void> {
  const built = existsSync(join(webDir, 'index.html'));
  if (built) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // Client-side routes get the app; a missing file (a stale /assets/x.js) gets a real 404, never the app's HTML.
    const isPage =
      request.method === 'GET' && !/^\/(api|healthz|readyz|metrics)(\/|$)/.test(path) && !/\.[a-z0-9]+$/i.test(path);
    if (isPage && built) return reply.type('text/html').sendFile('index.html');
    if (isPage) {
      return reply
        .type('text/html')
        .send(
          '<!doctype html><meta charset="utf-8"><title>IOC</title><p>The web app is not built. Run <code>npm run build:web</code>; the API is at <a href="/api/docs">/api/docs</a>.</p>',
        );
    }
    return reply
      .status(404)
      .send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` } });
  });
}

const REFUSALS = new Set(['FORBIDDEN', 'OUT_OF_SCOPE', 'ORIGIN_REJECTED']);

/**
 * A write refused for want of permission, scope or origin is itself audited (`access.denied`): changing another
 * unit's data is an attempt the administrators must be able to see, not only the writes that succeeded.
 */
function recordRefusedWrites(app: App, platform: Platform): void {
  app.addHook('onError', async (request, _reply, error) => {
    if (request.method === 'GET' || !(error instanceof AppError) || !REFUSALS.has(error.code)) return;
    const actor = request.actor ?? { ...systemActor('anonymous', platform.config.rootUnit), ip: request.ip };
    const attempt = {
      method: request.method,
      route: request.routeOptions.url ?? request.url,
      code: error.code,
      reason: error.message,
    };
    await platform.db
      .transaction()
      .execute((trx) =>
        appendAudit(
          trx,
          actor,
          { action: 'access.denied', entityType: 'route', entityId: request.url.split('?')[0] ?? null },
          null,
          attempt,
          platform.now(),
        ),
      )
      .catch((failure: unknown) => request.log.error({ err: failure }, 'could not audit a refused write'));
  });
}
