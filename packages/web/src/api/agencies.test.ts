import type { Agency } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { agencyIndex } from './agencies.ts';

const health: Agency = {
  code: 'SYT',
  name: 'Sở Y tế',
  nameEn: 'Department of Health',
  unitId: '42',
  kind: 'department',
  aliases: ['Sở Y Tế Hà Tĩnh'],
  nationalId: '000.00.20.H23',
};
const commune: Agency = {
  code: 'UBND_18667',
  name: 'UBND Xã Thạch Xuân',
  nameEn: "Thach Xuan Commune People's Committee",
  unitId: '18667',
  kind: 'commune',
  aliases: [],
  nationalId: null,
};
const find = agencyIndex([health, commune]);

describe('agency index', () => {
  it('finds an agency by code, national id, name or alias', () => {
    expect(find({ code: 'UBND_18667', name: 'whatever' })?.nameEn).toBe("Thach Xuan Commune People's Committee");
    expect(find({ organId: '000.00.20.H23', name: 'S.Y.T' })).toBe(health);
    expect(find({ name: ' sở y tế ' })).toBe(health);
    expect(find({ name: 'Sở Y tế Hà Tĩnh' })).toBe(health);
  });

  it('finds nothing for a ministry or a name no agency answers to', () => {
    expect(find({ name: 'Bộ Y tế' })).toBeUndefined();
    expect(find({ code: 'Văn phòng Đăng ký đất đai', name: 'Văn phòng Đăng ký đất đai' })).toBeUndefined();
  });
});
