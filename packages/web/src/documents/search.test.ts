import type { DocumentListItem } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import {
  appendPage,
  directionFromParams,
  EMPTY_FILTERS,
  filtersFromParams,
  filtersToParams,
  hasFilters,
  pickerQuery,
} from './search.ts';

const item = (id: number): DocumentListItem => ({
  id,
  direction: 'incoming',
  register: 'DEN',
  year: 2026,
  number: id,
  typeName: 'Công văn',
  codeNumber: String(id),
  codeNotation: 'UBND-VX',
  label: `${id}/UBND-VX`,
  issuedDate: '2026-11-20',
  organ: { organId: null, organName: 'UBND tỉnh Hà Tĩnh' },
  subject: 'Về việc tăng cường phòng chống dịch',
  priority: 0,
  dueDate: null,
  arrivalDate: null,
  createdAt: '2026-11-20T02:00:00Z',
  fileCount: 0,
  taskCount: 0,
});

describe('the search in the URL', () => {
  it('round-trips the direction and the filters, leaving out blanks and the default tab', () => {
    const filters = { ...EMPTY_FILTERS, q: ' phòng chống dịch ', organ: 'Bộ Y tế', from: '2026-01-01' };
    const params = filtersToParams('outgoing', filters);
    expect(params.toString()).toBe(
      'direction=outgoing&q=ph%C3%B2ng+ch%E1%BB%91ng+d%E1%BB%8Bch&organ=B%E1%BB%99+Y+t%E1%BA%BF&from=2026-01-01',
    );
    expect(directionFromParams(params)).toBe('outgoing');
    expect(filtersFromParams(params)).toEqual({ ...filters, q: 'phòng chống dịch' });
    expect(filtersToParams('incoming', EMPTY_FILTERS).toString()).toBe('');
    expect(directionFromParams(new URLSearchParams('direction=sideways'))).toBe('incoming');
  });

  it('knows when something is searched', () => {
    expect(hasFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasFilters({ ...EMPTY_FILTERS, number: '12' })).toBe(true);
    expect(hasFilters({ ...EMPTY_FILTERS, q: '  ' })).toBe(false);
  });
});

describe('the document picker of the task form', () => {
  it('searches a cited identifier by number and notation', () => {
    expect(pickerQuery('123/QĐ-UBND')).toEqual({ number: '123', notation: 'QĐ-UBND' });
    expect(pickerQuery(' 45 / KH-UBND ')).toEqual({ number: '45', notation: 'KH-UBND' });
    expect(pickerQuery('123/')).toEqual({ number: '123' });
    expect(pickerQuery('123')).toEqual({ number: '123' });
    expect(pickerQuery('QĐ-UBND')).toEqual({ notation: 'QĐ-UBND' });
  });

  it('searches anything else in the subject', () => {
    expect(pickerQuery('phòng chống dịch')).toEqual({ q: 'phòng chống dịch' });
    expect(pickerQuery('Covid-19')).toEqual({ q: 'Covid-19' });
    expect(pickerQuery('  ')).toEqual({});
  });
});

describe('cursor pages', () => {
  it('appends the next page without listing a document twice', () => {
    expect(appendPage([item(9), item(8)], [item(8), item(7)]).map((document) => document.id)).toEqual([9, 8, 7]);
  });
});
