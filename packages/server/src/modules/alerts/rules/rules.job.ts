import type { FastifyBaseLogger } from 'fastify';
import { type BackgroundWork, ScanJob } from '../../system/scan-job.ts';
import type { RuleService } from './rules.service.ts';

/** How often the clock steps the rules: timers end within this of their instant; each absence rule keeps its interval. */
export const RULE_TICK_MS = 5_000;

/** The rules' clock while the server serves; stopping it also waits for the evaluations under way. */
export function ruleJob(rules: RuleService, log: FastifyBaseLogger): BackgroundWork {
  const job = new ScanJob(
    {
      name: 'alert rule timers',
      scan: () => rules.tick(),
      everyMs: RULE_TICK_MS,
      firstAfterMs: RULE_TICK_MS,
      alongside: null,
    },
    log,
  );
  let unwatch: (() => void) | null = null;
  return {
    start: () => {
      unwatch ??= rules.watchIndicatorValues();
      job.start();
    },
    stop: async () => {
      unwatch?.();
      unwatch = null;
      await job.stop();
      await Promise.all([rules.engine.settled(), rules.indicators.settled()]);
    },
  };
}
