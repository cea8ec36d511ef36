import { ScoringRulesBody, ScoringRulesView } from '@ioc/shared';
import type { App } from '../../../http/app-types.ts';
import { actorOf } from '../../../http/context.ts';
import { errorResponses } from '../../../http/route-kit.ts';
import type { PublicServiceServices } from '../module.ts';

const errors = errorResponses(400, 401, 403);
const tags = ['public services'];
const URL = '/api/v1/public-services/scoring-rules';

export function scoringRulesRoutes(app: App, { scoringRules }: PublicServiceServices): void {
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
    async (request) => scoringRules.save(actorOf(request), request.body),
  );
  app.delete(
    URL,
    {
      config: { permission: 'publicservices.manage' },
      schema: { tags, summary: 'Back to the shipped rules (audited)', response: { 200: ScoringRulesView, ...errors } },
    },
    async (request) => scoringRules.reset(actorOf(request)),
  );
}
