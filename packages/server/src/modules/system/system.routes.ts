import { sql } from 'kysely';
import { Type } from 'typebox';
import type { App } from '../../http/app-types.ts';
import type { Kernel } from '../../kernel.ts';
import type { Metrics } from './metrics.ts';

const Health = Type.Object({ status: Type.String(), node: Type.String() });
const Ready = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
  database: Type.Boolean(),
  /** False while the database refuses writes (disk full, read-only): reads still work, but no work can be saved. */
  writes: Type.Boolean(),
  bus: Type.Boolean(),
  engine: Type.String(),
  busKind: Type.String(),
  problem: Type.Optional(Type.String()),
});

/** How long a refused write keeps the server unready when no write has succeeded since. */
export const WRITE_FAILURE_MS = 60_000;

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
      schema: {
        tags: ['system'],
        summary: 'Database reachable and taking writes, bus reachable',
        response: { 200: Ready, 503: Ready },
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
