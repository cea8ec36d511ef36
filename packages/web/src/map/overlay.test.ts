import { describe, expect, it } from 'vitest';
import { countAlerts, parseOverlay, quantileBreaks, shadeAlertCounts, shadeValues } from './overlay.ts';
import { alertItems } from './useMapOverlay.ts';

describe('the map overlay', () => {
  it('reads the overlay from the URL, the kinds of unit by default', () => {
    expect(parseOverlay(null)).toEqual({ kind: 'units' });
    expect(parseOverlay('alerts')).toEqual({ kind: 'alerts' });
    expect(parseOverlay('indicator:POP')).toEqual({ kind: 'indicator', code: 'POP' });
    expect(parseOverlay('indicator:')).toEqual({ kind: 'units' });
  });

  it('counts open alerts per commune, and apart those about the province, a closed unit or no unit', () => {
    const alerts = [
      { unit: '18073' },
      { unit: '18073' },
      { unit: '18100' },
      { unit: '42' },
      { unit: null },
      { unit: '18082@2024' },
    ];
    const { byUnit, elsewhere } = countAlerts(alerts, ['18073', '18100', '18652']);
    expect([...byUnit]).toEqual([
      ['18073', 2],
      ['18100', 1],
      ['18652', 0],
    ]);
    expect(elsewhere).toBe(3);
  });

  it('puts alert counts in fixed classes: 0, 1, 2–4, 5–9, 10 and more', () => {
    const shading = shadeAlertCounts(
      new Map([
        ['a', 0],
        ['b', 1],
        ['c', 4],
        ['d', 5],
        ['e', 12],
      ]),
    );
    expect([...shading.colourOf.values()]).toEqual([
      '--alerts-0',
      '--alerts-1',
      '--alerts-2',
      '--alerts-3',
      '--alerts-4',
    ]);
    expect(shading.classes.map((c) => [c.from, c.to])).toEqual([
      [0, 0],
      [1, 1],
      [2, 4],
      [5, 9],
      [10, null],
    ]);
  });

  it('splits values into quantile classes of the distinct values', () => {
    // Ten values, five classes: breaks at the 0th, 2nd, 4th, 6th and 8th of the sorted values.
    expect(quantileBreaks([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 5)).toEqual([1, 3, 5, 7, 9]);
    // Repeated values merge classes: 1, 1, 1, 1, 5 → two classes.
    expect(quantileBreaks([1, 1, 1, 1, 5], 5)).toEqual([1, 5]);
  });

  it('shades each commune by its class, lightest to darkest, and says when some have no value', () => {
    const values = new Map<string, number | null>([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
      ['e', 5],
      ['f', 6],
      ['g', 7],
      ['h', 8],
      ['i', 9],
      ['j', 10],
      ['k', null],
    ]);
    const shading = shadeValues(values);
    expect(shading.classes.map((c) => [c.from, c.to])).toEqual([
      [1, 3],
      [3, 5],
      [5, 7],
      [7, 9],
      [9, 10],
    ]);
    expect(shading.colourOf.get('a')).toBe('--overlay-1');
    expect(shading.colourOf.get('c')).toBe('--overlay-2');
    expect(shading.colourOf.get('j')).toBe('--overlay-5');
    expect(shading.colourOf.has('k')).toBe(false);
    expect(shading.missing).toBe(true);
    // Two classes still show light and dark.
    const two = shadeValues(
      new Map([
        ['a', 1],
        ['b', 1],
        ['c', 5],
      ]),
    );
    expect(two.classes.map((c) => c.colour)).toEqual(['--overlay-1', '--overlay-5']);
    expect(shadeValues(new Map([['a', null]]))).toEqual({ colourOf: new Map(), classes: [], missing: true });
  });

  it('reads the alert list as an array or as a page', () => {
    const alert = { unit: '18073' } as never;
    expect(alertItems([alert])).toEqual({ items: [alert], total: 1 });
    expect(alertItems({ items: [alert], total: 7 })).toEqual({ items: [alert], total: 7 });
  });
});
