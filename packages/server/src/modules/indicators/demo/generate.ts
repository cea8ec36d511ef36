/**
 * A deterministic, realistic history for the indicator subsystem: 36 months of commune and department reports, their
 * submissions (a few communes late, two missing this month), yearly plans and three planted anomalies. Pure: no
 * database, no clock, no Math.random; the same options give the same data.
 */
import { type DemoPeriod, monthIndexOfDate, windowOf } from './calendar.ts';
import { DEMO_DATA_SETS } from './catalogue.ts';
import { buildPlaces, PROVINCE_UNIT, REORGANISED_ON } from './places.ts';
import { random } from './prng.ts';
import { buildProvinceModels } from './province.ts';
import { buildCommuneModels, type CommuneModel, meanOf, type Scatter } from './series.ts';
import { submittedAt } from './submissions.ts';
import { buildTargets, type DemoTarget } from './targets.ts';
import { buildWeights } from './weights.ts';

export type { DemoTarget } from './targets.ts';

export interface DemoValue {
  element: string;
  unit: string;
  /** `202507`, `2025Q3` or `2025`. */
  period: string;
  /** '' for the total. */
  category: string;
  value: number;
}

export interface DemoSubmission {
  dataSet: string;
  unit: string;
  period: string;
  /** ISO instant, UTC. */
  submittedAt: string;
}

export interface DemoAnomaly {
  element: string;
  unit: string;
  period: string;
  note: string;
}

export interface IndicatorDemo {
  values: DemoValue[];
  submissions: DemoSubmission[];
  targets: DemoTarget[];
  anomalies: DemoAnomaly[];
}

/** Remote communes that report late most months: Sơn Kim 2, Kỳ Lạc, Hương Xuân. */
export const DEMO_LATE_COMMUNES = ['18199', '18838', '18544'];
/** Communes that have not sent this month's commune reports at all: Thượng Đức, Cẩm Lạc. */
export const DEMO_MISSING_COMMUNES = ['18328', '18748'];

/** Planted in the latest month, far from each commune's own history. */
const PLANTED = [
  {
    element: 'RETAIL_SALES',
    commune: '18406',
    factor: 3.5,
    note: 'Bán lẻ xã Can Lộc gấp khoảng 3,5 lần thường lệ: nghi nhập nhầm đơn vị hoặc cộng dồn.',
  },
  {
    element: 'DENGUE_CASES',
    commune: '18652',
    factor: 6,
    note: 'Số ca sốt xuất huyết phường Hà Huy Tập tăng gấp khoảng 6 lần: có thể bùng phát ổ dịch.',
  },
  {
    element: 'BUDGET_REV',
    commune: '18229',
    factor: 0.1,
    note: 'Thu ngân sách xã Đức Thọ chỉ khoảng 1/10 thường lệ: thiếu số liệu hoặc sai đơn vị.',
  },
];

const LATE_RECENT_MONTHS = 6;

export function generateIndicatorDemo(options: { now: Date; months?: number; seed?: number }): IndicatorDemo {
  const { now, months = 36, seed = 2025 } = options;
  const rand = random(seed);
  const places = buildPlaces(rand);
  const communeModels = buildCommuneModels(places.old, buildWeights(places.old, rand), rand);
  const provinceModels = buildProvinceModels(places, rand);
  const communeModel = new Map(communeModels.map((m) => [m.element, m]));
  const provinceModel = new Map(provinceModels.map((m) => [m.element, m]));
  const reorganised = monthIndexOfDate(REORGANISED_ON);
  const lateness = { chronic: new Set(DEMO_LATE_COMMUNES), recent: LATE_RECENT_MONTHS };

  const round = (value: number, decimals: number) => {
    const scale = 10 ** decimals;
    return Math.round(Math.max(0, value) * scale) / scale;
  };
  const scatter = (s: Scatter, mean: number, key: string) => {
    if (s.kind === 'count') return rand.poisson(key, mean * rand.factor(`${key}~`, s.sd));
    if (s.kind === 'lumpy') return mean * rand.lognormal(key, s.sd);
    return mean * rand.factor(key, s.sd);
  };

  const values: DemoValue[] = [];
  const submissions: DemoSubmission[] = [];
  const latest = new Map<string, DemoPeriod>();
  const sum = (numbers: readonly number[]) => numbers.reduce((s, v) => s + v, 0);
  /** The total and, for an element with categories, each option; the total is the sum of the rounded options. */
  const emit = (element: string, unit: string, period: string, opts: readonly string[], drawn: number[], d: number) => {
    const rounded = drawn.map((v) => round(v, d));
    values.push({ element, unit, period, category: '', value: round(sum(rounded), d) });
    for (const [i, option] of opts.entries()) {
      values.push({ element, unit, period, category: option, value: rounded[i]! });
    }
  };
  const drawCommune = (model: CommuneModel, parts: Parameters<typeof meanOf>[1], unit: string, p: DemoPeriod) =>
    meanOf(model, parts, model.frequency === 'month' ? p.first : p.last).map((mean, i) =>
      scatter(model.scatter[i]!, mean, `${model.noiseOf ?? model.element}|${unit}|${p.id}|${i}`),
    );

  for (const ds of DEMO_DATA_SETS) {
    const periods = windowOf(ds, now, months);
    for (const element of ds.elements) latest.set(element, periods.at(-1)!);
    periods.forEach((period, index) => {
      const isLatest = index === periods.length - 1;
      if (ds.level === 'province') {
        for (const element of ds.elements) {
          const model = provinceModel.get(element)!;
          emit(element, PROVINCE_UNIT, period.id, model.options, model.draw(period), model.decimals);
        }
        submissions.push({
          dataSet: ds.code,
          unit: PROVINCE_UNIT,
          period: period.id,
          submittedAt: submittedAt(ds, periods, index, PROVINCE_UNIT, PROVINCE_UNIT, lateness, now, rand),
        });
        return;
      }
      const reporters =
        period.first < reorganised
          ? places.old.map((c) => ({ code: c.code, unit: c.unit, parts: [{ commune: c, share: 1 }] }))
          : places.current.map((c) => ({ code: c.code, unit: c.unit, parts: c.parts }));
      for (const r of reporters) {
        if (isLatest && ds.frequency === 'month' && DEMO_MISSING_COMMUNES.includes(r.code)) continue;
        const drawnTotals = new Map<string, number>();
        for (const element of ds.elements) {
          const model = communeModel.get(element)!;
          let drawn = drawCommune(model, r.parts, r.unit, period);
          const bound = model.atMost === undefined ? undefined : drawnTotals.get(model.atMost);
          if (bound !== undefined) drawn = drawn.map((v) => Math.min(v, bound));
          drawnTotals.set(element, sum(drawn.map((v) => round(v, model.decimals))));
          emit(element, r.unit, period.id, model.options, drawn, model.decimals);
        }
        submissions.push({
          dataSet: ds.code,
          unit: r.unit,
          period: period.id,
          submittedAt: submittedAt(ds, periods, index, r.unit, r.code, lateness, now, rand),
        });
      }
    });
  }

  const anomalies: DemoAnomaly[] = [];
  for (const planted of PLANTED) {
    const period = latest.get(planted.element)!;
    const unit = period.first < reorganised ? `${planted.commune}@2024` : planted.commune;
    const model = communeModel.get(planted.element)!;
    const rows = values.filter((v) => v.element === planted.element && v.unit === unit && v.period === period.id);
    if (rows.length === 0) continue;
    // Scale by the expectation too, so a quiet month (no dengue yet) still gets a visible spike.
    const parts =
      period.first < reorganised
        ? places.old.filter((c) => c.code === planted.commune).map((commune) => ({ commune, share: 1 }))
        : (places.current.find((c) => c.code === planted.commune)?.parts ?? []);
    const expected = meanOf(model, parts, period.first);
    for (const row of rows) {
      const option = model.options.indexOf(row.category);
      const typical = row.category === '' ? sum(expected) : (expected[option] ?? 0);
      const base = planted.factor > 1 ? Math.max(row.value, typical, 1) : row.value;
      row.value = round(base * planted.factor, model.decimals);
    }
    const total = rows.find((r) => r.category === '');
    if (total && model.options.length > 0) {
      total.value = round(sum(rows.filter((r) => r !== total).map((r) => r.value)), model.decimals);
    }
    anomalies.push({ element: planted.element, unit, period: period.id, note: planted.note });
  }

  const year = now.getUTCFullYear();
  const targets = buildTargets([year - 1, year], places.current, communeModels, provinceModels);
  return { values, submissions, targets, anomalies };
}
