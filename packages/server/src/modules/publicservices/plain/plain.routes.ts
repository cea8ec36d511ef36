import {
  PlainDossierBatch,
  PlainDossierList,
  PlainDossierQuery,
  SyncQuery,
  type SyncResult,
  SyncResult as SyncResultSchema,
} from '@ioc/shared';
import { Type } from 'typebox';
import { invalid } from '../../../errors.ts';
import type { App } from '../../../http/app-types.ts';
import { actorOf } from '../../../http/context.ts';
import { errorResponses } from '../../../http/route-kit.ts';
import type { PublicServiceServices } from '../module.ts';

const errors = errorResponses(400, 401, 403, 404, 413);
const tags = ['public services'];

/** mode=all refuses the whole batch when anything is wrong, naming each problem; the 200 body otherwise. */
function answer(result: SyncResult, mode: 'all' | 'valid', where: (index: number) => string): SyncResult {
  if (mode === 'all' && result.refused.length > 0) {
    throw invalid(
      `Nothing was applied: ${result.refused.length} problem(s) in ${new Set(result.refused.map((p) => p.index)).size} dossier(s)`,
      result.refused.map((p) => ({
        field: `${where(p.index)}${p.field === '/' ? '' : p.field}`,
        message: p.message,
        rule: p.rule,
      })),
    );
  }
  return result;
}

export function plainDossierRoutes(app: App, { plainDossiers }: PublicServiceServices): void {
  app.post(
    '/api/v1/public-services/dossiers',
    {
      config: { permission: 'ingest.write' },
      bodyLimit: 50 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Dossiers in plain JSON (English names, ISO dates with offset); the same rules as the portal sync. mode=all (default): a bad dossier applies nothing (400 naming /dossiers/<i>/<field>); mode=valid applies the rest',
        querystring: SyncQuery,
        body: PlainDossierBatch,
        response: { 200: SyncResultSchema, ...errors },
      },
    },
    async (request) => {
      const mode = request.query.mode ?? 'all';
      const result = await plainDossiers.submit(actorOf(request), request.body, mode);
      return answer(result, mode, (i) => `/dossiers/${i}`);
    },
  );

  app.post(
    '/api/v1/public-services/dossiers/import',
    {
      config: { permission: 'ingest.write' },
      schema: {
        tags,
        summary:
          'Dossiers from CSV (Content-Type text/csv, UTF-8, header row of plain field names; supplements as requestedAt|suppliedAt; …). Problems name the spreadsheet row (header = 1) and column',
        querystring: SyncQuery,
        response: { 200: SyncResultSchema, ...errors },
      },
    },
    async (request) => {
      const mode = request.query.mode ?? 'all';
      const body = request.body;
      if (!Buffer.isBuffer(body)) throw invalid('Send the CSV file as the body with Content-Type text/csv', []);
      const result = await plainDossiers.importCsv(actorOf(request), body, mode);
      return answer(result, mode, (row) => `row ${row}: `);
    },
  );

  app.get(
    '/api/v1/public-services/dossiers',
    {
      config: { permission: 'publicservices.read' },
      schema: {
        tags,
        summary: 'Stored dossiers in plain JSON, newest received first; format=csv gives the importable CSV',
        querystring: PlainDossierQuery,
        response: { 200: Type.Union([PlainDossierList, Type.String()]), ...errors },
      },
    },
    async (request, reply) => {
      const list = await plainDossiers.list(actorOf(request), request.query);
      if (request.query.format !== 'csv') return list;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="dossiers.csv"')
        .send(plainDossiers.csv(list));
    },
  );
}
