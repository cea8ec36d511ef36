import { describe, expect, it } from 'vitest';
import { buildGaugeOption } from './chartOptions.ts';
import type { PsColours } from './charts.ts';
import type { ScoreView } from './score.ts';

const colours: PsColours = {
  text: 'text',
  muted: 'muted',
  border: 'border',
  surface: 'surface',
  track: 'track',
  score: 'neutral',
  possible: 'possible',
  onTime: 'onTime',
  bands: { weak: 'red', average: 'amber', good: 'lightgreen', excellent: 'green' },
  channels: { inPerson: 'a', online: 'b', postal: 'c', unknown: 'd' },
};

const view = (patch: Partial<ScoreView>): ScoreView => ({
  complete: true,
  total: 92,
  maxAvailable: 100,
  maxPoints: 100,
  band: 'excellent',
  hasData: true,
  possible: { low: 92, high: 92 },
  missingGroups: [],
  partialGroups: [],
  groups: [],
  ...patch,
});

interface GaugeSeries {
  data: { value: number }[];
  progress?: { show: boolean; itemStyle: { color: string } };
  axisLine: { lineStyle?: { color: [number, string][] } };
}
const seriesOf = (v: ScoreView) => (buildGaugeOption(v, colours) as { series: GaugeSeries[] }).series;

describe('the 766 gauge', () => {
  it('rings the 0–100 scale with the grades, split at 50, 70 and 90', () => {
    const [ring] = seriesOf(view({}));
    expect(ring!.axisLine.lineStyle!.color).toEqual([
      [0.5, 'red'],
      [0.7, 'amber'],
      [0.9, 'lightgreen'],
      [1, 'green'],
    ]);
  });

  it('draws a complete score in the colour of its grade', () => {
    const series = seriesOf(view({ total: 64, band: 'average' }));
    expect(series).toHaveLength(2);
    expect(series[1]!.data[0]!.value).toBe(64);
    expect(series[1]!.progress!.itemStyle.color).toBe('amber');
  });

  it('draws known points in a neutral colour, with the range the total could still reach', () => {
    const series = seriesOf(
      view({ complete: false, band: null, total: 28.4, maxAvailable: 41, possible: { low: 28.4, high: 87.4 } }),
    );
    expect(series).toHaveLength(3);
    expect(series[1]!.data[0]!.value).toBe(87.4);
    expect(series[1]!.progress!.itemStyle.color).toBe('possible');
    expect(series[2]!.data[0]!.value).toBe(28.4);
    expect(series[2]!.progress!.itemStyle.color).toBe('neutral');
  });

  it('draws no arc when nothing can be scored', () => {
    const series = seriesOf(view({ hasData: false, complete: false, band: null, total: 0, maxAvailable: 0 }));
    expect(series).toHaveLength(2);
    expect(series[1]!.progress!.show).toBe(false);
  });
});
