/** Judging a figure by the indicator's direction: for a 'down' indicator (poverty, accidents) less is better. */

export type Direction = 'up' | 'down';

/** good / bad by direction; warn is "a little behind"; neutral when there is nothing to judge. */
export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

export function directionOf(value: string | null | undefined): Direction {
  return value === 'down' ? 'down' : 'up';
}

/** Changes smaller than this (in %) are shown as unchanged rather than as a rise or a fall. */
const FLAT_GROWTH = 0.05;

/** (value ÷ last year − 1) × 100, as the server computes it; null without a base to compare with. */
export function growthOf(value: number | null, lastYear: number | null): number | null {
  return value !== null && lastYear ? (value / lastYear - 1) * 100 : null;
}

export function growthTone(growth: number | null, direction: Direction): Tone {
  if (growth === null || Math.abs(growth) < FLAT_GROWTH) return 'neutral';
  return growth > 0 === (direction === 'up') ? 'good' : 'bad';
}

export interface GrowthText {
  arrow: '▲' | '▼' | '■' | '';
  /** Signed, in the UI language: `+5,2%`, `−3.1%`; `—` without a value. */
  text: string;
}

/** `▲ +5,2%`: the arrow says which way the figure moved, the colour (growthTone) whether that is good. */
export function formatGrowth(
  growth: number | null,
  formatNumber: (value: number, digits: number) => string,
): GrowthText {
  if (growth === null) return { arrow: '', text: '—' };
  if (Math.abs(growth) < FLAT_GROWTH) return { arrow: '■', text: `${formatNumber(0, 1)}%` };
  const sign = growth > 0 ? '+' : '−';
  return { arrow: growth > 0 ? '▲' : '▼', text: `${sign}${formatNumber(Math.abs(growth), 1)}%` };
}

/** How far behind schedule (as a share of the expected progress) still counts as "a little" behind. */
const TOLERANCE = 0.1;

/**
 * Progress against the yearly plan. `ratio` is the achieved share of the plan (year to date ÷ plan), `expected` the
 * share that should be done by now (10/12 in October for a cumulative figure, 1 for a level such as a rate).
 */
export function planTone(ratio: number | null, expected: number, direction: Direction): Tone {
  if (ratio === null || !Number.isFinite(ratio) || expected <= 0) return 'neutral';
  if (direction === 'up') {
    if (ratio >= expected) return 'good';
    return ratio >= expected * (1 - TOLERANCE) ? 'warn' : 'bad';
  }
  if (ratio <= expected) return 'good';
  return ratio <= expected * (1 + TOLERANCE) ? 'warn' : 'bad';
}

export interface PlanProgress {
  /** Achieved share of the yearly plan, 1 = 100 %; null without a plan or a value. */
  ratio: number | null;
  /** Share of the plan that should be achieved by the end of the period. */
  expected: number;
  tone: Tone;
}

/**
 * Where a unit stands against its yearly plan at the end of a period, as the ranking's "% of plan" says it: the year
 * to date against the plan for the year, whatever the indicator. A cumulative indicator (a flow: revenue, cases) is
 * on schedule when it has done the share of the year gone; a level (a rate, a stock) when it stands at the plan.
 */
export function planProgress(input: {
  yearToDate: number | null;
  target: number | null;
  cumulative: boolean;
  elapsed: number;
  direction: Direction;
}): PlanProgress {
  const expected = input.cumulative ? input.elapsed : 1;
  const ratio = input.yearToDate !== null && input.target ? input.yearToDate / input.target : null;
  return { ratio, expected, tone: planTone(ratio, expected, input.direction) };
}
