/**
 * Is a new value far from its own history? A robust test that survives the outliers it looks for:
 * the median and the median absolute deviation (MAD, scaled by 1.4826 to match a standard deviation for normal
 * data), with a value anomalous when it lies more than K scaled MADs from the median (Iglewicz & Hoaglin's modified
 * z-score, with K = 3.5 as they recommend).
 *
 * Seasonal series (tourism, retail at Tết) would trip a plain test every summer, so for monthly data with a
 * value 12 months earlier the test runs on year-on-year ratios (v_t / v_t−12) instead of levels: the season cancels
 * and the history of ratios says how much a month usually moves against the same month a year before. With too
 * little history (fewer than MIN_HISTORY points) nothing is judged.
 */
export const K = 3.5;
export const MIN_HISTORY = 6;
export const MIN_RELATIVE_SPREAD = 0.1;
export const MIN_COUNT_FOR_RATIOS = 10;
const MAD_SCALE = 1.4826;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface AnomalyVerdict {
  /** The modified z-score: how many scaled MADs from the median. */
  score: number;
  /** What the value would usually be: the median level, or last year's value × the median ratio. */
  expected: number;
  basis: 'level' | 'yearOnYear';
}

/**
 * Counts (every value whole: cases, births, accidents) wobble like a Poisson variable, whose spread is √mean: a
 * commune with 1 dengue case where it usually has 0 is not an anomaly, 12 is. `countSpread` gives that floor for
 * the tested quantity from its centre (√level, or ratioCountSpread for a year-on-year ratio); null for measures.
 */
function robustScore(
  value: number,
  history: readonly number[],
  countSpread: ((centre: number) => number) | null,
): { score: number; centre: number } {
  const centre = median(history);
  // A very regular history (or a flat one, MAD 0) would make any small wobble "far": the spread is at least
  // MIN_RELATIVE_SPREAD of the centre, so nothing within K × 10 % = 35 % of the usual is ever an anomaly.
  const spread = Math.max(
    MAD_SCALE * median(history.map((h) => Math.abs(h - centre))),
    Math.abs(centre) * MIN_RELATIVE_SPREAD,
    countSpread ? countSpread(centre) : 0,
    1e-9,
  );
  return { score: Math.abs(value - centre) / spread, centre };
}

/** Both counts of a ratio wobble: with n last year and about n × r now, the ratio's spread is r·√(1/n + 1/(n·r)). */
function ratioCountSpread(ratio: number, lastYear: number): number {
  const n = Math.max(Math.abs(lastYear), 1);
  return Math.abs(ratio) * Math.sqrt(1 / n + 1 / Math.max(n * Math.abs(ratio), 1));
}

/**
 * `history` maps earlier periods (oldest first, consecutive, same type) to values, null where none was stored;
 * `seasonLength` is 12 for months, 4 for quarters, 0 when there is no season; `counts` is true for whole-number
 * elements (cases, births), whose history may still be fractional where merged units' shares were applied.
 */
export function judgeValue(
  value: number,
  history: readonly (number | null)[],
  seasonLength: number,
  counts = false,
): AnomalyVerdict | null {
  const n = history.length;
  const known = history.filter((h): h is number => h != null);
  if (seasonLength > 0) {
    const sameLastYear = history[n - seasonLength];
    const ratios: number[] = [];
    for (let i = seasonLength; i < n; i++) {
      const now = history[i];
      const before = history[i - seasonLength];
      if (now != null && before != null && before !== 0) ratios.push(now / before);
    }
    // Ratios of small counts (0, 1, 2 cases) swing wildly: counts below MIN_COUNT_FOR_RATIOS are judged as levels.
    const largeEnough = !counts || (known.length > 0 && median(known) >= MIN_COUNT_FOR_RATIOS);
    if (largeEnough && sameLastYear != null && sameLastYear !== 0 && ratios.length >= MIN_HISTORY) {
      const { score, centre } = robustScore(
        value / sameLastYear,
        ratios,
        counts ? (centre) => ratioCountSpread(centre, sameLastYear) : null,
      );
      return { score, expected: sameLastYear * centre, basis: 'yearOnYear' };
    }
  }
  if (known.length < MIN_HISTORY) return null;
  const { score, centre } = robustScore(
    value,
    known,
    counts ? (centre) => Math.sqrt(Math.max(Math.abs(centre), 1)) : null,
  );
  return { score, expected: centre, basis: 'level' };
}
