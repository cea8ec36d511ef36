import { describe, expect, it } from 'vitest';
import { changedPlans, type PlanRow, sortPlanRows } from './plans.ts';

const rows: PlanRow[] = [
  { unit: '42', name: 'Tỉnh Hà Tĩnh', nameEn: 'Ha Tinh', saved: 125202 },
  { unit: '18832', name: 'Xã Kỳ Anh', nameEn: 'Ky Anh', saved: 5629.3 },
  { unit: '18073', name: 'Phường Thành Sen', nameEn: 'Thanh Sen', saved: null },
  { unit: '18100', name: 'Phường Trần Phú', nameEn: 'Tran Phu', saved: 1031.3 },
];

describe('the plans to save', () => {
  it('sends only the rows typed to a number different from the stored plan', () => {
    const { changes, problems } = changedPlans(
      rows,
      { '42': '130000', '18832': '5629,3', '18073': '850,5', '18100': '1031,30' },
      'vi',
    );
    expect(changes).toEqual([
      { unit: '42', value: 130000 },
      { unit: '18073', value: 850.5 },
    ]);
    expect(problems.size).toBe(0);
  });

  it('reads numbers as typed in the language of the page', () => {
    expect(changedPlans(rows, { '18073': '1,250.75' }, 'en').changes).toEqual([{ unit: '18073', value: 1250.75 }]);
    expect(changedPlans(rows, { '18073': '1.250,75' }, 'vi').changes).toEqual([{ unit: '18073', value: 1250.75 }]);
  });

  it('ignores untouched rows and a row left empty that had no plan', () => {
    expect(changedPlans(rows, {}, 'vi').changes).toEqual([]);
    expect(changedPlans(rows, { '18073': '  ' }, 'vi')).toEqual({ changes: [], problems: new Map() });
  });

  it('refuses text, an ambiguous number and a plan emptied (plans cannot be removed)', () => {
    const { changes, problems } = changedPlans(rows, { '42': '', '18832': 'abc', '18100': '1.234' }, 'vi');
    expect(changes).toEqual([]);
    expect([...problems]).toEqual([
      ['42', 'cleared'],
      ['18832', 'type'],
      ['18100', 'ambiguous'],
    ]);
  });

  it('lists the province first, then communes and wards by Vietnamese name', () => {
    expect(sortPlanRows(rows, '42').map((row) => row.unit)).toEqual(['42', '18073', '18100', '18832']);
  });
});
