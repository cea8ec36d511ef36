/**
 * Seasons and trends of the demo series. A season lists January…December and is scaled to average 1, so it moves
 * values between months without changing a year's total; trends are yearly growth rates compounded by month.
 */
import { monthIndex } from './calendar.ts';

export type Season = readonly number[];

const normalise = (months: readonly number[]): Season => {
  const mean = months.reduce((s, v) => s + v, 0) / months.length;
  return months.map((v) => v / mean);
};

export const SEASONS = {
  flat: normalise([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
  // Year-end collection push in December; Tết empties February.
  revenue: normalise([0.95, 0.75, 0.9, 0.95, 1, 1.05, 0.95, 0.95, 1, 1, 1.05, 1.45]),
  landUse: normalise([0.5, 0.4, 0.7, 0.8, 0.9, 1, 0.8, 0.9, 1, 1.1, 1.3, 2.6]),
  customs: normalise([1, 0.8, 1, 1, 1, 1, 1, 1, 1, 1, 1.05, 1.15]),
  // Tết shopping in January–February, then a lull.
  retail: normalise([1.14, 1.1, 0.93, 0.95, 0.97, 0.98, 1, 0.99, 0.97, 0.97, 0.98, 1.08]),
  // The coast fills from the 30/4–1/5 holiday through summer.
  beach: normalise([0.35, 0.6, 0.55, 1.1, 1.5, 2.2, 2.3, 1.5, 0.6, 0.45, 0.4, 0.45]),
  // Spring festivals and pagodas; 27/7 at Ngã ba Đồng Lộc.
  inland: normalise([1.3, 1.7, 1.3, 1.1, 0.9, 0.8, 1.2, 0.9, 0.8, 0.7, 0.6, 0.7]),
  international: normalise([0.9, 0.8, 1, 1.1, 1, 1, 1.1, 1, 1, 1, 1, 1.1]),
  newEnterprises: normalise([0.9, 0.6, 1.2, 1.1, 1.05, 1, 1, 1, 1, 1, 1.05, 1.1]),
  dissolved: normalise([1.4, 0.8, 0.9, 0.9, 0.9, 1, 0.9, 0.9, 0.9, 1, 1.1, 1.4]),
  // Đông Xuân harvest in May–June, Hè Thu in August–September; nothing to reap in between.
  rice: normalise([0, 0, 0, 0, 2.4, 4.6, 0.2, 1.8, 3, 0, 0, 0]),
  aquaculture: normalise([0.5, 0.4, 0.6, 0.8, 1, 1.3, 1.5, 1.5, 1.3, 1.1, 1, 1]),
  training: normalise([0.6, 0.4, 0.9, 1, 1.1, 1.1, 1.1, 1.1, 1.2, 1.2, 1.2, 1.1]),
  jobs: normalise([0.8, 0.5, 1.1, 1.1, 1.1, 1, 1, 1.1, 1.1, 1.1, 1, 1.1]),
  // Tết travel.
  accidents: normalise([1.2, 1.4, 1, 1, 1, 0.95, 1.05, 1, 0.9, 0.9, 0.85, 1]),
  births: normalise([0.95, 0.9, 0.95, 0.95, 1, 1, 1.05, 1.05, 1.05, 1.05, 1, 1]),
  // Rainy season, peaking in September–October.
  dengue: normalise([0.6, 0.3, 0.2, 0.2, 0.3, 0.6, 1, 1.6, 2.2, 2.4, 1.7, 0.9]),
  handFootMouth: normalise([0.5, 0.4, 1.3, 1.5, 1.4, 1, 0.6, 0.6, 1.2, 1.5, 1.3, 0.7]),
  outpatient: normalise([1, 0.82, 1.02, 1, 1, 1.02, 1.05, 1.03, 1, 1.02, 1.02, 1.02]),
  spending: normalise([0.6, 0.7, 0.85, 0.9, 0.95, 1, 0.95, 0.95, 1, 1.05, 1.15, 1.9]),
  industry: normalise([0.95, 0.8, 1, 1, 1.02, 1.02, 1.03, 1.03, 1.02, 1.03, 1.04, 1.06]),
  beds: normalise([1.08, 0.9, 1.02, 1, 0.98, 0.98, 1, 1, 1, 1.02, 1.02, 1]),
} satisfies Record<string, Season>;

export const blend = (a: Season, b: Season, weightOfA: number): Season =>
  a.map((v, i) => weightOfA * v + (1 - weightOfA) * b[i]!);

/** The anchors are 2024 figures: growth is measured from the middle of 2024 (flows) or its end (stocks). */
export const ANCHOR_YEAR = 2024;
export const MID_ANCHOR = monthIndex(ANCHOR_YEAR, 7);
export const END_ANCHOR = monthIndex(ANCHOR_YEAR, 12);

export const grown = (rate: number, t: number, from: number) => (1 + rate) ** ((t - from) / 12);
