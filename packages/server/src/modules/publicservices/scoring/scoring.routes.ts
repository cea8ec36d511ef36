import { ErrorResponse, ScoringRulesBody, ScoringRulesView } from '@ioc/shared';
import type { App, Services } from '../../../http/app-types.ts';
import { requireActor } from '../../../http/context.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };
const tags = ['public services'];
const URL = '/api/v1/public-services/scoring-rules';

export function scoringRulesRoutes(app: App, { scoringRules }: Services): void {
  app.get(
    URL,
    {
      config: { permission: 'publicservices.read' },
      schema: {
        tags,
        summary: 'The Decision 766 scoring rules in force: groups, criteria, the rate each reads, thresholds',
        response: { 200: ScoringRulesView, ...errors },
      },
    },
    async () => scoringRules.view(),
  );
  app.put(
    URL,
    {
      config: { permission: 'publicservices.manage' },
      schema: {
        tags,
        summary:
          'Replace the scoring rules (audited). Criteria must add up to their group and groups to 100; each criterion scores min(rate, threshold) × maxPoints ÷ threshold',
        body: ScoringRulesBody,
        response: { 200: ScoringRulesView, ...errors },
      },
    },
    async (request) => scoringRules.save(requireActor(request.actor), request.body),
  );
  app.delete(
    URL,
    {
      config: { permission: 'publicservices.manage' },
      schema: { tags, summary: 'Back to the shipped rules (audited)', response: { 200: ScoringRulesView, ...errors } },
    },
    async (request) => scoringRules.reset(requireActor(request.actor)),
  );
}
