import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyServerOptions } from 'fastify';
import type { App, Services } from './http/app-types.ts';
import { AppError, registerErrorHandling } from './http/errors.ts';
import { registerGuard } from './http/guard.ts';
import { registerValidation } from './http/validation.ts';
import { alertRoutes } from './modules/alerts/alerts.routes.ts';
import { AlertService } from './modules/alerts/alerts.service.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { appendAudit } from './modules/audit/audit.service.ts';
import { systemActor } from './modules/auth/actor.ts';
import { ApiKeyService } from './modules/auth/apikeys.service.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { userRoutes } from './modules/auth/users.routes.ts';
import { UserService } from './modules/auth/users.service.ts';
import { DocumentDemoFeeder } from './modules/documents/demo/feeder.ts';
import { documentRoutes } from './modules/documents/documents.routes.ts';
import { DocumentService } from './modules/documents/documents.service.ts';
import { TaskAlertScan } from './modules/documents/tasks/task-alerts.ts';
import { TaskSummaryService } from './modules/documents/tasks/task-summary.ts';
import { taskRoutes } from './modules/documents/tasks/tasks.routes.ts';
import { TaskService } from './modules/documents/tasks/tasks.service.ts';
import { dataSetRoutes } from './modules/indicators/datasets.routes.ts';
import { DataSetService } from './modules/indicators/datasets.service.ts';
import { EntryService } from './modules/indicators/entry.service.ts';
import { indicatorRoutes } from './modules/indicators/indicators.routes.ts';
import { IndicatorService } from './modules/indicators/indicators.service.ts';
import { spreadsheetRoutes } from './modules/indicators/spreadsheet/spreadsheet.routes.ts';
import { SpreadsheetService } from './modules/indicators/spreadsheet/spreadsheet.service.ts';
import { ValueService } from './modules/indicators/values.service.ts';
import { indicatorViewRoutes } from './modules/indicators/views.routes.ts';
import { IndicatorViewService } from './modules/indicators/views.service.ts';
import { orgUnitRoutes } from './modules/orgunits/orgunits.routes.ts';
import { OrgUnitService } from './modules/orgunits/orgunits.service.ts';
import { agencyRoutes } from './modules/publicservices/agency/agency.routes.ts';
import { AgencyService } from './modules/publicservices/agency/agency.service.ts';
import { calendarRoutes } from './modules/publicservices/calendar.routes.ts';
import { CalendarService } from './modules/publicservices/calendar.service.ts';
import { procedureCatalogueRoutes } from './modules/publicservices/catalogue/catalogue.routes.ts';
import { ProcedureCatalogueService } from './modules/publicservices/catalogue/catalogue.service.ts';
import { connectorRoutes } from './modules/publicservices/connector/connector.routes.ts';
import { ConnectorScheduler } from './modules/publicservices/connector/connector.scheduler.ts';
import { ConnectorService } from './modules/publicservices/connector/connector.service.ts';
import { PublicServiceDemoFeeder } from './modules/publicservices/demo/feeder.ts';
import { feedbackRoutes } from './modules/publicservices/feedback/feedback.routes.ts';
import { FeedbackService } from './modules/publicservices/feedback/feedback.service.ts';
import { plainDossierRoutes } from './modules/publicservices/plain/plain.routes.ts';
import { PlainDossierService } from './modules/publicservices/plain/plain.service.ts';
import { scoringRulesRoutes } from './modules/publicservices/scoring/scoring.routes.ts';
import { ScoringRulesService } from './modules/publicservices/scoring/scoring.service.ts';
import { PublicServiceAlertScan } from './modules/publicservices/summary/alerts.ts';
import { publicServiceSummaryRoutes } from './modules/publicservices/summary/summary.routes.ts';
import { PublicServiceSummaryService } from './modules/publicservices/summary/summary.service.ts';
import { publicServiceSyncRoutes } from './modules/publicservices/sync.routes.ts';
import { DossierSyncService } from './modules/publicservices/sync.service.ts';
import { StreamRegistry, streamRoutes } from './modules/realtime/stream.routes.ts';
import { createMetrics } from './modules/system/metrics.ts';
import { ScanJob } from './modules/system/scan-job.ts';
import { systemRoutes } from './modules/system/system.routes.ts';
import type { Platform } from './platform.ts';

export interface BuiltApp {
  app: App;
  services: Services;
  /** Pulls the connectors on schedule once started (`serve` starts it); close() stops it. */
  connectorScheduler: ConnectorScheduler;
  /**
   * Subsystems' periodic scans with their demo feeders (`serve` starts them): public-service alerts every 5 minutes
   * with the simulated one-stop system, task alerts every minute with the simulated document office.
   */
  jobs: ScanJob[];
  /** Graceful: stops connector runs, ends live streams, lets in-flight requests finish; then close the platform. */
  close(): Promise<void>;
}

export function createServices(platform: Platform): Services {
  const orgUnits = new OrgUnitService(platform);
  const alerts = new AlertService(platform);
  const values = new ValueService(platform, alerts);
  const dataSets = new DataSetService(platform, orgUnits);
  const workingCalendar = new CalendarService(platform);
  const dossierSync = new DossierSyncService(platform, () => workingCalendar.calendar());
  const feedback = new FeedbackService(platform, orgUnits, workingCalendar);
  const scoringRules = new ScoringRulesService(platform);
  const agencies = new AgencyService(platform, orgUnits, workingCalendar);
  const taskAlerts = new TaskAlertScan(platform, alerts, () => agencies.list());
  return {
    platform,
    auth: new AuthService(platform, orgUnits),
    users: new UserService(platform, orgUnits, async (code) => (await agencies.list()).some((a) => a.code === code)),
    apiKeys: new ApiKeyService(platform, orgUnits),
    orgUnits,
    indicators: new IndicatorService(platform, orgUnits),
    indicatorViews: new IndicatorViewService(platform, orgUnits),
    alerts,
    values,
    dataSets,
    entries: new EntryService(platform, orgUnits, dataSets, values),
    spreadsheets: new SpreadsheetService(platform, orgUnits, values),
    dossierSync,
    connectors: new ConnectorService(platform, dossierSync),
    workingCalendar,
    procedureCatalogue: new ProcedureCatalogueService(platform),
    feedback,
    scoringRules,
    agencies,
    documents: new DocumentService(platform),
    tasks: new TaskService(platform, orgUnits, agencies, taskAlerts),
    taskSummary: new TaskSummaryService(platform, orgUnits, agencies),
    publicServices: new PublicServiceSummaryService(platform, orgUnits, workingCalendar, feedback, scoringRules),
    plainDossiers: new PlainDossierService(platform, orgUnits, dossierSync),
  };
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
  }).withTypeProvider<TypeBoxTypeProvider>() as App;

  const services = createServices(platform);
  const streams = new StreamRegistry();
  const metrics = createMetrics(() => streams.size);

  registerValidation(app);
  registerErrorHandling(app);
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
  });

  registerGuard(app, services.auth, config.publicUrl);
  recordRefusedWrites(app, platform);
  systemRoutes(app, services, metrics);
  authRoutes(app, services);
  userRoutes(app, services);
  auditRoutes(app, services);
  orgUnitRoutes(app, services);
  indicatorRoutes(app, services);
  indicatorViewRoutes(app, services);
  dataSetRoutes(app, services);
  spreadsheetRoutes(app, services);
  publicServiceSyncRoutes(app, services);
  connectorRoutes(app, services);
  publicServiceSummaryRoutes(app, services);
  plainDossierRoutes(app, services);
  scoringRulesRoutes(app, services);
  agencyRoutes(app, services);
  calendarRoutes(app, services);
  procedureCatalogueRoutes(app, services);
  feedbackRoutes(app, services);
  documentRoutes(app, services);
  taskRoutes(app, services);
  alertRoutes(app, services);
  streamRoutes(app, services, streams);
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await serveWebApp(app, config.webDir);
  const connectorScheduler = new ConnectorScheduler(services.connectors, app.log);
  const calendar = () => services.workingCalendar.calendar();
  const publicServiceAlerts = new PublicServiceAlertScan(platform, services.alerts, calendar);
  const taskAlerts = new TaskAlertScan(platform, services.alerts, () => services.agencies.list());
  const jobs = [
    new ScanJob(
      {
        name: 'public-service alert scan',
        scan: () => publicServiceAlerts.run(),
        everyMs: 5 * 60_000,
        firstAfterMs: 60_000,
        alongside:
          config.demo && config.demoDossiersPerDay > 0
            ? new PublicServiceDemoFeeder(platform, services.dossierSync, calendar, {
                dossiersPerDay: config.demoDossiersPerDay,
                historyMonths: config.demoHistoryMonths,
              })
            : null,
      },
      app.log,
    ),
    // Each minute: a deadline passes at midnight with no request to notice it.
    new ScanJob(
      {
        name: 'task alert scan',
        scan: () => taskAlerts.run(),
        everyMs: 60_000,
        firstAfterMs: 5_000,
        alongside:
          config.demo && config.demoDocumentsPerDay > 0
            ? new DocumentDemoFeeder(platform, services.orgUnits, services.agencies, services.alerts, {
                documentsPerDay: config.demoDocumentsPerDay,
                historyMonths: config.demoHistoryMonths,
              })
            : null,
      },
      app.log,
    ),
  ];
  return {
    app,
    services,
    connectorScheduler,
    jobs,
    close: async () => {
      await Promise.all([connectorScheduler.stop(), ...jobs.map((job) => job.stop())]);
      streams.closeAll();
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
    const actor = request.actor ?? { ...systemActor('anonymous'), ip: request.ip };
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
