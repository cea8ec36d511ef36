import { AlertRule, AlertRuleInput, IdParams, OkResponse, RulePreview, RulePreviewBody } from '@ioc/shared';
import { Type } from 'typebox';
import type { App } from '../../../http/app-types.ts';
import { actorOf } from '../../../http/context.ts';
import { errorResponses } from '../../../http/route-kit.ts';
import type { RuleService } from './rules.service.ts';

const errors = errorResponses(400, 401, 403, 404);

export function ruleRoutes(app: App, { rules }: { rules: RuleService }): void {
  app.get(
    '/api/v1/alert-rules',
    {
      config: { permission: 'alerts.read' },
      schema: {
        tags: ['alerts'],
        summary: 'Alert rules over streams, with how many streams × levels fire now',
        response: { 200: Type.Array(AlertRule), ...errors },
      },
    },
    async () => rules.list(),
  );
  app.post(
    '/api/v1/alert-rules',
    {
      config: { permission: 'alerts.manage' },
      schema: {
        tags: ['alerts'],
        summary: 'Create an alert rule (threshold with levels, rate, absence, condition)',
        body: AlertRuleInput,
        response: { 201: AlertRule, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await rules.create(actorOf(request), request.body)),
  );
  app.put(
    '/api/v1/alert-rules/:id',
    {
      config: { permission: 'alerts.manage' },
      schema: {
        tags: ['alerts'],
        summary: 'Change an alert rule; a changed rule starts again from normal (its open alerts resolve)',
        params: IdParams,
        body: AlertRuleInput,
        response: { 200: AlertRule, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => rules.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/api/v1/alert-rules/:id',
    {
      config: { permission: 'alerts.manage' },
      schema: {
        tags: ['alerts'],
        summary: 'Delete an alert rule; its open alerts resolve',
        params: IdParams,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => {
      await rules.remove(actorOf(request), request.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/v1/alert-rules/preview',
    {
      config: { permission: 'alerts.read' },
      schema: {
        tags: ['alerts'],
        summary:
          "When a rule would have fired and resolved on the last days of its streams (7 by default); for a rule on an indicator, which units in the caller's scope it would alert now, at which level",
        body: RulePreviewBody,
        response: { 200: RulePreview, ...errors },
      },
    },
    async (request) => rules.preview(request.body.rule, request.body.days ?? 7, actorOf(request).scope.unitId),
  );
}
