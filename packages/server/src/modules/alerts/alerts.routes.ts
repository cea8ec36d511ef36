import {
  AlertAssignBody,
  AlertCommentBody,
  AlertDetail,
  AlertListQuery,
  AlertPage,
  AlertResolveBody,
  AlertSilence,
  AlertSilenceInput,
  AlertSilenceListQuery,
  AlertSummary,
  AlertSummaryQuery,
  IdParams,
} from '@ioc/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { errorResponses } from '../../http/route-kit.ts';
import type { Kernel } from '../../kernel.ts';

const errors = errorResponses(400, 401, 403, 404);
const tags = ['alerts'];

export function alertRoutes(app: App, { alerts }: Kernel): void {
  app.get(
    '/api/v1/alerts',
    {
      config: { permission: 'alerts.read' },
      schema: {
        tags,
        summary: 'Alerts in your scope, latest start first (active ones unless status says otherwise), with the total',
        querystring: AlertListQuery,
        response: { 200: AlertPage, ...errors },
      },
    },
    async (request) => alerts.list(actorOf(request), request.query),
  );
  app.get(
    '/api/v1/alerts/summary',
    {
      config: { permission: 'alerts.read' },
      schema: {
        tags,
        summary:
          'Counts by severity, status and kind, and groups by kind × agency or unit, for the same filters as the list',
        querystring: AlertSummaryQuery,
        response: { 200: AlertSummary, ...errors },
      },
    },
    async (request) => alerts.summary(actorOf(request), request.query),
  );
  app.get(
    '/api/v1/alerts/:id',
    {
      config: { permission: 'alerts.read' },
      schema: {
        tags,
        summary: 'An alert with its history and comments',
        params: IdParams,
        response: { 200: AlertDetail, ...errors },
      },
    },
    async (request) => alerts.detail(actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/alerts/:id/acknowledge',
    {
      config: { permission: 'alerts.write' },
      schema: {
        tags,
        summary: 'Mark an alert as seen and being handled',
        params: IdParams,
        response: { 200: AlertDetail, ...errors },
      },
    },
    async (request) => alerts.acknowledge(actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/alerts/:id/assign',
    {
      config: { permission: 'alerts.write' },
      schema: {
        tags,
        summary: 'Hand an alert to a unit in your scope',
        params: IdParams,
        body: AlertAssignBody,
        response: { 200: AlertDetail, ...errors },
      },
    },
    async (request) => alerts.assign(actorOf(request), request.params.id, request.body.unit),
  );
  app.post(
    '/api/v1/alerts/:id/resolve',
    {
      config: { permission: 'alerts.write' },
      schema: {
        tags,
        summary: 'Resolve an alert by hand, with a note',
        params: IdParams,
        body: AlertResolveBody,
        response: { 200: AlertDetail, ...errors },
      },
    },
    async (request) => alerts.resolveByHand(actorOf(request), request.params.id, request.body.note),
  );
  app.post(
    '/api/v1/alerts/:id/comments',
    {
      config: { permission: 'alerts.write' },
      schema: {
        tags,
        summary: 'Comment on an alert',
        params: IdParams,
        body: AlertCommentBody,
        response: { 200: AlertDetail, ...errors },
      },
    },
    async (request) => alerts.comment(actorOf(request), request.params.id, request.body.text),
  );

  app.get(
    '/api/v1/alert-silences',
    {
      config: { permission: 'alerts.read' },
      schema: {
        tags,
        summary: 'Silences (maintenance windows): current and coming ones unless state says otherwise',
        querystring: AlertSilenceListQuery,
        response: { 200: Type.Array(AlertSilence), ...errors },
      },
    },
    async (request) => alerts.silences(request.query),
  );
  app.post(
    '/api/v1/alert-silences',
    {
      config: { permission: 'alerts.manage' },
      schema: {
        tags,
        summary: 'Hold back notifications of matching alerts until endsAt (they are still listed)',
        body: AlertSilenceInput,
        response: { 201: AlertSilence, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await alerts.silence(actorOf(request), request.body)),
  );
  app.delete(
    '/api/v1/alert-silences/:id',
    {
      config: { permission: 'alerts.manage' },
      schema: {
        tags,
        summary: 'End a silence now (it stays on record); held alerts are then notified',
        params: IdParams,
        response: { 200: AlertSilence, ...errors },
      },
    },
    async (request) => alerts.expireSilence(actorOf(request), request.params.id),
  );
}
