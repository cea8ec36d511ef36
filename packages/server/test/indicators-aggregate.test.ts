import { parsePeriod } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Aggregation, aggregateValues } from '../src/modules/indicators/aggregate.ts';
import { computeIndicators, elementValue, loadCatalogue } from '../src/modules/indicators/compute.ts';
import { upsertValues } from '../src/modules/indicators/values.repo.ts';
import { startTestApp, type TestApp } from './harness.ts';

let t: TestApp;

/** Stored monthly values: [element, unit, month, value]. Hand-worked totals are in the tests below. */
const VALUES: [string, string, string, number][] = [
  ['RETAIL', '18073', '202501', 100],
  ['RETAIL', '18073', '202502', 110],
  ['RETAIL', '18073', '202503', 120],
  ['RETAIL', '18100', '202501', 50],
  ['RETAIL', '18100', '202502', 60],
  // Before the 2025 reorganisation: Đại Nài went half to Thành Sen (18073), half to Hà Huy Tập (18652);
  // Kỳ Lợi went a third each to Sông Trí, Vũng Áng and Hoành Sơn; the old city (436) has no mapping.
  ['RETAIL', '18082@2024', '202406', 40],
  ['RETAIL', '18796@2024', '202405', 90],
  ['RETAIL', '436@2024', '202404', 1000],
  ['POP', '18073', '202501', 60_000],
  ['POP', '18073', '202503', 60_300],
  ['POP', '18100', '202502', 45_000],
  ['CPI', '18073', '202501', 100],
  ['CPI', '18073', '202502', 102],
  ['CPI', '18073', '202503', 104],
  ['CPI', '18100', '202501', 101],
  ['CPI', '18100', '202502', 105],
  ['POP.FEMALE', '18073', '202503', 30_150],
  // 18077@2024, one of the wards merged into Thành Sen on 1 July 2025, reported its population until June.
  ['POP', '18077@2024', '202506', 5_000],
  ['POP', '18073', '202512', 66_000],
];
const RULES: Record<string, Aggregation> = { RETAIL: 'sum', POP: 'last', CPI: 'average' };

beforeAll(async () => {
  t = await startTestApp();
  const now = new Date().toISOString();
  await t.platform.db
    .insertInto('data_elements')
    .values(
      Object.entries(RULES).map(([code, aggregation]) => ({
        code,
        name: code,
        name_en: code,
        unit: '',
        value_type: 'number',
        aggregation,
        frequency: 'month',
        owner: null,
        categories: '[]',
        min_value: null,
        max_value: null,
        created_at: now,
      })),
    )
    .execute();
  await t.platform.db
    .insertInto('indicator_constants')
    .values({ code: 'THOUSAND', name: '1000', value: 1000 })
    .execute();
  await t.platform.db
    .insertInto('indicators')
    .values(
      [
        ['RETAIL_PER_1000', '#{RETAIL} / #{POP} * C{THOUSAND}'],
        ['RETAIL_PER_1000_X2', 'I{RETAIL_PER_1000} * 2'],
        ['FEMALE_SHARE', '#{POP.FEMALE} / #{POP} * 100'],
        ['CPI_CHANGE', '#{CPI} - 100'],
      ].map(([code, formula]) => ({
        code: code!,
        name: code!,
        name_en: code!,
        formula: formula!,
        unit: '',
        decimals: 2,
        direction: 'up',
        description: null,
      })),
    )
    .execute();
  await upsertValues(
    t.platform.db,
    VALUES.map(([reference, unit_id, period_id, value]) => ({
      element_code: reference.split('.')[0]!,
      unit_id,
      period_id,
      period_type: 'month',
      period_start: parsePeriod(period_id)!.start,
      category: reference.split('.')[1] ?? '',
      value,
      stored_by: 'test',
      stored_at: now,
    })),
  );
});
afterAll(() => t.stop());

async function aggregated(element: string, unit: string, periodId: string): Promise<number | null> {
  const rule = { code: element, aggregation: RULES[element]!, frequency: 'month' };
  return elementValue(t.platform.db, rule, null, unit, parsePeriod(periodId)!);
}

describe('aggregation up the tree and over time', () => {
  it('sums a flow over the months of a quarter and over the communes', async () => {
    expect(await aggregated('RETAIL', '18073', '2025Q1')).toBe(330); // 100 + 110 + 120
    expect(await aggregated('RETAIL', '18100', '2025Q1')).toBe(110); // 50 + 60, March not reported
    expect(await aggregated('RETAIL', '42', '2025Q1')).toBe(440);
    expect(await aggregated('RETAIL', '42', '2025')).toBe(440);
    expect(await aggregated('RETAIL', '18073', '202502')).toBe(110);
    expect(await aggregated('RETAIL', '18115', '2025Q1')).toBeNull();
  });

  it('takes the latest value of a stock in each commune, then sums the communes', async () => {
    expect(await aggregated('POP', '18073', '2025Q1')).toBe(60_300);
    expect(await aggregated('POP', '42', '2025Q1')).toBe(105_300); // 60,300 + 45,000
  });

  it('reads a stock at the latest date of the period, leaving out units closed by then', async () => {
    // 2025 as a whole: Thành Sen's December 66,000, not + the closed ward's June 5,000.
    expect(await aggregated('POP', '18073', '2025')).toBe(66_000);
    // The second quarter ends before the merger: the old ward's June figure is the stock.
    expect(await aggregated('POP', '18073', '2025Q2')).toBe(5_000);
  });

  it('averages a level over time in each commune, then over the communes', async () => {
    expect(await aggregated('CPI', '18073', '2025Q1')).toBe(102); // (100 + 102 + 104) / 3
    expect(await aggregated('CPI', '18100', '2025Q1')).toBe(103); // (101 + 105) / 2
    expect(await aggregated('CPI', '42', '2025Q1')).toBe(102.5);
  });

  it('re-aggregates data of closed units onto the 2025 units through the mapping shares', async () => {
    expect(await aggregated('RETAIL', '18073', '2024Q2')).toBe(20); // half of Đại Nài's 40
    expect(await aggregated('RETAIL', '18652', '2024Q2')).toBe(20);
    expect(await aggregated('RETAIL', '18823', '2024Q2')).toBeCloseTo(30, 9); // a third of Kỳ Lợi's 90
    // The province counts every closed unit once: 40 + 90 + the old city's unmapped 1,000.
    expect(await aggregated('RETAIL', '42', '2024Q2')).toBe(1130);
  });
});

describe('indicators computed from the aggregated elements', () => {
  const compute = async (codes: string[], unit: string, periodId: string) =>
    Object.fromEntries(
      await computeIndicators(t.platform.db, await loadCatalogue(t.platform.db), codes, unit, parsePeriod(periodId)!),
    );

  it('computes a ratio for the province against a hand-worked example', async () => {
    // Retail 440 over a population of 105,300 (the latest in each ward), per 1,000 people: 440 / 105,300 × 1,000.
    const result = await compute(['RETAIL_PER_1000', 'RETAIL_PER_1000_X2'], '42', '2025Q1');
    expect(result.RETAIL_PER_1000).toBeCloseTo(4.178537511870845, 12);
    expect(result.RETAIL_PER_1000_X2).toBeCloseTo(8.35707502374169, 12);
  });

  it('uses one category option and the average rule', async () => {
    // Thành Sen in Q1: 30,150 women of 60,300 → 50 %; CPI averaged 102 → +2.
    expect(await compute(['FEMALE_SHARE', 'CPI_CHANGE'], '18073', '2025Q1')).toEqual({
      FEMALE_SHARE: 50,
      CPI_CHANGE: 2,
    });
  });

  it('gives no value where an input is missing, a divisor is zero, or the period is finer than the data', async () => {
    expect(await compute(['RETAIL_PER_1000'], '18115', '2025Q1')).toEqual({ RETAIL_PER_1000: null });
    expect(await compute(['RETAIL_PER_1000'], '18073', '20250115')).toEqual({ RETAIL_PER_1000: null });
    expect(await compute(['NO_SUCH_INDICATOR'], '42', '2025Q1')).toEqual({ NO_SUCH_INDICATOR: null });
  });
});

describe('aggregateValues', () => {
  it('has no value without data, and weighs averages by share', () => {
    expect(aggregateValues('sum', [])).toBeNull();
    expect(
      aggregateValues('average', [
        { unitId: 'a', periodStart: '2025-01-01', value: 10, weight: 1 },
        { unitId: 'b', periodStart: '2025-01-01', value: 40, weight: 0.5 },
      ]),
    ).toBe(20); // (10·1 + 40·0.5) / 1.5
  });
});
