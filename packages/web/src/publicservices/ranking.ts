import type { PsGroup } from '@ioc/shared';
import { nameOrder, orderRanking, type RankingOrder, rankPositions } from '../components/ranking.ts';
import type { Lang } from '../i18n/index.tsx';

/** One agency or commune in a ranking by on-time rate. */
export interface RankingRow {
  key: string;
  name: string;
  nameEn: string;
  /** The org unit it belongs to; null for an agency name the sync could not match. */
  unitId: string | null;
  onTimeRate: number | null;
  received: number;
  finished: number;
  overdue: number;
}

export interface RankingRows {
  rows: RankingRow[];
  /** Dossiers received in the period that no commune holds (unmatched agencies), left out of a commune ranking. */
  unplaced: number;
}

/**
 * The rows of a ranking from the summary's groups. By commune, the root unit's own row (the province's departments)
 * and the dossiers of agencies matched to no unit are not communes, so they are left out.
 */
export function rankingRows(groups: readonly PsGroup[], by: 'agency' | 'unit', rootUnit: string): RankingRows {
  let unplaced = 0;
  const rows: RankingRow[] = [];
  for (const group of groups) {
    if (by === 'unit' && (group.key === null || group.key === rootUnit)) {
      if (group.key === null) unplaced += group.figures.received;
      continue;
    }
    rows.push({
      key: group.key ?? group.name,
      name: group.name,
      nameEn: group.nameEn,
      unitId: group.unitId,
      onTimeRate: group.figures.onTimeRate,
      received: group.figures.received,
      finished: group.figures.finished.total,
      overdue: group.figures.inProgress.overdue,
    });
  }
  return { rows, unplaced };
}

/**
 * Worst first (lowest on-time rate) or best first. Rows with nothing finished have no rate: they always come last,
 * whichever the order, since "no dossier finished" is neither good nor bad. Ties: more overdue first when looking
 * at the worst, fewer when looking at the best; then more received; then the name.
 */
export function sortRanking(rows: readonly RankingRow[], order: RankingOrder, lang: Lang): RankingRow[] {
  return orderRanking(
    rows,
    {
      figure: (row) => row.onTimeRate,
      higherIsBetter: true,
      ties: [(a, b) => a.overdue - b.overdue],
      fixedTies: [
        (a, b) => b.received - a.received,
        nameOrder(lang, (row) => (lang === 'en' && row.nameEn ? row.nameEn : row.name)),
      ],
    },
    order,
  );
}

/** Rank 1 for the highest on-time rate; rows without a rate have no rank. */
export function rankByRate(rows: readonly RankingRow[], lang: Lang): Map<string, number> {
  const ranked = sortRanking(rows, 'bestFirst', lang).filter((row) => row.onTimeRate !== null);
  const positions = rankPositions(ranked);
  return new Map(ranked.map((row, index) => [row.key, positions[index] ?? index + 1]));
}

export type { RankingOrder };
