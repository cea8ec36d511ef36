import type { PsScore } from '@ioc/shared';
import type { MessageKey, Translate } from '../i18n/index.tsx';

/**
 * Grades of the 766 index. The reference fixes the ends (90–100 excellent, under 50 weak); the two grades between,
 * split at 70, are the page's reading, shown with their limits so nobody takes them for the Decision's wording.
 */
export type ScoreBand = 'weak' | 'average' | 'good' | 'excellent';

export const BAND_LIMITS = { average: 50, good: 70, excellent: 90 } as const;

export const BANDS: readonly { band: ScoreBand; from: number; to: number }[] = [
  { band: 'weak', from: 0, to: BAND_LIMITS.average },
  { band: 'average', from: BAND_LIMITS.average, to: BAND_LIMITS.good },
  { band: 'good', from: BAND_LIMITS.good, to: BAND_LIMITS.excellent },
  { band: 'excellent', from: BAND_LIMITS.excellent, to: 100 },
];

export function scoreBand(points: number): ScoreBand {
  if (points >= BAND_LIMITS.excellent) return 'excellent';
  if (points >= BAND_LIMITS.good) return 'good';
  if (points >= BAND_LIMITS.average) return 'average';
  return 'weak';
}

export type GroupState = 'complete' | 'partial' | 'missing';

export interface CriterionRow {
  id: string;
  rate: number | null;
  points: number | null;
  maxPoints: number;
  threshold: number;
  description: string;
}

export interface GroupRow {
  id: string;
  name: string;
  maxPoints: number;
  points: number | null;
  state: GroupState;
  /** points ÷ maxPoints, 0–1, for the bar; null when nothing is known. */
  share: number | null;
  /** The most its known criteria could give. */
  knownMax: number;
  criteria: CriterionRow[];
}

export interface ScoreView {
  complete: boolean;
  total: number;
  maxAvailable: number;
  /** The index's full scale (100). */
  maxPoints: number;
  /** Only a complete score is graded: 28 of 41 known points is not a weak 28/100. */
  band: ScoreBand | null;
  /** Some criterion has a rate: there is something to show. */
  hasData: boolean;
  /** Lowest and highest the total can end at once the missing criteria are known. */
  possible: { low: number; high: number };
  missingGroups: string[];
  partialGroups: string[];
  groups: GroupRow[];
}

export function scoreView(score: PsScore): ScoreView {
  const groups = score.groups.map((group): GroupRow => {
    const state: GroupState = group.points === null ? 'missing' : group.partial ? 'partial' : 'complete';
    return {
      id: group.id,
      name: group.name,
      maxPoints: group.maxPoints,
      points: group.points,
      state,
      share: group.points === null || group.maxPoints <= 0 ? null : Math.min(1, group.points / group.maxPoints),
      knownMax: group.criteria.filter((c) => c.points !== null).reduce((sum, c) => sum + c.maxPoints, 0),
      criteria: group.criteria.map((c) => ({ ...c })),
    };
  });
  const maxPoints = groups.reduce((sum, group) => sum + group.maxPoints, 0) || 100;
  return {
    complete: score.complete,
    total: score.total,
    maxAvailable: score.maxAvailable,
    maxPoints,
    band: score.complete && score.maxAvailable > 0 ? scoreBand(score.total) : null,
    hasData: score.maxAvailable > 0,
    possible: { low: score.total, high: Math.min(maxPoints, score.total + (maxPoints - score.maxAvailable)) },
    missingGroups: score.missingGroups,
    partialGroups: score.partialGroups,
    groups,
  };
}

const GROUP_KEYS: Record<string, MessageKey> = {
  publicity: 'ps.group.publicity',
  progress: 'ps.group.progress',
  digitisation: 'ps.group.digitisation',
  online: 'ps.group.online',
  satisfaction: 'ps.group.satisfaction',
};

const CRITERION_KEYS: Record<string, MessageKey> = {
  'publicity.procedures': 'ps.criterion.publicity.procedures',
  'publicity.dossiers': 'ps.criterion.publicity.dossiers',
  'publicity.information': 'ps.criterion.publicity.information',
  'progress.onTime': 'ps.criterion.progress.onTime',
  'digitisation.dossiers': 'ps.criterion.digitisation.dossiers',
  'digitisation.results': 'ps.criterion.digitisation.results',
  'online.coverage': 'ps.criterion.online.coverage',
  'online.uptake': 'ps.criterion.online.uptake',
  'online.submission': 'ps.criterion.online.submission',
  'online.paymentProcedures': 'ps.criterion.online.paymentProcedures',
  'online.payment': 'ps.criterion.online.payment',
  'satisfaction.paknOnTime': 'ps.criterion.satisfaction.paknOnTime',
  'satisfaction.pakn': 'ps.criterion.satisfaction.pakn',
  'satisfaction.procedures': 'ps.criterion.satisfaction.procedures',
};

/** A group's name in the UI language; one the rules add later keeps the name the server gives. */
export function groupName(t: Translate, group: { id: string; name: string }): string {
  const key = GROUP_KEYS[group.id];
  return key ? t(key) : group.name;
}

export function criterionName(t: Translate, criterion: { id: string; description: string }): string {
  const key = CRITERION_KEYS[criterion.id];
  return key ? t(key) : criterion.description;
}
