import type { ScoringRulesBody, ScoringRulesView } from '@ioc/shared';
import { invalid } from '../../../errors.ts';
import type { Platform } from '../../../platform.ts';
import { auditedWrite } from '../../audit/audit.service.ts';
import type { Actor } from '../../auth/actor.ts';
import * as repo from '../../settings/settings.repo.ts';
import { figuresChanged } from '../figures-version.ts';
import { checkRules, DEFAULT_SCORING_RULES, type ScoringRules } from '../metrics/score766.ts';

const KEY = 'publicservices.scoringRules';

/**
 * The 766 scoring rules in force: the shipped reading of the Decision until an operator stores a corrected one.
 * A rule set whose criteria do not add up to their groups, or groups to 100, is refused with every problem named.
 */
export class ScoringRulesService {
  constructor(private readonly platform: Platform) {}

  async rules(): Promise<ScoringRules> {
    return (await this.view()).rules as ScoringRules;
  }

  async view(): Promise<ScoringRulesView> {
    const stored = await repo.findSetting(this.platform.db, KEY);
    if (!stored) return { rules: DEFAULT_SCORING_RULES as ScoringRulesBody, isDefault: true, updatedAt: null };
    return { rules: JSON.parse(stored.value) as ScoringRulesBody, isDefault: false, updatedAt: stored.updated_at };
  }

  async save(actor: Actor, body: ScoringRulesBody): Promise<ScoringRulesView> {
    const problems = checkRules(body as ScoringRules);
    const ids = body.criteria.map((k) => k.id);
    for (const id of ids.filter((id, i) => ids.indexOf(id) !== i)) problems.push(`${id}: the same criterion twice`);
    const groups = body.groups.map((g) => g.id);
    for (const id of groups.filter((id, i) => groups.indexOf(id) !== i)) problems.push(`${id}: the same group twice`);
    if (problems.length > 0)
      throw invalid(
        'The scoring rules do not add up',
        problems.map((message) => ({ field: '/', message, rule: 'scoringRules' })),
      );
    const { db, now } = this.platform;
    return auditedWrite(
      db,
      actor,
      { action: 'publicservices.scoring.save', entityType: 'setting', entityId: KEY },
      async (trx) => {
        await figuresChanged(trx, this.platform.now().toISOString());
        const before = await repo.findSetting(trx, KEY);
        const at = now().toISOString();
        await repo.saveSetting(trx, KEY, JSON.stringify(body), at);
        const result: ScoringRulesView = { rules: body, isDefault: false, updatedAt: at };
        return { before: before ? JSON.parse(before.value) : null, after: body, result };
      },
      now,
    );
  }

  /** Back to the shipped rules. */
  async reset(actor: Actor): Promise<ScoringRulesView> {
    const { db, now } = this.platform;
    await auditedWrite(
      db,
      actor,
      { action: 'publicservices.scoring.reset', entityType: 'setting', entityId: KEY },
      async (trx) => {
        await figuresChanged(trx, this.platform.now().toISOString());
        const before = await repo.findSetting(trx, KEY);
        await repo.deleteSetting(trx, KEY);
        return { before: before ? JSON.parse(before.value) : null, after: null, result: undefined };
      },
      now,
    );
    return this.view();
  }
}
