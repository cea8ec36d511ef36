import { describe, expect, it } from 'vitest';
import { buildTaskTrendOption, monthOfPoint, type TrendPoint } from './trendOption.ts';

const colours = {
  text: 'text',
  muted: 'muted',
  border: 'border',
  surface: 'surface',
  open: 'blue',
  overdue: 'red',
  assigned: 'grey',
};

const points: TrendPoint[] = [
  { date: '2026-09-30', open: 12, overdue: 2, assigned: 5 },
  { date: '2026-10-31', open: 15, overdue: 4, assigned: 7 },
  { date: '2026-11-30', open: 11, overdue: 1, assigned: 3 },
];

interface Series {
  name: string;
  type: string;
  data: number[];
  itemStyle: { color: string };
}

const build = () =>
  buildTaskTrendOption({
    points,
    shortLabel: (date) => `T${Number(date.slice(5, 7))}`,
    longLabel: (date) => `Tháng ${Number(date.slice(5, 7))}/${date.slice(0, 4)}`,
    count: String,
    text: { open: 'Chưa hoàn thành', overdue: 'Quá hạn', assigned: 'Giao trong tháng' },
    colours,
  }) as {
    series: Series[];
    xAxis: { data: string[] };
    legend: { data: string[] };
    tooltip: { formatter(params: { dataIndex: number }[]): string };
  };

describe('the trend of open tasks', () => {
  it('reads a month-end date as its month', () => {
    expect(monthOfPoint('2026-11-30')).toBe('202611');
  });

  it('draws the tasks assigned as bars, open and overdue as lines, one point per month', () => {
    const option = build();
    expect(option.xAxis.data).toEqual(['T9', 'T10', 'T11']);
    expect(option.series.map((series) => [series.name, series.type, series.itemStyle.color])).toEqual([
      ['Giao trong tháng', 'bar', 'grey'],
      ['Chưa hoàn thành', 'line', 'blue'],
      ['Quá hạn', 'line', 'red'],
    ]);
    expect(option.series[1]?.data).toEqual([12, 15, 11]);
    expect(option.series[2]?.data).toEqual([2, 4, 1]);
    expect(option.legend.data).toEqual(['Chưa hoàn thành', 'Quá hạn', 'Giao trong tháng']);
  });

  it('names the month and its three figures in the tooltip', () => {
    const text = build().tooltip.formatter([{ dataIndex: 1 }]);
    expect(text).toContain('Tháng 10/2026');
    expect(text).toContain('Chưa hoàn thành: <strong>15</strong>');
    expect(text).toContain('Quá hạn: <strong>4</strong>');
    expect(text).toContain('Giao trong tháng: <strong>7</strong>');
  });
});
