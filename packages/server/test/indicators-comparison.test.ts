import { type Period, parsePeriod } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import {
  accumulates,
  comparableLastYear,
  completeYearToDate,
  periodsOfYearTo,
  yearToDate,
} from '../src/modules/indicators/comparison.ts';
import { type Formula, parseFormula } from '../src/modules/indicators/formula.ts';

const period = (id: string): Period => parsePeriod(id)!;

describe('what a period is compared with', () => {
  it('measures the plan from 1 January to the end of the period', () => {
    expect(yearToDate(parsePeriod('2026Q3')!)).toMatchObject({ id: '2026Q3', start: '2026-01-01', end: '2026-10-01' });
    expect(yearToDate(parsePeriod('202611')!)).toMatchObject({ start: '2026-01-01', end: '2026-12-01' });
  });

  it('compares a finished period with the whole of the same period last year', () => {
    const now = new Date('2026-11-27T03:00:00Z');
    expect(comparableLastYear(parsePeriod('2026Q3')!, now)).toMatchObject({
      id: '2025Q3',
      start: '2025-07-01',
      end: '2025-10-01',
    });
  });

  it('cuts the same period last year to the span elapsed while the period is running', () => {
    const now = new Date('2026-11-27T03:00:00Z');
    // 1 October to 27 November 2026 inclusive → 1 October to 27 November 2025 inclusive (end exclusive: the 28th).
    expect(comparableLastYear(parsePeriod('2026Q4')!, now)).toMatchObject({
      id: '2025Q4',
      start: '2025-10-01',
      end: '2025-11-28',
    });
    expect(comparableLastYear(parsePeriod('2026')!, now)).toMatchObject({ id: '2025', end: '2025-11-28' });
  });
});

describe('which periods a year to date stands on', () => {
  it('lists the periods of the year up to the period, of its type', () => {
    expect(periodsOfYearTo(period('202603')).map((p) => p.id)).toEqual(['202601', '202602', '202603']);
    expect(periodsOfYearTo(period('2026Q3')).map((p) => p.id)).toEqual(['2026Q1', '2026Q2', '2026Q3']);
    expect(periodsOfYearTo(period('2026')).map((p) => p.id)).toEqual(['2026']);
    expect(periodsOfYearTo(period('2026W3')).map((p) => p.id)).toEqual(['2026W1', '2026W2', '2026W3']);
  });

  it('keeps a year to date only while every period of its year so far has a value', () => {
    const run = ['202411', '202412', '202501', '202502', '202503', '202504'].map(period);
    // Data from December 2024, nothing in March 2025.
    const stored = new Set(['202412', '202501', '202502', '202504']);
    const complete = completeYearToDate(run, (p) => stored.has(p.id));
    expect([...complete]).toEqual(['202501', '202502']);
  });
});

describe('which indicators climb towards their yearly plan', () => {
  const aggregation = new Map([
    ['CASES', 'sum'],
    ['VAX', 'sum'],
    ['DUE', 'sum'],
    ['POP', 'last'],
    ['BEDS', 'average'],
  ]);
  const catalogue = (entries: Record<string, string>) =>
    new Map<string, Formula>(
      Object.entries(entries).map(([code, text]) => {
        const parsed = parseFormula(text);
        if (!parsed.ok) throw new Error(text);
        return [code, parsed.formula];
      }),
    );
  const formulas = catalogue({
    CASES: '#{CASES}',
    INCIDENCE: '#{CASES} / #{POP} * 1e5',
    PER_THOUSAND: 'I{INCIDENCE} / 100',
    COVERAGE: '#{VAX} / #{DUE} * 100',
    POPULATION: '#{POP}',
    OCCUPANCY: '#{BEDS}',
    NET: '#{VAX} - #{DUE}',
    MIXED: '#{CASES} + #{POP}',
    LOOP_A: 'I{LOOP_B}',
    LOOP_B: 'I{LOOP_A}',
    UNKNOWN: '#{NOPE}',
  });
  const climbs = (code: string) => accumulates(code, formulas, aggregation);

  it('flows and flows per head accumulate', () => {
    expect(['CASES', 'INCIDENCE', 'PER_THOUSAND', 'NET'].map(climbs)).toEqual([true, true, true, true]);
  });

  it('ratios of flows, stocks, averages and what cannot be read are levels', () => {
    expect(['COVERAGE', 'POPULATION', 'OCCUPANCY', 'MIXED', 'LOOP_A', 'UNKNOWN'].map(climbs)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
