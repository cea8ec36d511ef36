import { HealthStatus, Readiness } from '@ioc/shared';
import { sql } from 'kysely';
import type { App } from '../../http/app-types.ts';
import type { Kernel } from '../../kernel.ts';
import type { Metrics } from './metrics.ts';

/** How long a refused write keeps the server unready when no write has succeeded since. */
export const WRITE_FAILURE_MS = 60_000;

export function systemRoutes(
  app: App,
  { platform }: Kernel,
  metrics: Metrics,
  /** The MQTT reader when IOC_MQTT_URL is set: /readyz reports its connection. */
  mqtt: { readonly connected: boolean } | null = null,
): void {
  app.get(
    '/healthz',
    { config: { public: true }, schema: { tags: ['system'], summary: 'Alive', response: { 200: HealthStatus } } },
    async () => ({ status: 'ok', node: platform.config.nodeId }),
  );

  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Database reachable and taking writes, bus reachable',
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (_request, reply) => {
      const database = await sql`select 1 as one`
        .execute(platform.db)
        .then(() => true)
        .catch(() => false);
      const bus = await platform.bus.ping();
      const failure = platform.store.writeFailure(WRITE_FAILURE_MS);
      const ready = database && bus && !failure;
      const body = {
        status: ready ? ('ready' as const) : ('unavailable' as const),
        database,
        writes: !failure,
        bus,
        engine: platform.store.engine,
        busKind: platform.bus.kind,
        ...(mqtt ? { mqtt: mqtt.connected } : {}),
        // Public: when, not what (the log has the message, with the database's path).
        ...(failure ? { problem: `the database refuses writes since ${failure.at.toISOString()}` } : {}),
      };
      return reply.status(ready ? 200 : 503).send(body);
    },
  );

  app.get(
    '/metrics',
    { config: { public: true }, schema: { tags: ['system'], summary: 'Prometheus metrics', produces: ['text/plain'] } },
    async (_request, reply) => {
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}
