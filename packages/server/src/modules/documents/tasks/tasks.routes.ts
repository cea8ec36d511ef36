import {
  CreateTaskBody,
  ExtensionDecisionBody,
  ExtensionParams,
  ExtensionRequestBody,
  IdParams,
  TaskDetail,
  TaskListQuery,
  TaskNoteBody,
  TaskPage,
  TaskReportBody,
  TaskSummary,
  TaskSummaryQuery,
  TaskTrend,
  TaskTrendQuery,
  TaskUnit,
} from '@ioc/shared';
import { Type } from 'typebox';
import type { App } from '../../../http/app-types.ts';
import { actorOf } from '../../../http/context.ts';
import { errorResponses } from '../../../http/route-kit.ts';
import type { DocumentServices } from '../module.ts';

const errors = errorResponses(400, 401, 403, 404, 413);
const tags = ['tasks'];

export function taskRoutes(app: App, { tasks, taskSummary, platform }: DocumentServices): void {
  const bodyLimit = Math.ceil(platform.config.maxUploadBytes * 1.4) + 64 * 1024;

  app.get(
    '/api/v1/tasks',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary:
          "Directed tasks you may see (leaders: all; a unit's officers: their unit's), filtered by today's state, unit, document, words or deadline",
        querystring: TaskListQuery,
        response: { 200: TaskPage, ...errors },
      },
    },
    async (request) => tasks.list(actorOf(request), request.query),
  );
  app.get(
    '/api/v1/tasks/units',
    {
      config: { permission: 'documents.read' },
      schema: { tags, summary: 'Units that can lead a task', response: { 200: Type.Array(TaskUnit), ...errors } },
    },
    async () => tasks.units(),
  );
  app.get(
    '/api/v1/tasks/summary',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary:
          "The tasks the caller's lists show (their agencies' as lead or co-operating unit; all for leaders), assigned in a year (or from–to) and, while it runs, those from earlier still open, judged today: by state, and per lead unit ranked by on-time rate with average delay and reminders this year",
        querystring: TaskSummaryQuery,
        response: { 200: TaskSummary, ...errors },
      },
    },
    async (request) => taskSummary.summary(actorOf(request), request.query),
  );
  app.get(
    '/api/v1/tasks/trend',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary: 'Open and overdue tasks at each month end, and tasks assigned each month',
        querystring: TaskTrendQuery,
        response: { 200: TaskTrend, ...errors },
      },
    },
    async (request) => taskSummary.trend(actorOf(request), request.query.months ?? 12),
  );
  app.post(
    '/api/v1/tasks',
    {
      config: { permission: 'tasks.assign' },
      schema: {
        tags,
        summary: 'Assign a task to a lead unit (and co-operating units) with a deadline, from a document or directly',
        body: CreateTaskBody,
        response: { 201: TaskDetail, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await tasks.create(actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/tasks/:id',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary: 'A task, its timeline (reports, extensions, reminders, comments) and what you may do with it now',
        params: IdParams,
        response: { 200: TaskDetail, ...errors },
      },
    },
    async (request) => tasks.detail(actorOf(request), request.params.id),
  );
  app.post(
    '/api/v1/tasks/:id/reports',
    {
      bodyLimit,
      config: { permission: 'tasks.write' },
      schema: {
        tags,
        summary: 'The lead unit reports progress (%, text, files inline in base64); 100 % completes the task',
        params: IdParams,
        body: TaskReportBody,
        response: { 200: TaskDetail, ...errors },
      },
    },
    async (request) => tasks.report(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/tasks/:id/extensions',
    {
      config: { permission: 'tasks.write' },
      schema: {
        tags,
        summary: 'The lead unit asks for a later deadline; the leader who assigned the task decides',
        params: IdParams,
        body: ExtensionRequestBody,
        response: { 200: TaskDetail, ...errors },
      },
    },
    async (request) => tasks.requestExtension(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/tasks/:id/extensions/:extensionId/decision',
    {
      config: { permission: 'tasks.assign' },
      schema: {
        tags,
        summary: 'The assigning leader approves (the deadline moves) or refuses an extension request',
        params: ExtensionParams,
        body: ExtensionDecisionBody,
        response: { 200: TaskDetail, ...errors },
      },
    },
    async (request) =>
      tasks.decideExtension(actorOf(request), request.params.id, request.params.extensionId, request.body),
  );
  const notes = [
    ['comments', 'comment', 'documents.read', 'Comment on a task (leaders; officers of its units)'],
    ['reminders', 'reminder', 'tasks.assign', 'Remind the lead unit (counted per unit and year)'],
    ['escalate', 'escalated', 'tasks.assign', 'Escalate a task to the province leadership (raises an alert)'],
    ['cancel', 'cancelled', 'tasks.assign', 'Cancel a task'],
  ] as const;
  for (const [path, kind, permission, summary] of notes) {
    app.post(
      `/api/v1/tasks/:id/${path}`,
      {
        config: { permission },
        schema: { tags, summary, params: IdParams, body: TaskNoteBody, response: { 200: TaskDetail, ...errors } },
      },
      async (request) => tasks.note(actorOf(request), request.params.id, kind, request.body),
    );
  }
}
