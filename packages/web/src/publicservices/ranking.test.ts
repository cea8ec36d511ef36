import type { PsFigures, PsGroup } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { rankByRate, rankingRows, sortRanking } from './ranking.ts';

function figures(received: number, onTimeRate: number | null, overdue = 0, finished = 10): PsFigures {
  const none = { inPerson: 0, online: 0, postal: 0, unknown: 0 };
  return {
    received,
    carriedOver: 0,
    toProcess: received,
    inProgress: { total: overdue, overdue, dueSoon: 0, notYetDue: 0 },
    finished: { total: finished, early: 0, onTime: 0, late: 0 },
    returned: 0,
    withdrawn: 0,
    onTimeRate,
    overdueRate: null,
    averageResolutionDays: null,
    channels: none,
    channelShares: { inPerson: null, online: null, postal: null, unknown: null },
    onlineShare: null,
    paidOnline: 0,
    onlinePaymentShare: null,
    digitised: 0,
    digitisationShare: null,
  };
}

const unit = (key: string | null, name: string, f: PsFigures): PsGroup => ({
  key,
  name,
  nameEn: name,
  unitId: key,
  figures: f,
});

const byUnit: PsGroup[] = [
  unit('42', 'Tỉnh Hà Tĩnh', figures(1581, 60)),
  unit('18073', 'Phường Thành Sen', figures(37, 55.9, 2)),
  unit('18100', 'Phường Trần Phú', figures(32, 53.3, 1)),
  unit('18133', 'Xã Hương Sơn', figures(22, null, 0, 0)),
  unit('18115', 'Phường Bắc Hồng Lĩnh', figures(29, 53.3, 4)),
  unit(null, '—', figures(35, 40)),
];

describe('rows of a ranking', () => {
  it('by commune leave out the province and the unmatched agencies, and count what they leave out', () => {
    const { rows, unplaced } = rankingRows(byUnit, 'unit', '42');
    expect(rows.map((r) => r.key)).toEqual(['18073', '18100', '18133', '18115']);
    expect(unplaced).toBe(35);
    expect(rows[0]).toMatchObject({ received: 37, finished: 10, overdue: 2, onTimeRate: 55.9 });
  });

  it('by agency keep every agency, an unmatched one under its name', () => {
    const groups = [
      { ...unit('SXD', 'Sở Xây dựng', figures(268, 50)), unitId: '42' },
      { ...unit('Ban quản lý chợ', 'Ban quản lý chợ', figures(35, 40)), unitId: null },
    ];
    const { rows, unplaced } = rankingRows(groups, 'agency', '42');
    expect(rows.map((r) => [r.key, r.unitId])).toEqual([
      ['SXD', '42'],
      ['Ban quản lý chợ', null],
    ]);
    expect(unplaced).toBe(0);
  });
});

describe('sorting a ranking', () => {
  const { rows } = rankingRows(byUnit, 'unit', '42');

  it('puts the worst on-time rate first, more overdue first among equals, nothing finished last', () => {
    expect(sortRanking(rows, 'worstFirst', 'vi').map((r) => r.key)).toEqual(['18115', '18100', '18073', '18133']);
  });

  it('puts the best first on the toggle, fewer overdue first among equals, nothing finished still last', () => {
    expect(sortRanking(rows, 'bestFirst', 'vi').map((r) => r.key)).toEqual(['18073', '18100', '18115', '18133']);
  });

  it('ranks from the best, whichever way the table is read', () => {
    const ranks = rankByRate(rows, 'vi');
    expect([...ranks.entries()]).toEqual([
      ['18073', 1],
      ['18100', 2],
      ['18115', 3],
    ]);
    expect(ranks.has('18133')).toBe(false);
  });

  it('does not change the rows it is given', () => {
    const before = rows.map((r) => r.key);
    sortRanking(rows, 'worstFirst', 'en');
    expect(rows.map((r) => r.key)).toEqual(before);
  });
});
