import {
  AnswerFeedbackBody,
  CreateFeedbackBody,
  Feedback,
  FeedbackCodeParams,
  FeedbackFigures,
  FeedbackFiguresQuery,
  FeedbackListQuery,
  FeedbackPage,
  FeedbackStatusBody,
  RateFeedbackBody,
} from '@ioc/shared';
import type { App } from '../../../http/app-types.ts';
import { actorOf } from '../../../http/context.ts';
import { errorResponses } from '../../../http/route-kit.ts';
import type { PublicServiceServices } from '../module.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

export function feedbackRoutes(app: App, { feedback }: PublicServiceServices): void {
  app.get(
    '/api/v1/public-services/feedback',
    {
      config: { permission: 'publicservices.read' },
      schema: {
        tags: ['public services'],
        summary:
          'Citizens’ feedback and petitions (PAKN) about units in your scope, newest first; page on with beforeId=nextBeforeId',
        querystring: FeedbackListQuery,
        response: { 200: FeedbackPage, ...errors },
      },
    },
    async (request) => feedback.list(actorOf(request), request.query),
  );
  app.post(
    '/api/v1/public-services/feedback',
    {
      config: { permission: 'publicservices.manage' },
      schema: {
        tags: ['public services'],
        summary:
          'Record feedback or a petition; its deadline is 15 working days after receipt (the working-day calendar) unless given',
        body: CreateFeedbackBody,
        response: { 201: Feedback, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await feedback.create(actorOf(request), request.body)),
  );
  app.get(
    '/api/v1/public-services/feedback/:code',
    {
      config: { permission: 'publicservices.read' },
      schema: {
        tags: ['public services'],
        summary: 'One feedback item in your scope',
        params: FeedbackCodeParams,
        response: { 200: Feedback, ...errors },
      },
    },
    async (request) => feedback.get(actorOf(request), request.params.code),
  );
  app.post(
    '/api/v1/public-services/feedback/:code/answer',
    {
      config: { permission: 'publicservices.manage' },
      schema: {
        tags: ['public services'],
        summary: 'Answer feedback that is still open: it is answered now',
        params: FeedbackCodeParams,
        body: AnswerFeedbackBody,
        response: { 200: Feedback, ...errors },
      },
    },
    async (request) => feedback.answer(actorOf(request), request.params.code, request.body),
  );
  app.post(
    '/api/v1/public-services/feedback/:code/rating',
    {
      config: { permission: 'publicservices.manage' },
      schema: {
        tags: ['public services'],
        summary: "Record the citizen's rating of the answer (satisfied, neutral, unsatisfied)",
        params: FeedbackCodeParams,
        body: RateFeedbackBody,
        response: { 200: Feedback, ...errors },
      },
    },
    async (request) => feedback.rate(actorOf(request), request.params.code, request.body),
  );
  app.post(
    '/api/v1/public-services/feedback/:code/status',
    {
      config: { permission: 'publicservices.manage' },
      schema: {
        tags: ['public services'],
        summary:
          "Mark open feedback in progress, or reject it as not the province's to handle (with the reason; it leaves the in-remit figures)",
        params: FeedbackCodeParams,
        body: FeedbackStatusBody,
        response: { 200: Feedback, ...errors },
      },
    },
    async (request) => feedback.setStatus(actorOf(request), request.params.code, request.body),
  );
  app.get(
    '/api/v1/public-services/feedback-figures',
    {
      config: { permission: 'publicservices.read' },
      schema: {
        tags: ['public services'],
        summary:
          'PAKN figures of a period for your scope (or a unit in it): received, answered, on time, overdue, satisfaction (Decision 766)',
        querystring: FeedbackFiguresQuery,
        response: { 200: FeedbackFigures, ...errors },
      },
    },
    async (request) => feedback.figures(actorOf(request), request.query),
  );
}
