import {
  PsOpenList,
  PsOpenQuery,
  PsSummary,
  PsSummaryQuery,
  PsTickerItem,
  PsTickerQuery,
  PsTrend,
  PsTrendQuery,
} from '@ioc/shared';
import { Type } from 'typebox';
import type { App } from '../../../http/app-types.ts';
import { actorOf } from '../../../http/context.ts';
import { errorResponses } from '../../../http/route-kit.ts';
import type { PublicServiceServices } from '../module.ts';

const errors = errorResponses(400, 401, 403, 404);
const read = { permission: 'publicservices.read' } as const;
const tags = ['public services'];

export function publicServiceSummaryRoutes(app: App, { summary: publicServices }: PublicServiceServices): void {
  app.get(
    '/api/v1/public-services/summary',
    {
      config: read,
      schema: {
        tags,
        summary:
          'One-stop figures of a period (received, carried over, in progress by due state, finished early/on time/late, rates) for a unit, optionally by agency or commune, with the 766 score',
        querystring: PsSummaryQuery,
        response: { 200: PsSummary, ...errors },
      },
    },
    async (request) => publicServices.summary(actorOf(request), request.query),
  );
  app.get(
    '/api/v1/public-services/trend',
    {
      config: read,
      schema: {
        tags,
        summary: 'The 766 score and its inputs month by month through a period',
        querystring: PsTrendQuery,
        response: { 200: PsTrend, ...errors },
      },
    },
    async (request) => publicServices.trend(actorOf(request), request.query),
  );
  app.get(
    '/api/v1/public-services/open-dossiers',
    {
      config: read,
      schema: {
        tags,
        summary: 'Dossiers in processing now that are overdue (most late first) or due within 2 working days',
        querystring: PsOpenQuery,
        response: { 200: PsOpenList, ...errors },
      },
    },
    async (request) => publicServices.open(actorOf(request), request.query),
  );
  app.get(
    '/api/v1/public-services/ticker',
    {
      config: read,
      schema: {
        tags,
        summary: 'The latest dossiers synced, newest first (the live ticker continues with dossier.synced events)',
        querystring: PsTickerQuery,
        response: { 200: Type.Array(PsTickerItem), ...errors },
      },
    },
    async (request) => publicServices.ticker(actorOf(request), request.query),
  );
}
