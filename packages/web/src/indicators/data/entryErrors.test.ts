import { describe, expect, it } from 'vitest';
import { cellKey, conflictsOf, mapEntryErrors } from './entryErrors.ts';

const sent = [
  { element: 'POP', value: 120 },
  { element: 'POP', category: 'MALE', value: 60.5 },
  { element: 'HEALTH_INSURED', value: 140 },
];

describe('cell keys', () => {
  it('name a total by its element and an option after a dot', () => {
    expect(cellKey('POP')).toBe('POP');
    expect(cellKey('POP', 'MALE')).toBe('POP.MALE');
  });
});

describe('server errors on the form', () => {
  it('puts each error on the cell at the index it names', () => {
    const { cells, form } = mapEntryErrors(
      [
        { field: '/values/1/value', message: 'must be a whole number', rule: 'integer' },
        { field: '/values/2/value', message: 'must be at most 100', rule: 'maximum', limit: 100 },
      ],
      sent,
    );
    expect(cells.get('POP.MALE')?.rule).toBe('integer');
    expect(cells.get('HEALTH_INSURED')?.limit).toBe(100);
    expect(cells.has('POP')).toBe(false);
    expect(form).toEqual([]);
  });

  it('keeps the first error of a cell', () => {
    const { cells } = mapEntryErrors(
      [
        { field: '/values/0/value', message: 'a', rule: 'minimum', limit: 0 },
        { field: '/values/0/value', message: 'b', rule: 'maximum', limit: 9 },
      ],
      sent,
    );
    expect(cells.get('POP')?.message).toBe('a');
  });

  it('shows a lock or a failed validation rule once for the form', () => {
    const { cells, form } = mapEntryErrors(
      [
        { field: '/values/0/period', message: 'closed', rule: 'locked', limit: '2026-12-10T17:00:00.000Z' },
        { field: '/values/1/period', message: 'closed', rule: 'locked', limit: '2026-12-10T17:00:00.000Z' },
        { field: '/values/0/value', message: 'Rule: 5 <= 3 is false', rule: 'validationRule', limit: 'R1' },
        { field: '/values/2/value', message: 'Rule: 5 <= 3 is false', rule: 'validationRule', limit: 'R1' },
      ],
      sent,
    );
    expect(cells.size).toBe(0);
    expect(form.map((error) => error.rule)).toEqual(['locked', 'validationRule']);
  });

  it('keeps an error that names no sent value for the form', () => {
    const { form } = mapEntryErrors([{ field: '/values/9/value', message: 'odd', rule: 'type' }], sent);
    expect(form).toHaveLength(1);
  });
});

describe('conflicts', () => {
  it('reads who changed a cell, when, and the value stored now', () => {
    expect(
      conflictsOf(
        [
          {
            field: '/values/1/value',
            message: 'changed by kyanh at 2026-11-27T03:00:00.000Z: now 61',
            rule: 'conflict',
            limit: 61,
          },
          { field: '/values/0/value', message: 'x', rule: 'integer' },
        ],
        sent,
      ),
    ).toEqual([
      {
        key: 'POP.MALE',
        element: 'POP',
        category: 'MALE',
        current: 61,
        mine: 60.5,
        by: 'kyanh',
        at: '2026-11-27T03:00:00.000Z',
      },
    ]);
  });
});
