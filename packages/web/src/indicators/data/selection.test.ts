import type { DataSet } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { describeFieldError } from '../../api/errorMessages.ts';
import { testTranslators } from '../../i18n/testing.ts';
import { vi } from '../../i18n/vi.ts';
import { dataEntryEn } from './i18n.en.ts';
import { dataEntryVi } from './i18n.vi.ts';
import { entrySearch, resolveEntrySelection } from './selection.ts';

function set(code: string, frequency: string, units: string[]): DataSet {
  return {
    code,
    name: code,
    nameEn: code,
    frequency,
    dueDays: 24,
    dueTime: '23:59',
    lockDays: 40,
    elements: ['X'],
    units,
  };
}

const sets = [set('SOCIAL_M', 'month', ['18073', '18100']), set('LAND_Q', 'quarter', ['18073'])];
const unitsOf = (s: DataSet) => s.units;
const now = new Date('2026-11-27T03:00:00Z');
const read = (query: string, own: string | null = '18073') =>
  resolveEntrySelection(new URLSearchParams(query), sets, unitsOf, own, now);

describe('the data page selection', () => {
  it("defaults to the first set, the user's own unit and the set's current period", () => {
    const selection = read('');
    expect(selection.set?.code).toBe('SOCIAL_M');
    expect(selection.unit).toBe('18073');
    expect(selection.period?.id).toBe('202611');
    expect(selection.tab).toBe('entry');
  });

  it('keeps a valid choice from the URL', () => {
    const selection = read('set=SOCIAL_M&unit=18100&period=202609&tab=import');
    expect([selection.unit, selection.period?.id, selection.tab]).toEqual(['18100', '202609', 'import']);
  });

  it('replaces a period of another frequency and a unit the user may not enter for', () => {
    const selection = read('set=LAND_Q&unit=18100&period=202611');
    expect(selection.period?.id).toBe('2026Q4');
    expect(selection.unit).toBe('18073');
  });

  it('leaves the unit to choose for a province officer among several', () => {
    expect(read('set=SOCIAL_M', '42').unit).toBe('');
    expect(read('set=LAND_Q', '42').unit).toBe('18073');
  });

  it('writes a stable query', () => {
    expect(entrySearch({ set: 'SOCIAL_M', unit: '', period: '202611', tab: 'entry' })).toBe(
      '?set=SOCIAL_M&period=202611',
    );
    expect(entrySearch({ set: 'LAND_Q', unit: '18073', period: '2026Q4', tab: 'import' })).toBe(
      '?set=LAND_Q&unit=18073&period=2026Q4&tab=import',
    );
  });
});

const { tVi, tEn } = testTranslators({ vi: dataEntryVi, en: dataEntryEn });

describe('server rules of data values in the user language', () => {
  it('words each rule the entry form and the import may meet', () => {
    for (const rule of [
      'integer',
      'locked',
      'validationRule',
      'conflict',
      'closed',
      'frequency',
      'duplicate',
      'mismatch',
    ]) {
      const error = { field: '/values/0/value', message: 'server text', rule, limit: 'X' };
      expect(describeFieldError(error, tVi, 'vi')).not.toBe(vi['validation.invalid']);
      expect(describeFieldError(error, tEn, 'en')).not.toBe('server text');
    }
    expect(describeFieldError({ field: 'D7', message: 'must be a whole number', rule: 'integer' }, tVi, 'vi')).toBe(
      'Hãy nhập số nguyên.',
    );
  });
});
