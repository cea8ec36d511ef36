import { describe, expect, it } from 'vitest';
import { readSelection, selectionSearch } from './selection.ts';

describe('the selection in the URL', () => {
  it('reads code, unit and period', () => {
    const params = new URLSearchParams('code=GRDP&unit=18073&period=2026Q3');
    expect(readSelection(params, '42')).toEqual({ code: 'GRDP', unit: '18073', period: '2026Q3' });
  });

  it('falls back on anything malformed', () => {
    const params = new URLSearchParams('code=grdp;drop&unit=abc&period=2026W12');
    expect(readSelection(params, '42')).toEqual({ code: null, unit: '42', period: null });
  });

  it('writes a stable query, leaving out what is unknown', () => {
    expect(selectionSearch({ code: 'GRDP', unit: '42', period: '202610' })).toBe('?code=GRDP&unit=42&period=202610');
    expect(selectionSearch({ code: null, unit: '18073', period: null })).toBe('?unit=18073');
  });
});
