import { describe, expect, it } from 'vitest';
import { NO_DATA, shadeUnits } from './mapShading.ts';
import type { RankingEntry } from './ranking.ts';

const entry = (unit: string, value: number | null, extra: Partial<RankingEntry> = {}): RankingEntry => ({
  unit,
  name: unit,
  nameEn: unit,
  value,
  rank: null,
  target: null,
  yearToDate: null,
  percentOfPlan: null,
  planTone: 'neutral',
  growth: null,
  ...extra,
});

describe('colouring the communes', () => {
  it('shows a commune without a value grey and says so in the legend', () => {
    const shading = shadeUnits([entry('a', 1), entry('b', 5), entry('c', null)], 'value', 'up');
    expect(shading.colourOf.get('c')).toBe(NO_DATA);
    expect(shading.colourOf.get('a')).not.toBe(NO_DATA);
    expect(shading.legend.at(-1)).toEqual({ colour: NO_DATA, label: { kind: 'noData' } });
  });

  it('has no "no data" line when every commune has a value', () => {
    const shading = shadeUnits([entry('a', 1), entry('b', 5)], 'value', 'up');
    expect(shading.legend.some((item) => item.label.kind === 'noData')).toBe(false);
    expect(shading.legend[0]?.label).toEqual({ kind: 'below', limit: 5 });
  });

  it('can class on a wider scale than the values shown', () => {
    const shading = shadeUnits([entry('a', 1), entry('b', 2)], 'value', 'up', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(shading.legend.at(-1)?.label).toEqual({ kind: 'atLeast', limit: 9 });
    expect(shading.colourOf.get('a')).toBe('--choro-1');
  });

  it('colours a rise green for an "up" indicator and red for a "down" one', () => {
    const entries = [entry('a', 1, { growth: 12 }), entry('b', 1, { growth: -3 })];
    const up = shadeUnits(entries, 'growth', 'up');
    expect(up.colourOf.get('a')).toBe('--tone-good-strong');
    expect(up.colourOf.get('b')).toBe('--tone-bad');
    const down = shadeUnits(entries, 'growth', 'down');
    expect(down.colourOf.get('a')).toBe('--tone-bad-strong');
    expect(down.colourOf.get('b')).toBe('--tone-good');
  });

  it('colours plan progress by its tone, and a commune without a plan apart', () => {
    const shading = shadeUnits(
      [entry('a', 1, { planTone: 'good' }), entry('b', 1, { planTone: 'bad' }), entry('c', 1)],
      'plan',
      'up',
    );
    expect(shading.colourOf.get('a')).toBe('--tone-good');
    expect(shading.colourOf.get('b')).toBe('--tone-bad');
    expect(shading.colourOf.get('c')).toBe('--choro-noplan');
    expect(shading.legend.map((item) => item.label)).toEqual([
      { kind: 'plan', tone: 'good' },
      { kind: 'plan', tone: 'bad' },
      { kind: 'plan', tone: 'none' },
    ]);
  });
});
