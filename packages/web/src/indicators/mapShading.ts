import { type Direction, growthTone } from './assess.ts';
import { classOf, quantileBreaks, type RankingEntry } from './ranking.ts';

/** What colours the communes: the value itself, progress against the plan, or the change on last year. */
export type MapMetric = 'value' | 'plan' | 'growth';

export const MAP_METRICS: readonly MapMetric[] = ['value', 'plan', 'growth'];

/** A legend line: a stylesheet colour variable and what it means (a message key and its parameters). */
export interface LegendItem {
  colour: string;
  label: LegendLabel;
}

export type LegendLabel =
  | { kind: 'below'; limit: number }
  | { kind: 'between'; from: number; to: number }
  | { kind: 'atLeast'; limit: number }
  | { kind: 'only'; value: number }
  | { kind: 'plan'; tone: 'good' | 'warn' | 'bad' | 'none' }
  | { kind: 'growth'; bucket: GrowthBucket }
  | { kind: 'noData' };

export type GrowthBucket = 'riseStrong' | 'rise' | 'flat' | 'fall' | 'fallStrong';

export interface Shading {
  /** Unit code → stylesheet colour variable. */
  colourOf: Map<string, string>;
  legend: LegendItem[];
}

export const NO_DATA = '--choro-none';
const VALUE_COLOURS = ['--choro-1', '--choro-2', '--choro-3', '--choro-4', '--choro-5'];
const PLAN_COLOURS = { good: '--tone-good', warn: '--tone-warn', bad: '--tone-bad', none: '--choro-noplan' };
/** Growth of 10 % or more either way is "strong". */
const STRONG_GROWTH = 10;

function growthBucket(growth: number): GrowthBucket {
  if (growthTone(growth, 'up') === 'neutral') return 'flat';
  if (growth > 0) return growth >= STRONG_GROWTH ? 'riseStrong' : 'rise';
  return growth <= -STRONG_GROWTH ? 'fallStrong' : 'fall';
}

/** A rise is good for an 'up' indicator and bad for a 'down' one; strong changes get the deeper shade. */
function growthColour(bucket: GrowthBucket, direction: Direction): string {
  if (bucket === 'flat') return '--tone-flat';
  const rising = bucket === 'rise' || bucket === 'riseStrong';
  const strong = bucket === 'riseStrong' || bucket === 'fallStrong';
  const good = rising === (direction === 'up');
  return `--tone-${good ? 'good' : 'bad'}${strong ? '-strong' : ''}`;
}

/** Spreads n classes over the five-step ramp so two classes still show light and dark. */
function rampColour(index: number, classes: number): string {
  if (classes <= 1) return VALUE_COLOURS[2]!;
  return VALUE_COLOURS[Math.round((index * (VALUE_COLOURS.length - 1)) / (classes - 1))]!;
}

/** `scale`: values that fix the value classes (all periods of the time slider), instead of the shown ones. */
export function shadeUnits(
  entries: readonly RankingEntry[],
  metric: MapMetric,
  direction: Direction,
  scale?: readonly number[],
): Shading {
  const colourOf = new Map<string, string>();
  const legend: LegendItem[] = [];
  const withValue = entries.filter((entry) => entry.value !== null);
  const hasMissing = withValue.length < entries.length;

  if (metric === 'value') {
    const values = withValue.map((entry) => entry.value as number);
    const breaks = quantileBreaks(scale && scale.length > 0 ? scale : values);
    const classes = breaks.length + 1;
    for (const entry of withValue)
      colourOf.set(entry.unit, rampColour(classOf(entry.value as number, breaks), classes));
    if (values.length > 0 && breaks.length === 0) {
      legend.push({ colour: rampColour(0, 1), label: { kind: 'only', value: values[0]! } });
    } else if (breaks.length > 0) {
      breaks.forEach((limit, index) => {
        const label: LegendLabel =
          index === 0 ? { kind: 'below', limit } : { kind: 'between', from: breaks[index - 1]!, to: limit };
        legend.push({ colour: rampColour(index, classes), label });
      });
      legend.push({ colour: rampColour(classes - 1, classes), label: { kind: 'atLeast', limit: breaks.at(-1)! } });
    }
  } else if (metric === 'plan') {
    const seen = new Set<keyof typeof PLAN_COLOURS>();
    for (const entry of withValue) {
      const tone = entry.planTone === 'neutral' ? 'none' : entry.planTone;
      seen.add(tone);
      colourOf.set(entry.unit, PLAN_COLOURS[tone]);
    }
    for (const tone of ['good', 'warn', 'bad', 'none'] as const) {
      if (seen.has(tone)) legend.push({ colour: PLAN_COLOURS[tone], label: { kind: 'plan', tone } });
    }
  } else {
    const seen = new Set<GrowthBucket>();
    for (const entry of withValue) {
      if (entry.growth === null) continue;
      const bucket = growthBucket(entry.growth);
      seen.add(bucket);
      colourOf.set(entry.unit, growthColour(bucket, direction));
    }
    for (const bucket of ['riseStrong', 'rise', 'flat', 'fall', 'fallStrong'] as const) {
      if (seen.has(bucket)) legend.push({ colour: growthColour(bucket, direction), label: { kind: 'growth', bucket } });
    }
  }

  const shaded = entries.every((entry) => colourOf.has(entry.unit));
  if (hasMissing || !shaded) legend.push({ colour: NO_DATA, label: { kind: 'noData' } });
  for (const entry of entries) if (!colourOf.has(entry.unit)) colourOf.set(entry.unit, NO_DATA);
  return { colourOf, legend };
}
