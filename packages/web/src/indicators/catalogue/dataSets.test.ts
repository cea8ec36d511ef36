import type { DataElement } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { elementsOfFrequency, keepElementsOfFrequency, reportingMode, unitsToSave } from './dataSets.ts';

const element = (code: string, frequency: string): DataElement => ({
  code,
  name: code,
  nameEn: code,
  unit: '',
  valueType: 'number',
  aggregation: 'sum',
  frequency,
  owner: null,
  categories: [],
  minValue: null,
  maxValue: null,
});

const catalogue = [
  element('BUDGET_REV', 'month'),
  element('GRDP', 'quarter'),
  element('POP', 'month'),
  element('PUPILS', 'quarter'),
  element('FOREST_COVER', 'year'),
];

describe('elements of a data set', () => {
  it('offers only the elements reported at the set frequency, in catalogue order', () => {
    expect(elementsOfFrequency(catalogue, 'month').map((e) => e.code)).toEqual(['BUDGET_REV', 'POP']);
    expect(elementsOfFrequency(catalogue, 'quarter').map((e) => e.code)).toEqual(['GRDP', 'PUPILS']);
    expect(elementsOfFrequency(catalogue, 'week')).toEqual([]);
  });

  it('keeps the chosen elements that fit a new frequency and names those taken out', () => {
    expect(keepElementsOfFrequency(['POP', 'GRDP', 'BUDGET_REV'], catalogue, 'month')).toEqual({
      kept: ['POP', 'BUDGET_REV'],
      dropped: ['GRDP'],
    });
    expect(keepElementsOfFrequency(['GONE'], catalogue, 'month')).toEqual({ kept: [], dropped: ['GONE'] });
  });
});

describe('reporting units of a data set', () => {
  const communes = ['18073', '18100', '18115'];

  it('reads an empty list, or every commune listed, as all communes', () => {
    expect(reportingMode([], communes)).toBe('all');
    expect(reportingMode(['18115', '18073', '18100'], communes)).toBe('all');
    expect(reportingMode(['42'], communes)).toBe('list');
    expect(reportingMode(['18073', '18100'], communes)).toBe('list');
  });

  it('sends an empty list for all communes, unless the set already listed them all one by one', () => {
    expect(unitsToSave('all', [], [], communes)).toEqual([]);
    expect(unitsToSave('all', [], ['42'], communes)).toEqual([]);
    expect(unitsToSave('all', [], ['18073', '18100', '18115'], communes)).toEqual(['18073', '18100', '18115']);
    expect(unitsToSave('list', ['42'], [], communes)).toEqual(['42']);
  });
});
