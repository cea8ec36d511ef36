import { Alert, AlertListQuery, ErrorResponse, IdParams } from '@ioc/shared';
import { Type } from 'typebox';
import type { App, Services } from '../../http/app-types.ts';
import { requireActor } from '../../http/context.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function alertRoutes(app: App, { alerts }: Services): void {
  app.get(
    '/api/v1/alerts',
    {
      config: { permission: 'alerts.read' },
      schema: {
        tags: ['alerts'],
        summary: 'Alerts on units in your scope, newest first (open ones unless status says otherwise)',
        querystring: AlertListQuery,
        response: { 200: Type.Array(Alert), ...errors },
      },
    },
    async (request) => alerts.list(requireActor(request.actor), request.query),
  );
  app.post(
    '/api/v1/alerts/:id/acknowledge',
    {
      config: { permission: 'alerts.write' },
      schema: {
        tags: ['alerts'],
        summary: 'Mark an alert as seen and being handled',
        params: IdParams,
        response: { 200: Alert, ...errors },
      },
    },
    async (request) => alerts.acknowledge(requireActor(request.actor), request.params.id),
  );
}
