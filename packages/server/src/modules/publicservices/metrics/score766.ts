/**
 * The 766 score from rates. A criterion whose rate is not known scores null, never 0 or full: a group with no
 * known rate scores null, a group with some scores what it has and says it is partial, and the total adds up the
 * known points and names what is missing — so a missing input shows as missing, not as a bad or a good score.
 */
import type { Figures } from './figures.ts';
import { DEFAULT_SCORING_RULES, type GroupId, type RateKey, type ScoringRules } from './scoring-rules.ts';

// The rules live in their own file (data, not logic); re-exported so callers need one import.
export { type CriterionRule, checkRules, DEFAULT_SCORING_RULES, type ScoringRules } from './scoring-rules.ts';

export type Rates = Partial<Record<RateKey, number | null>>;

export interface CriterionScore {
  id: string;
  rate: number | null;
  points: number | null;
  maxPoints: number;
}

export interface GroupScore {
  id: GroupId;
  maxPoints: number;
  /** null when none of its criteria has a rate. */
  points: number | null;
  /** Some, not all, of its criteria have a rate. */
  partial: boolean;
  criteria: CriterionScore[];
}

export interface Score766 {
  /** Sum of the known points (out of 100 only when complete). */
  total: number;
  /** The most the known criteria could have given: total / maxAvailable is the share achieved so far. */
  maxAvailable: number;
  complete: boolean;
  missingGroups: GroupId[];
  partialGroups: GroupId[];
  groups: GroupScore[];
}

/** Full points at or above the threshold; below it, rate × max ÷ threshold. Rates outside 0–100 are clamped. */
export function criterionPoints(rate: number, maxPoints: number, threshold: number): number {
  const clamped = Math.min(Math.max(rate, 0), 100);
  return (Math.min(clamped, threshold) * maxPoints) / threshold;
}

export function score766(rates: Rates, rules: ScoringRules = DEFAULT_SCORING_RULES): Score766 {
  const groups = rules.groups.map((g): GroupScore => {
    const criteria = rules.criteria
      .filter((k) => k.group === g.id)
      .map((k): CriterionScore => {
        const rate = rates[k.rate];
        const known = typeof rate === 'number' && Number.isFinite(rate);
        return {
          id: k.id,
          rate: known ? rate : null,
          points: known ? criterionPoints(rate, k.maxPoints, k.threshold) : null,
          maxPoints: k.maxPoints,
        };
      });
    const scored = criteria.filter((k) => k.points !== null);
    return {
      id: g.id,
      maxPoints: g.maxPoints,
      points: scored.length === 0 ? null : scored.reduce((s, k) => s + k.points!, 0),
      partial: scored.length > 0 && scored.length < criteria.length,
      criteria,
    };
  });
  const scored = groups.flatMap((g) => g.criteria).filter((k) => k.points !== null);
  const missingGroups = groups.filter((g) => g.points === null).map((g) => g.id);
  const partialGroups = groups.filter((g) => g.partial).map((g) => g.id);
  return {
    total: scored.reduce((s, k) => s + k.points!, 0),
    maxAvailable: scored.reduce((s, k) => s + k.maxPoints, 0),
    complete: missingGroups.length === 0 && partialGroups.length === 0,
    missingGroups,
    partialGroups,
    groups,
  };
}

/** The rates the IOC computes itself from dossier figures; the others stay unknown until given. */
export function ratesFromFigures(figures: Figures): Rates {
  return {
    onTime: figures.onTimeRate,
    onlineSubmission: figures.onlineShare,
    onlinePayment: figures.onlinePaymentShare,
    digitisedDossiers: figures.digitisationShare,
  };
}
