import type { TaskUnitFigures } from '@ioc/shared';
import { nameOrder, orderRanking, type RankingOrder, rankPositions } from '../../components/ranking.ts';
import type { Lang } from '../../i18n/index.tsx';

export interface UnitRankRow {
  code: string;
  name: string;
  nameEn: string;
  /** 1 for the best on-time rate; equal figures share a rank; null when nothing was due yet. */
  rank: number | null;
  onTimeRate: number | null;
  averageDelayDays: number | null;
  reminders: number;
  /** Reminded at least the review threshold this year: the unit's head is due for a review. */
  review: boolean;
  assigned: number;
  open: number;
  overdue: number;
}

export interface UnitRanking {
  rows: UnitRankRow[];
  /** Units that lead no task in the period: left out, counted. */
  idle: number;
}

/**
 * Units by on-time completion, best first: higher rate, then shorter average delay, then fewer overdue, then more
 * tasks. A unit with nothing due yet has no rate and comes last, unranked.
 */
export function unitRanking(units: readonly TaskUnitFigures[], reviewThreshold: number, lang: Lang): UnitRanking {
  const byName = nameOrder<TaskUnitFigures>(lang, (figures) =>
    lang === 'en' && figures.unit.nameEn ? figures.unit.nameEn : figures.unit.name,
  );
  const byAssigned = (a: TaskUnitFigures, b: TaskUnitFigures) => b.assigned - a.assigned;
  const active = units.filter((figures) => figures.assigned > 0);
  const sorted = orderRanking(
    active,
    {
      figure: (figures) => figures.onTimeRate,
      higherIsBetter: true,
      ties: [
        (a, b) => (a.averageDelayDays ?? 0) - (b.averageDelayDays ?? 0),
        (a, b) => a.overdue - b.overdue,
        byAssigned,
        byName,
      ],
      unranked: [byAssigned, byName],
    },
    'bestFirst',
  );
  const positions = rankPositions(
    sorted,
    (previous, figures) =>
      previous.onTimeRate === figures.onTimeRate &&
      (previous.averageDelayDays ?? 0) === (figures.averageDelayDays ?? 0),
  );
  const rows = sorted.map<UnitRankRow>((figures, index) => ({
    code: figures.unit.code,
    name: figures.unit.name,
    nameEn: figures.unit.nameEn,
    rank: figures.onTimeRate === null ? null : (positions[index] ?? index + 1),
    onTimeRate: figures.onTimeRate,
    averageDelayDays: figures.averageDelayDays,
    reminders: figures.remindersThisYear,
    review: reviewThreshold > 0 && figures.remindersThisYear >= reviewThreshold,
    assigned: figures.assigned,
    open: figures.open,
    overdue: figures.overdue,
  }));
  return { rows, idle: units.length - active.length };
}

/** The ranking read from the bottom when looking for who lags; units without a rate stay last either way. */
export function orderUnitRanking(rows: readonly UnitRankRow[], order: RankingOrder): UnitRankRow[] {
  if (order === 'bestFirst') return [...rows];
  const rated = rows.filter((row) => row.rank !== null);
  return [...rated.reverse(), ...rows.filter((row) => row.rank === null)];
}

/** The bar's colour band for an on-time rate: under 50 weak, under 80 fair, else good. */
export function rateBand(rate: number | null): 'none' | 'weak' | 'fair' | 'good' {
  if (rate === null) return 'none';
  if (rate < 50) return 'weak';
  if (rate < 80) return 'fair';
  return 'good';
}

export type { RankingOrder };
