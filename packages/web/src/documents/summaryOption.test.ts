import { describe, expect, it } from 'vitest';
import { buildDocumentMonthsOption, fillMonths, periodOfMonth, topOrgans } from './summaryOption.ts';

const colours = { text: 't', muted: 'm', border: 'b', surface: 's', incoming: 'blue', outgoing: 'teal' };

describe('the documents summary', () => {
  it('reads the month either way', () => {
    expect(periodOfMonth('2026-11')).toBe('202611');
    expect(periodOfMonth('202611')).toBe('202611');
  });

  it('fills the months without documents with zeros, up to this month', () => {
    const months = fillMonths(
      [{ month: '2026-03', incoming: 4, outgoing: 1 }],
      '2026-01-01',
      '2026-12-31',
      '2026-04-15',
    );
    expect(months).toEqual([
      { month: '2026-01', incoming: 0, outgoing: 0 },
      { month: '2026-02', incoming: 0, outgoing: 0 },
      { month: '2026-03', incoming: 4, outgoing: 1 },
      { month: '2026-04', incoming: 0, outgoing: 0 },
    ]);
    expect(fillMonths([], '2025-11-01', '2026-02-28', '2026-11-27').map((month) => month.month)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
  });

  it('draws incoming and outgoing side by side, month by month', () => {
    const option = buildDocumentMonthsOption({
      months: [
        { month: '2026-10', incoming: 40, outgoing: 12 },
        { month: '2026-11', incoming: 35, outgoing: 20 },
      ],
      shortLabel: (month) => month.slice(5),
      longLabel: (month) => month,
      count: String,
      text: { incoming: 'Đến', outgoing: 'Đi' },
      colours,
    }) as { series: { name: string; data: number[]; itemStyle: { color: string } }[]; xAxis: { data: string[] } };
    expect(option.xAxis.data).toEqual(['10', '11']);
    expect(option.series.map((series) => [series.name, series.itemStyle.color, series.data])).toEqual([
      ['Đến', 'blue', [40, 35]],
      ['Đi', 'teal', [12, 20]],
    ]);
  });

  it('lists the agencies exchanging the most first', () => {
    const top = topOrgans(
      [
        { organName: 'Bộ Y tế', incoming: 5, outgoing: 1 },
        { organName: 'Sở Tài chính', incoming: 2, outgoing: 9 },
        { organName: 'Bộ Công an', incoming: 3, outgoing: 3 },
      ],
      2,
    );
    expect(top.map((organ) => organ.organName)).toEqual(['Sở Tài chính', 'Bộ Công an']);
  });
});
