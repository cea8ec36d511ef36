import { sql } from 'kysely';
import { Type } from 'typebox';
import type { App } from '../../http/app-types.ts';
import type { Kernel } from '../../kernel.ts';
import type { Metrics } from './metrics.ts';

const Health = Type.Object({ status: Type.String(), node: Type.String() });
const Ready = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
  database: Type.Boolean(),
  bus: Type.Boolean(),
  engine: Type.String(),
  busKind: Type.String(),
});

export function systemRoutes(app: App, { platform }: Kernel, metrics: Metrics): void {
  app.get(
    '/healthz',
    { config: { public: true }, schema: { tags: ['system'], summary: 'Alive', response: { 200: Health } } },
    async () => ({ status: 'ok', node: platform.config.nodeId }),
  );

  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: { tags: ['system'], summary: 'Database and bus reachable', response: { 200: Ready, 503: Ready } },
    },
    async (_request, reply) => {
      const database = await sql`select 1 as one`
        .execute(platform.db)
        .then(() => true)
        .catch(() => false);
      const bus = await platform.bus.ping();
      const body = {
        status: database && bus ? ('ready' as const) : ('unavailable' as const),
        database,
        bus,
        engine: platform.store.engine,
        busKind: platform.bus.kind,
      };
      return reply.status(database && bus ? 200 : 503).send(body);
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
