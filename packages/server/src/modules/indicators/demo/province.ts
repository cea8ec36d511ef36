/**
 * Province-level elements, reported by departments on unit '42': macro aggregates that no commune reports. Each has an
 * expectation (for plans) and a keyed draw (for values) for any period, inside the demo window or not, so year-to-date
 * growth can look back a year.
 */
import { type DemoPeriod, type Frequency, monthIndexOfDate, monthOf, periodAt, yearOf } from './calendar.ts';
import type { Places } from './places.ts';
import { REORGANISED_ON } from './places.ts';
import type { Random } from './prng.ts';
import { ANCHOR_YEAR, grown, MID_ANCHOR, SEASONS, type Season } from './shapes.ts';

export interface ProvinceModel {
  element: string;
  frequency: Frequency;
  options: readonly string[];
  decimals: number;
  /** Expectation per option (or of the total). */
  mean(period: DemoPeriod): number[];
  /** The reported value per option (or the total). */
  draw(period: DemoPeriod): number[];
}

/** GRDP by year: 99,686 bn VND in 2023 (+8.05 %), +7.48 % in 2024; later years are demo assumptions. */
const GRDP_2023 = 99_686;
const GRDP_GROWTH: Record<number, number> = { 2023: 0.0805, 2024: 0.0748, 2025: 0.082 };
const laterGrowth = 0.085;

export function grdpOfYear(year: number): number {
  let value = GRDP_2023;
  for (let y = 2024; y <= year; y++) value *= 1 + (GRDP_GROWTH[y] ?? laterGrowth);
  for (let y = 2023; y > year; y--) value /= 1 + (GRDP_GROWTH[y] ?? laterGrowth);
  return value;
}

const GRDP_QUARTER_SHARE = [0.225, 0.245, 0.255, 0.275];
const INVESTMENT_QUARTER_SHARE = [0.19, 0.25, 0.26, 0.3];
/** Cumulative share of the year's public investment plan disbursed by the end of each month. */
const DISBURSED_BY_MONTH = [0.03, 0.07, 0.14, 0.21, 0.29, 0.38, 0.46, 0.54, 0.63, 0.73, 0.83, 0.95];

const grdpShares = (year: number) => {
  const agriculture = 0.155 - 0.004 * (year - 2023);
  const industry = 0.405 + 0.003 * (year - 2023);
  const taxes = 0.07;
  return [agriculture, industry, 1 - agriculture - industry - taxes, taxes];
};

export function buildProvinceModels(places: Places, rand: Random): ProvinceModel[] {
  const reorganised = monthIndexOfDate(REORGANISED_ON);
  const ruralBefore = places.old.filter((c) => c.kind === 'commune').length;
  const ruralAfter = places.current.filter((c) => c.kind === 'commune').length;
  const key = (element: string, period: DemoPeriod, option = '') => `${element}|42|${period.id}|${option}`;

  /** A monthly flow summing to `anchor` over 2024. */
  const monthlyFlow = (element: string, anchor: number, rate: number, season: Season, sd: number, decimals = 1) => {
    const yearTotal = season.reduce((s, v, m) => s + v * grown(rate, ANCHOR_YEAR * 12 + m, MID_ANCHOR), 0);
    const mean = (p: DemoPeriod) => [
      (anchor / yearTotal) * grown(rate, p.first, MID_ANCHOR) * season[monthOf(p.first)]!,
    ];
    return monthly(element, decimals, mean, (p) => [mean(p)[0]! * rand.factor(key(element, p), sd)]);
  };
  const monthly = (
    element: string,
    decimals: number,
    mean: ProvinceModel['mean'],
    draw: ProvinceModel['draw'],
  ): ProvinceModel => ({ element, frequency: 'month', options: [], decimals, mean, draw });

  const plan = (year: number) => 7_200 * 1.08 ** (year - ANCHOR_YEAR);
  const rural = (p: DemoPeriod) => (p.first < reorganised ? ruralBefore : ruralAfter);
  const ntmShare = (p: DemoPeriod) => Math.min(1, 0.96 + (0.015 * (p.first - ANCHOR_YEAR * 12)) / 12);
  const advancedShare = (p: DemoPeriod) => Math.min(0.9, 0.42 + (0.08 * (p.first - ANCHOR_YEAR * 12)) / 12);
  const fdiMean = (p: DemoPeriod) => 18 * grown(0.05, p.first, MID_ANCHOR);
  const industry = monthlyFlow('INDUSTRIAL_VALUE', 130_000, 0.09, SEASONS.industry, 0.03, 1);
  const cpi = (p: DemoPeriod) => 3 + 0.8 * Math.sin((2 * Math.PI * p.first) / 30);

  const grdp = (p: DemoPeriod) => {
    const quarter = monthOf(p.first) / 3;
    const total = grdpOfYear(yearOf(p.first)) * GRDP_QUARTER_SHARE[quarter]!;
    return grdpShares(yearOf(p.first)).map((s) => s * total);
  };
  // Quarterly noise that cancels over the year, so the yearly totals and growth are the published ones.
  const grdpNoise = (p: DemoPeriod, option: number) => rand.factor(key('GRDP', p, String(option)), 0.01);
  const grdpDraw = (p: DemoPeriod) => {
    const year = yearOf(p.first) * 12;
    return grdp(p).map((v, i) => {
      const yearly = GRDP_QUARTER_SHARE.reduce(
        (s, share, q) => s + share * grdpNoise(periodAt('quarter', year + 3 * q), i),
        0,
      );
      return (v * grdpNoise(p, i)) / yearly;
    });
  };
  /** Year-to-date growth on the same quarters a year earlier, from the drawn values so it agrees with them. */
  const growthToDate = (p: DemoPeriod, value: (q: DemoPeriod) => number) => {
    const year = yearOf(p.first);
    let now = 0;
    let before = 0;
    for (let t = year * 12; t <= p.first; t += 3) {
      now += value(periodAt('quarter', t));
      before += value(periodAt('quarter', t - 12));
    }
    return (now / before - 1) * 100;
  };
  const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

  return [
    monthlyFlow('BUDGET_SPENDING', 24_000, 0.07, SEASONS.spending, 0.06),
    monthly(
      'PUBLIC_INV_PLAN',
      1,
      (p) => [plan(yearOf(p.first))],
      (p) => [plan(yearOf(p.first))],
    ),
    monthly(
      'PUBLIC_INV_DISBURSED',
      1,
      (p) => [plan(yearOf(p.first)) * DISBURSED_BY_MONTH[monthOf(p.first)]!],
      // One factor per year keeps the cumulative figure rising month after month.
      (p) => [
        plan(yearOf(p.first)) *
          DISBURSED_BY_MONTH[monthOf(p.first)]! *
          rand.factor(`PUBLIC_INV_DISBURSED|${yearOf(p.first)}`, 0.04) *
          rand.factor(key('PUBLIC_INV_DISBURSED', p), 0.005),
      ],
    ),
    monthly(
      'FDI_REGISTERED',
      2,
      (p) => [fdiMean(p)],
      // Lumpy: a new project or an expansion most months, now and then none.
      (p) => [
        rand.uniform(key('FDI_REGISTERED', p)) < 0.7 ? (fdiMean(p) / 0.7) * rand.lognormal(key('FDI', p), 0.7) : 0,
      ],
    ),
    industry,
    monthly(
      'IIP',
      2,
      () => [109],
      (p) => [(100 * industry.draw(p)[0]!) / industry.draw(periodAt('month', p.first - 12))[0]!],
    ),
    monthlyFlow('EXPORTS', 2_400, 0.08, SEASONS.industry, 0.07, 2),
    monthlyFlow('IMPORTS', 4_600, 0.06, SEASONS.industry, 0.07, 2),
    monthly(
      'CPI_CHANGE',
      2,
      (p) => [cpi(p)],
      (p) => [Math.max(0, cpi(p) + 0.2 * rand.normal(key('CPI_CHANGE', p)))],
    ),
    // Whole communes over the communes of the time (178 before July 2025, 60 after).
    monthly(
      'NTM_SHARE',
      2,
      (p) => [100 * ntmShare(p)],
      (p) => [(100 * Math.round(rural(p) * ntmShare(p))) / rural(p)],
    ),
    monthly(
      'NTM_ADVANCED_SHARE',
      2,
      (p) => [100 * advancedShare(p)],
      (p) => [(100 * Math.round(rural(p) * advancedShare(p))) / rural(p)],
    ),
    monthly(
      'BED_OCCUPANCY',
      2,
      (p) => [88 * SEASONS.beds[monthOf(p.first)]!],
      (p) => [88 * SEASONS.beds[monthOf(p.first)]! + 2.5 * rand.normal(key('BED_OCCUPANCY', p))],
    ),
    {
      element: 'GRDP',
      frequency: 'quarter',
      options: ['AGRICULTURE', 'INDUSTRY_CONSTRUCTION', 'SERVICES', 'PRODUCT_TAXES'],
      decimals: 1,
      mean: grdp,
      draw: grdpDraw,
    },
    {
      element: 'GRDP_GROWTH',
      frequency: 'quarter',
      options: [],
      decimals: 2,
      mean: (p) => [growthToDate(p, (q) => sum(grdp(q)))],
      draw: (p) => [growthToDate(p, (q) => sum(grdpDraw(q)))],
    },
    {
      element: 'SOCIAL_INVESTMENT',
      frequency: 'quarter',
      options: [],
      decimals: 1,
      mean: (p) => [55_524 * 1.09 ** (yearOf(p.first) - ANCHOR_YEAR) * INVESTMENT_QUARTER_SHARE[monthOf(p.first) / 3]!],
      draw: (p) => [
        55_524 *
          1.09 ** (yearOf(p.first) - ANCHOR_YEAR) *
          INVESTMENT_QUARTER_SHARE[monthOf(p.first) / 3]! *
          rand.factor(key('SOCIAL_INVESTMENT', p), 0.03),
      ],
    },
  ];
}
