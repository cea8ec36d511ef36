import type { DataElement, Indicator } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import {
  cumulativeCodes,
  indicatorFrequencies,
  kpiCodes,
  matchesIndicator,
  pickHeadlines,
  pickHealth,
  sortIndicators,
} from './catalogue.ts';

const indicator = (code: string, name = code, formula = `#{${code}}`): Indicator => ({
  code,
  name,
  nameEn: `${name} (en)`,
  formula,
  unit: '',
  decimals: 0,
  direction: 'up',
  description: null,
  accumulates: false,
});

const element = (code: string, aggregation: string): DataElement => ({
  code,
  name: code,
  nameEn: code,
  unit: '',
  valueType: 'number',
  aggregation,
  frequency: 'month',
  owner: null,
  categories: [],
  minValue: null,
  maxValue: null,
});

describe('headline indicators', () => {
  it("picks the leaders' figures by code, in their order, and skips absent ones", () => {
    const catalogue = ['AREA', 'POVERTY_RATE', 'EXPORTS', 'GRDP', 'RETAIL_SALES', 'CRIME'].map((code) =>
      indicator(code),
    );
    expect(pickHeadlines(catalogue)).toEqual(['GRDP', 'RETAIL_SALES', 'POVERTY_RATE', 'AREA', 'EXPORTS']);
  });

  it('recognises other spellings of the same figure', () => {
    const catalogue = ['GRDP_GROWTH', 'STATE_BUDGET_REVENUE', 'TOURISTS', 'POOR_HOUSEHOLD_RATE'].map((c) =>
      indicator(c),
    );
    expect(pickHeadlines(catalogue)).toEqual([
      'GRDP_GROWTH',
      'STATE_BUDGET_REVENUE',
      'TOURISTS',
      'POOR_HOUSEHOLD_RATE',
    ]);
  });

  it('copes with a short or empty catalogue', () => {
    expect(pickHeadlines([])).toEqual([]);
    expect(pickHeadlines([indicator('A1')])).toEqual(['A1']);
  });

  it('puts the selected indicator first when it is not a headline', () => {
    const headlines = ['GRDP', 'BUDGET_REVENUE', 'RETAIL_SALES', 'TOURIST_ARRIVALS', 'POVERTY_RATE'];
    expect(kpiCodes(headlines, 'RETAIL_SALES')).toEqual(headlines);
    expect(kpiCodes(headlines, 'EXPORTS')).toEqual([
      'EXPORTS',
      'GRDP',
      'BUDGET_REVENUE',
      'RETAIL_SALES',
      'TOURIST_ARRIVALS',
    ]);
    expect(kpiCodes(headlines, null)).toEqual(headlines);
  });
});

describe('the indicator picker', () => {
  it('sorts by Vietnamese name', () => {
    const sorted = sortIndicators(
      [indicator('C', 'Đầu tư'), indicator('A', 'Tỷ lệ hộ nghèo'), indicator('B', 'Doanh nghiệp')],
      'vi',
    );
    expect(sorted.map((i) => i.code)).toEqual(['B', 'C', 'A']);
  });

  it('finds by name without diacritics, by English name and by code', () => {
    const poverty = indicator('POVERTY_RATE', 'Tỷ lệ hộ nghèo');
    expect(matchesIndicator(poverty, 'ho ngheo')).toBe(true);
    expect(matchesIndicator(poverty, '(en)')).toBe(true);
    expect(matchesIndicator(poverty, 'poverty_r')).toBe(true);
    expect(matchesIndicator(poverty, 'ngân sách')).toBe(false);
    expect(matchesIndicator(poverty, '  ')).toBe(true);
  });
});

describe('health indicators', () => {
  it('are dengue, bed occupancy, immunisation and outpatient visits, in that order, whatever else exists', () => {
    const catalogue = [
      'GRDP',
      'OUTPATIENT_VISITS',
      'BED_OCCUPANCY',
      'DENGUE_CASES',
      'VACCINATION_COVERAGE',
      'DENGUE_INCIDENCE',
    ].map((code) => indicator(code));
    expect(pickHealth(catalogue)).toEqual([
      'DENGUE_INCIDENCE',
      'DENGUE_CASES',
      'BED_OCCUPANCY',
      'VACCINATION_COVERAGE',
      'OUTPATIENT_VISITS',
    ]);
    expect(pickHealth([indicator('GRDP')])).toEqual([]);
  });
});

describe('cumulative indicators', () => {
  it('are those the server says accumulate', () => {
    const catalogue = [
      { ...indicator('REVENUE'), accumulates: true },
      { ...indicator('POVERTY', 'p', '#{POOR} / #{HH} * 100'), accumulates: false },
    ];
    expect([...cumulativeCodes(catalogue)]).toEqual(['REVENUE']);
  });
});

describe('reporting frequency of indicators', () => {
  it('is the coarsest of the elements used, through other indicators too', () => {
    const elements = [
      { ...element('GRDP', 'sum'), frequency: 'quarter' },
      { ...element('POP', 'last'), frequency: 'month' },
      { ...element('CASES', 'sum'), frequency: 'week' },
      { ...element('AREA', 'last'), frequency: 'year' },
    ];
    const catalogue = [
      indicator('GRDP', 'g', '#{GRDP.SERVICES}'),
      indicator('PER_CAPITA', 'p', 'I{GRDP} / #{POP} * 1e3'),
      indicator('CASES', 'c', '#{CASES} / #{POP}'),
      indicator('DENSITY', 'd', '#{POP} / #{AREA}'),
    ];
    expect(Object.fromEntries(indicatorFrequencies(catalogue, elements))).toEqual({
      GRDP: 'quarter',
      PER_CAPITA: 'quarter',
      CASES: 'month',
      DENSITY: 'year',
    });
  });
});
