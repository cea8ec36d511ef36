/**
 * Decision 766/QĐ-TTg scoring rules as data, so an operator can correct them without a code change.
 *
 * Group maxima are the Decision's (18 · 20 · 22 · 22 · 18 = 100). The split of each group into criteria, and every
 * threshold, are a third-party reading to VERIFY against the official guidance: thresholds from the domain
 * reference (80 % online coverage, online payment, digitisation; 50 % online submission; 90 % satisfaction);
 * where the reference names none the threshold is 100 %, i.e. points simply proportional to the rate.
 * Scoring per criterion: points = min(rate, threshold) × maxPoints ÷ threshold.
 */

export type GroupId = 'publicity' | 'progress' | 'digitisation' | 'online' | 'satisfaction';

/** The rates (percentages) the criteria read. The IOC computes the dossier ones; the rest are given to it. */
export type RateKey =
  | 'proceduresPublishedOnTime'
  | 'dossiersPublished'
  | 'proceduresInformationComplete'
  | 'onTime'
  | 'digitisedDossiers'
  | 'electronicResults'
  | 'onlineCoverage'
  | 'onlineUptake'
  | 'onlineSubmission'
  | 'onlinePaymentProcedures'
  | 'onlinePayment'
  | 'paknOnTime'
  | 'paknSatisfaction'
  | 'procedureSatisfaction';

export interface CriterionRule {
  id: string;
  group: GroupId;
  rate: RateKey;
  maxPoints: number;
  /** Rate (%) at and above which the criterion earns all its points; must be in (0, 100]. */
  threshold: number;
  description: string;
}

export interface GroupRule {
  id: GroupId;
  maxPoints: number;
  name: string;
}

export interface ScoringRules {
  groups: GroupRule[];
  criteria: CriterionRule[];
}

export const DEFAULT_SCORING_RULES: ScoringRules = {
  groups: [
    { id: 'publicity', maxPoints: 18, name: 'Publicity & transparency' },
    { id: 'progress', maxPoints: 20, name: 'Progress & results' },
    { id: 'digitisation', maxPoints: 22, name: 'Digitisation' },
    { id: 'online', maxPoints: 22, name: 'Online service provision' },
    { id: 'satisfaction', maxPoints: 18, name: 'Satisfaction' },
  ],
  criteria: [
    // Publicity: catalogue and portal facts the IOC does not hold yet (inputs, null until provided).
    c('publicity.procedures', 'publicity', 'proceduresPublishedOnTime', 4, 100, 'Procedures published/updated on time'),
    c(
      'publicity.dossiers',
      'publicity',
      'dossiersPublished',
      8,
      100,
      'Dossiers whose progress is public on the national portal',
    ),
    c(
      'publicity.information',
      'publicity',
      'proceduresInformationComplete',
      6,
      100,
      'Procedures with complete public information',
    ),
    // Progress: the one figure computed from dossiers here.
    c('progress.onTime', 'progress', 'onTime', 20, 100, 'Dossiers finished on or before the (adjusted) due date'),
    c('digitisation.dossiers', 'digitisation', 'digitisedDossiers', 11, 80, 'Dossiers with digitised components'),
    c('digitisation.results', 'digitisation', 'electronicResults', 11, 80, 'Results issued electronically'),
    c('online.coverage', 'online', 'onlineCoverage', 4, 80, 'Procedures offered online'),
    c('online.uptake', 'online', 'onlineUptake', 4, 100, 'Online procedures that received at least one dossier'),
    c('online.submission', 'online', 'onlineSubmission', 6, 50, 'Dossiers submitted online (channel 2)'),
    c('online.paymentProcedures', 'online', 'onlinePaymentProcedures', 4, 80, 'Procedures with online payment'),
    c('online.payment', 'online', 'onlinePayment', 4, 80, 'Dossiers paid online'),
    // Satisfaction: PAKN (feedback) and citizens' ratings, not in the IOC yet.
    c('satisfaction.paknOnTime', 'satisfaction', 'paknOnTime', 6, 100, 'Feedback handled by its deadline'),
    c('satisfaction.pakn', 'satisfaction', 'paknSatisfaction', 6, 90, 'Feedback handled without dissatisfaction'),
    c(
      'satisfaction.procedures',
      'satisfaction',
      'procedureSatisfaction',
      6,
      90,
      'Satisfaction with procedure handling',
    ),
  ],
};

function c(
  id: string,
  group: GroupId,
  rate: RateKey,
  maxPoints: number,
  threshold: number,
  description: string,
): CriterionRule {
  return { id, group, rate, maxPoints, threshold, description };
}

/** What is wrong with a rule set (empty when usable): bad thresholds, criteria not adding up to their group. */
export function checkRules(rules: ScoringRules): string[] {
  const problems: string[] = [];
  const ids = new Set(rules.groups.map((g) => g.id));
  for (const k of rules.criteria) {
    if (!ids.has(k.group)) problems.push(`${k.id}: unknown group ${k.group}`);
    if (!(k.threshold > 0 && k.threshold <= 100)) problems.push(`${k.id}: threshold must be in (0, 100]`);
    if (!(k.maxPoints >= 0)) problems.push(`${k.id}: maxPoints must be ≥ 0`);
  }
  for (const g of rules.groups) {
    const sum = rules.criteria.filter((k) => k.group === g.id).reduce((s, k) => s + k.maxPoints, 0);
    if (Math.abs(sum - g.maxPoints) > 1e-9) problems.push(`${g.id}: criteria add up to ${sum}, not ${g.maxPoints}`);
  }
  const total = rules.groups.reduce((s, g) => s + g.maxPoints, 0);
  if (Math.abs(total - 100) > 1e-9) problems.push(`groups add up to ${total}, not 100`);
  return problems;
}
