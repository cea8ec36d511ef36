import { SyncEnvelope, SyncQuery, SyncResult } from '@ioc/shared';
import { invalid } from '../../errors.ts';
import type { App } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { errorResponses } from '../../http/route-kit.ts';
import type { PublicServiceServices } from './module.ts';

const errors = errorResponses(400, 401, 403, 413);

export function publicServiceSyncRoutes(app: App, { dossierSync }: PublicServiceServices): void {
  app.post(
    '/api/v1/public-services/sync',
    {
      config: { permission: 'ingest.write' },
      bodyLimit: 50 * 1024 * 1024,
      schema: {
        tags: ['public services'],
        summary:
          'Dossier sync in the national portal format: { service: DongBoHoSoMC | CapNhatTienDoHoSoMC, data: [...] }. Idempotent by MaHoSo; steps may come before their dossier. mode=all (default): an invalid record applies nothing (400 naming each); mode=valid: applies the rest',
        querystring: SyncQuery,
        body: SyncEnvelope,
        response: { 200: SyncResult, ...errors },
      },
    },
    async (request) => {
      const mode = request.query.mode ?? 'all';
      const result = await dossierSync.sync(actorOf(request), request.body, mode);
      if (mode === 'all' && result.refused.length > 0) {
        throw invalid(
          `The batch was refused: ${result.refused.length} problem(s) in ${new Set(result.refused.map((p) => p.index)).size} record(s); nothing was applied`,
          result.refused.map((p) => ({
            field: `/data/${p.index}${p.field === '/' ? '' : p.field}`,
            message: p.message,
            rule: p.rule,
          })),
        );
      }
      return result;
    },
  );
}
