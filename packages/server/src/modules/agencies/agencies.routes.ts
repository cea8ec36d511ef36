import { Agency, AgencyCodeParams, AgencyImportResult, SaveAgencyBody, SaveAgencyResult } from '@ioc/shared';
import { Type } from 'typebox';
import { invalid } from '../../errors.ts';
import type { App } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { errorResponses } from '../../http/route-kit.ts';
import type { AgencyService } from './agencies.service.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['agencies'];

export function agencyRoutes(app: App, agencies: AgencyService): void {
  app.get(
    '/api/v1/agencies',
    {
      // Who the province's departments and People's Committees are is no secret to anyone signed in.
      config: { permission: null },
      schema: {
        tags,
        summary:
          "The province's agencies (departments, communes' People's Committees), their national ids and the names source systems write for them",
        response: { 200: Type.Array(Agency), ...errors },
      },
    },
    async () => agencies.list(),
  );
  app.post(
    '/api/v1/agencies/import',
    {
      config: { permission: 'agencies.manage' },
      schema: {
        tags,
        summary:
          'Agencies from CSV (Content-Type text/csv; columns code,name,name_en,unit_id,kind[,aliases][,national_id] with aliases separated by ;). Any bad row stores nothing (400 naming row and column)',
        response: { 200: AgencyImportResult, ...errors },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw invalid('Send the CSV file as the body with Content-Type text/csv', []);
      return agencies.importCsv(actorOf(request), request.body);
    },
  );
  app.put(
    '/api/v1/agencies/:code',
    {
      config: { permission: 'agencies.manage' },
      schema: {
        tags,
        summary:
          "Create or change an agency, its aliases and national id (audited); subsystems' stored records whose agency name matched nothing and matches it now are given to it",
        params: AgencyCodeParams,
        body: SaveAgencyBody,
        response: { 200: SaveAgencyResult, ...errors },
      },
    },
    async (request) => agencies.save(actorOf(request), request.params.code, request.body),
  );
}
