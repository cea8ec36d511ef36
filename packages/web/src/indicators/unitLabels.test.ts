import { describe, expect, it } from 'vitest';
import { unitLabel, withUnit } from './unitLabels.ts';

describe('units of indicators', () => {
  it('puts the unit after the value, a percent sign without a space', () => {
    expect(withUnit('1.234,5', 'tỷ đồng')).toBe('1.234,5 tỷ đồng');
    expect(withUnit('2,12', '%')).toBe('2,12%');
    expect(withUnit('12', '')).toBe('12');
    expect(withUnit('14,2', '‰')).toBe('14,2‰');
    expect(withUnit('31,5', '% GRDP')).toBe('31,5% GRDP');
  });

  it('translates common units for English and leaves others as they are', () => {
    expect(unitLabel('tỷ đồng', 'en')).toBe('bn VND');
    expect(unitLabel('tỷ đồng', 'vi')).toBe('tỷ đồng');
    expect(unitLabel('con', 'en')).toBe('con');
  });
});
