import { ErrorResponse, PsAgency, SaveAgencyBody, SaveAgencyResult } from '@ioc/shared';
import { Type } from 'typebox';
import type { App, Services } from '../../../http/app-types.ts';
import { requireActor } from '../../../http/context.ts';

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
