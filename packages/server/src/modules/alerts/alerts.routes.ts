import { Alert, AlertListQuery, IdParams } from '@ioc/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { errorResponses } from '../../http/route-kit.ts';
import type { Kernel } from '../../kernel.ts';

const errors = errorResponses(400, 401, 403, 404);

export function alertRoutes(app: App, { alerts }: Kernel): void {
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
    async (request) => alerts.list(actorOf(request), request.query),
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
    async (request) => alerts.acknowledge(actorOf(request), request.params.id),
  );
}
