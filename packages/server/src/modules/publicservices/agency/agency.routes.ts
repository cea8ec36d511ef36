import { AgencyImportResult, ErrorResponse, PsAgency, SaveAgencyBody, SaveAgencyResult } from '@ioc/shared';
import { Type } from 'typebox';
import type { App, Services } from '../../../http/app-types.ts';
import { requireActor } from '../../../http/context.ts';
import { invalid } from '../../../http/errors.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const tags = ['public services'];

export function agencyRoutes(app: App, { agencies }: Services): void {
  app.get(
    '/api/v1/public-services/agencies',
    {
      config: { permission: 'publicservices.read' },
      schema: {
        tags,
        summary: 'Agencies that handle dossiers (departments, communes’ one-stop offices) and the names they go by',
        response: { 200: Type.Array(PsAgency), ...errors },
      },
    },
    async () => agencies.list(),
  );
  app.post(
    '/api/v1/public-services/agencies/import',
    {
      config: { permission: 'publicservices.manage' },
      schema: {
        tags,
        summary:
          'Agencies from CSV (Content-Type text/csv; columns code,name,name_en,unit_id,kind[,aliases] with aliases separated by ;). Any bad row stores nothing (400 naming row and column)',
        response: { 200: AgencyImportResult, ...errors },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw invalid('Send the CSV file as the body with Content-Type text/csv', []);
      return agencies.importCsv(requireActor(request.actor), request.body);
    },
  );
  app.put(
    '/api/v1/public-services/agencies/:code',
    {
      config: { permission: 'publicservices.manage' },
      schema: {
        tags,
        summary:
          'Create or change an agency and its aliases (audited); stored dossiers whose DonViXuLy matched nothing and matches it now are given to it',
        params: Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,100}$' }) }),
        body: SaveAgencyBody,
        response: { 200: SaveAgencyResult, ...errors },
      },
    },
    async (request) => agencies.save(requireActor(request.actor), request.params.code, request.body),
  );
}
