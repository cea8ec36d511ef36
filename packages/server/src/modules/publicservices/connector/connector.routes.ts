import {
  Connector,
  ConnectorCodeParams,
  ConnectorRun,
  ErrorResponse,
  OkResponse,
  SaveConnectorBody,
} from '@ioc/shared';
import { Type } from 'typebox';
import type { App } from '../../../http/app-types.ts';
import { actorOf } from '../../../http/context.ts';
import { errorResponses } from '../../../http/route-kit.ts';
import type { PublicServiceServices } from '../module.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

export function connectorRoutes(app: App, { connectors }: PublicServiceServices): void {
  app.get(
    '/api/v1/public-services/connectors',
    {
      config: { permission: 'publicservices.read' },
      schema: {
        tags: ['public services'],
        summary:
          "Connectors pulling dossiers from the province's one-stop systems, with their health: last success, lag behind now, last error, records read and refused",
        response: { 200: Type.Array(Connector), ...errors },
      },
    },
    async () => connectors.list(),
  );
  app.put(
    '/api/v1/public-services/connectors/:code',
    {
      config: { permission: 'publicservices.manage' },
      schema: {
        tags: ['public services'],
        summary:
          'Create or update a connector. The client secret is stored for the connector to send and never returned; omit it to keep the stored one',
        params: ConnectorCodeParams,
        body: SaveConnectorBody,
        response: { 200: Connector, ...errors },
      },
    },
    async (request) => connectors.save(actorOf(request), request.params.code, request.body),
  );
  app.post(
    '/api/v1/public-services/connectors/:code/run',
    {
      config: { permission: 'publicservices.manage' },
      schema: {
        tags: ['public services'],
        summary:
          'Run a connector now (enabled or not) and answer with the run: ok is false when a service failed, and then the cursor stays. 409 while it is running',
        params: ConnectorCodeParams,
        response: { 200: ConnectorRun, ...errors, 503: ErrorResponse },
      },
    },
    async (request) => connectors.run(actorOf(request), request.params.code),
  );
  app.delete(
    '/api/v1/public-services/connectors/:code',
    {
      config: { permission: 'publicservices.manage' },
      schema: {
        tags: ['public services'],
        summary: 'Delete a connector (the dossiers it brought in stay)',
        params: ConnectorCodeParams,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => {
      await connectors.remove(actorOf(request), request.params.code);
      return { ok: true as const };
    },
  );
}
