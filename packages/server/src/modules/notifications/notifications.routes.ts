import {
  CreatedEndpoint,
  CreateEndpointBody,
  DeliveryListQuery,
  DeliveryPage,
  IdParams,
  NotificationDelivery,
  NotificationEndpoint,
  OkResponse,
  UpdateEndpointBody,
} from '@ioc/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { errorResponses } from '../../http/route-kit.ts';
import type { Kernel } from '../../kernel.ts';

const errors = errorResponses(400, 401, 403, 404);
const config = { permission: 'notifications.manage' } as const;
const tags = ['notifications'];

export function notificationRoutes(app: App, { notifications }: Kernel): void {
  app.get(
    '/api/v1/notification-endpoints',
    {
      config,
      schema: {
        tags,
        summary: 'Webhook and e-mail endpoints, with their pending and recently failed deliveries (never a secret)',
        response: { 200: Type.Array(NotificationEndpoint), ...errors },
      },
    },
    async () => notifications.list(),
  );
  app.post(
    '/api/v1/notification-endpoints',
    {
      config,
      schema: {
        tags,
        summary: "Add an endpoint; a webhook's signing secret is answered this once",
        body: CreateEndpointBody,
        response: { 201: CreatedEndpoint, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await notifications.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/v1/notification-endpoints/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change an endpoint (not its kind nor its secret)',
        params: IdParams,
        body: UpdateEndpointBody,
        response: { 200: NotificationEndpoint, ...errors },
      },
    },
    async (request) => notifications.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/v1/notification-endpoints/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Remove an endpoint and its delivery log',
        params: IdParams,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => {
      await notifications.remove(actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/v1/notification-endpoints/:id/test',
    {
      config,
      schema: {
        tags,
        summary: 'Send a test notification now (once, no retry) and answer the delivery with its attempt',
        params: IdParams,
        response: { 200: NotificationDelivery, ...errors },
      },
    },
    async (request) => notifications.test(actorOf(request), request.params.id),
  );
  app.get(
    '/api/v1/notification-deliveries',
    {
      config,
      schema: {
        tags,
        summary: 'The delivery log, newest first, each delivery with its attempts',
        querystring: DeliveryListQuery,
        response: { 200: DeliveryPage, ...errors },
      },
    },
    async (request) => notifications.deliveries(request.query),
  );
}
