import { describe, expect, it } from 'vitest';
import {
  DEMO_CONSTANTS,
  DEMO_DATA_SETS,
  DEMO_ELEMENTS,
  DEMO_INDICATORS,
  type DemoDataSet,
} from '../src/modules/indicators/demo/catalogue.ts';
import {
  DEMO_LATE_COMMUNES,
  DEMO_MISSING_COMMUNES,
  type DemoValue,
  generateIndicatorDemo,
} from '../src/modules/indicators/demo/generate.ts';
import { checkFormulas, parseFormula, referencesOf } from '../src/modules/indicators/formula.ts';
import units from '../src/modules/orgunits/seed/ha-tinh-units.json' with { type: 'json' };

const CODE = /^[A-Z0-9_]{2,40}$/;
// Local noon on 27 November 2026: the November commune reports (due the 25th) are in.
const NOW = new Date('2026-11-27T05:00:00Z');
const demo = generateIndicatorDemo({ now: NOW, seed: 7 });

const elementOf = new Map(DEMO_ELEMENTS.map((e) => [e.code, e]));
const dataSetOf = new Map(DEMO_DATA_SETS.flatMap((ds) => ds.elements.map((e) => [e, ds] as const)));
const key = (element: string, unit: string, period: string, category = '') =>
  `${element}|${unit}|${period}|${category}`;
const valueAt = new Map(demo.values.map((v) => [key(v.element, v.unit, v.period, v.category), v.value]));
const value = (element: string, unit: string, period: string, category = '') =>
  valueAt.get(key(element, unit, period, category));
const total = (filter: (v: DemoValue) => boolean) =>
  demo.values.filter((v) => v.category === '' && filter(v)).reduce((s, v) => s + v.value, 0);

/** Deadline of a period, worked out here independently: start + dueDays at dueTime, UTC+7. */
function deadline(ds: DemoDataSet, period: string): number {
  const year = Number(period.slice(0, 4));
  const month = period[4] === 'Q' ? (Number(period[5]) - 1) * 3 : Number(period.slice(4, 6)) - 1;
  const [hours, minutes] = ds.dueTime.split(':').map(Number) as [number, number];
  return Date.UTC(year, month, 1 + ds.dueDays, hours - 7, minutes);
}

const isOld = (unit: string) => unit.endsWith('@2024');
/** `YYYY-MM` of a month or quarter id. */
const startMonth = (period: string) => {
  const month = period[4] === 'Q' ? (Number(period[5]) - 1) * 3 + 1 : Number(period.slice(4, 6));
  return `${period.slice(0, 4)}-${String(month).padStart(2, '0')}`;
};
const communeMonthlySets = DEMO_DATA_SETS.filter((ds) => ds.level === 'commune' && ds.frequency === 'month');

describe('demo catalogue', () => {
  it('has a province report worth of indicators with valid codes and Vietnamese names', () => {
    expect(DEMO_INDICATORS.length).toBeGreaterThanOrEqual(40);
    for (const item of [...DEMO_ELEMENTS, ...DEMO_INDICATORS, ...DEMO_CONSTANTS, ...DEMO_DATA_SETS]) {
      expect(item.code).toMatch(CODE);
    }
    for (const e of DEMO_ELEMENTS) for (const option of e.categories ?? []) expect(option).toMatch(CODE);
    expect(DEMO_ELEMENTS.filter((e) => /[àáảãạăâđèéêìíòóôơùúưỳý]/i.test(e.name)).length).toBeGreaterThan(30);
    expect(new Set(DEMO_INDICATORS.map((i) => i.code)).size).toBe(DEMO_INDICATORS.length);
    expect(new Set(DEMO_ELEMENTS.map((e) => e.code)).size).toBe(DEMO_ELEMENTS.length);
  });

  it('has formulas that parse and refer only to known elements, options, constants and indicators', () => {
    for (const indicator of DEMO_INDICATORS) {
      const parsed = parseFormula(indicator.formula);
      expect(parsed.ok, `${indicator.code}: ${indicator.formula}`).toBe(true);
      if (!parsed.ok) continue;
      for (const ref of referencesOf(parsed.formula).elements) {
        if (ref.category !== null) expect(elementOf.get(ref.code)?.categories).toContain(ref.category);
      }
    }
    const problems = checkFormulas(DEMO_INDICATORS, {
      elements: new Set(DEMO_ELEMENTS.map((e) => e.code)),
      constants: new Set(DEMO_CONSTANTS.map((c) => c.code)),
    });
    expect([...problems]).toEqual([]);
    // The formula language is exercised: options, an indicator built on another, a constant.
    expect(DEMO_INDICATORS.some((i) => /#\{[A-Z0-9_]+\.[A-Z0-9_]+\}/.test(i.formula))).toBe(true);
    expect(DEMO_INDICATORS.some((i) => i.formula.includes('I{'))).toBe(true);
    expect(DEMO_INDICATORS.some((i) => i.formula.includes('C{'))).toBe(true);
  });

  it('puts every element in exactly one data set of its level and frequency', () => {
    const count = new Map<string, number>();
    for (const ds of DEMO_DATA_SETS) {
      expect(ds.dueTime).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
      expect(ds.lockDays).toBeGreaterThan(ds.dueDays);
      for (const code of ds.elements) {
        count.set(code, (count.get(code) ?? 0) + 1);
        expect(elementOf.get(code)?.level, code).toBe(ds.level);
        expect(elementOf.get(code)?.frequency, code).toBe(ds.frequency);
      }
    }
    for (const e of DEMO_ELEMENTS) expect(count.get(e.code), e.code).toBe(1);
    expect(count.size).toBe(DEMO_ELEMENTS.length);
  });
});

describe('demo values', () => {
  it('is deterministic for a seed and changes with it', () => {
    const again = generateIndicatorDemo({ now: NOW, seed: 7 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
    const other = generateIndicatorDemo({ now: NOW, seed: 8 });
    expect(other.values.length).toBe(demo.values.length);
    expect(other.values.some((v, i) => v.value !== demo.values[i]!.value)).toBe(true);
  });

  it('stays within size and type limits', () => {
    expect(demo.values.length).toBeLessThanOrEqual(250_000);
    expect(new Set(demo.values.map((v) => key(v.element, v.unit, v.period, v.category))).size).toBe(demo.values.length);
    for (const v of demo.values) {
      const element = elementOf.get(v.element)!;
      if (!Number.isFinite(v.value) || v.value < (element.minValue ?? 0))
        throw new Error(`bad value ${key(v.element, v.unit, v.period)}`);
      if (element.valueType === 'integer' && !Number.isInteger(v.value))
        throw new Error(`not an integer: ${v.element}`);
      if (Math.abs(v.value * 1000 - Math.round(v.value * 1000)) > 1e-6)
        throw new Error(`too many decimals: ${v.value}`);
    }
  });

  it('covers the 36 months up to the current one and whole years of quarters', () => {
    const months = new Set(demo.values.filter((v) => v.element === 'RETAIL_SALES').map((v) => v.period));
    expect(months.size).toBe(36);
    expect([...months].sort()[0]).toBe('202312');
    expect([...months].sort().at(-1)).toBe('202611');
    const quarters = [...new Set(demo.values.filter((v) => v.element === 'GRDP').map((v) => v.period))].sort();
    expect(quarters[0]).toBe('2023Q1');
    expect(quarters.at(-1)).toBe('2026Q3');
  });

  it('adds up to the province anchors', () => {
    const revenue2024 = total((v) => v.element === 'BUDGET_REV' && v.period.startsWith('2024'));
    expect(Math.abs(revenue2024 / 17_900 - 1)).toBeLessThan(0.05);
    const grdp = (year: string) => total((v) => v.element === 'GRDP' && v.unit === '42' && v.period.startsWith(year));
    expect(Math.abs(grdp('2023') / 99_686 - 1)).toBeLessThan(0.02);
    expect(Math.abs(grdp('2024') / (99_686 * 1.0748) - 1)).toBeLessThan(0.02);
    expect(value('GRDP_GROWTH', '42', '2024Q4')).toBeCloseTo(7.48, 1);
    const investment = total((v) => v.element === 'SOCIAL_INVESTMENT' && v.period.startsWith('2024'));
    expect(Math.abs(investment / 55_524 - 1)).toBeLessThan(0.05);
    const population = total((v) => v.element === 'POP' && v.period === '202412');
    expect(population).toBeGreaterThan(1_280_000);
    expect(population).toBeLessThan(1_380_000);
    const poverty = (period: string) =>
      total((v) => v.element === 'POOR_HH' && v.period === period) /
      total((v) => v.element === 'HOUSEHOLDS' && v.period === period);
    expect(poverty('202312')).toBeGreaterThan(0.035);
    expect(poverty('202611')).toBeLessThan(0.03);
  });

  it('keeps parts within their wholes, as the demo validation rules expect', () => {
    const broken: string[] = [];
    const within = (part: string, whole: string) => {
      for (const v of demo.values) {
        if (v.element !== part || v.category !== '') continue;
        const limit = value(whole, v.unit, v.period);
        if (limit === undefined || v.value > limit) broken.push(`${part} ${v.unit} ${v.period}`);
      }
    };
    within('POP_URBAN', 'POP');
    within('HEALTH_INSURED', 'POP');
    within('TOURISTS_OVERNIGHT', 'TOURISTS');
    within('INFANTS_VACCINATED', 'INFANTS_DUE');
    within('POOR_HH', 'HOUSEHOLDS');
    within('NEAR_POOR_HH', 'HOUSEHOLDS');
    expect(broken).toEqual([]);
  });

  it('keeps category options summing to the total', () => {
    const sums = new Map<string, number>();
    for (const v of demo.values) {
      if (v.category === '') continue;
      const k = key(v.element, v.unit, v.period);
      sums.set(k, (sums.get(k) ?? 0) + v.value);
    }
    expect(sums.size).toBeGreaterThan(0);
    for (const [k, sum] of sums) expect(Math.abs((valueAt.get(k) ?? Number.NaN) - sum)).toBeLessThan(1e-6);
  });

  it('stores commune values on the old communes before July 2025 and on the 2025 communes after', () => {
    const current = new Set(units.communes2025.map((c) => c.code));
    const reporters = new Map<string, Set<string>>();
    const misplaced: string[] = [];
    for (const v of demo.values) {
      const element = elementOf.get(v.element)!;
      const right =
        element.level === 'province'
          ? v.unit === '42'
          : startMonth(v.period) < '2025-07'
            ? isOld(v.unit)
            : current.has(v.unit);
      if (!right) misplaced.push(`${v.element} ${v.unit} ${v.period}`);
      if (element.level === 'province') continue;
      const set = reporters.get(v.period) ?? new Set<string>();
      set.add(v.unit);
      reporters.set(v.period, set);
    }
    expect(misplaced).toEqual([]);
    expect(reporters.get('202506')?.size).toBe(210);
    expect(reporters.get('202507')?.size).toBe(69);
  });

  it('is continuous across the reorganisation once old values are mapped onto the new communes', () => {
    const mapped = (element: string, code: string, period: string) => {
      const commune = units.communes2025.find((c) => c.code === code)!;
      return commune.formedFrom.reduce((s, f) => s + f.share * value(element, `${f.code}@2024`, period)!, 0);
    };
    for (const commune of units.communes2025) {
      const june = mapped('POP', commune.code, '202506');
      const july = value('POP', commune.code, '202507')!;
      expect(Math.abs(july / june - 1), commune.code).toBeLessThan(0.05);
      const retailJune = mapped('RETAIL_SALES', commune.code, '202506');
      expect(Math.abs(value('RETAIL_SALES', commune.code, '202507')! / retailJune - 1), commune.code).toBeLessThan(
        0.25,
      );
    }
    // The sample the brief names: Phường Thành Sen, formed from nine old units (half of Đại Nài).
    expect(Math.abs(value('POP', '18073', '202507')! / mapped('POP', '18073', '202506') - 1)).toBeLessThan(0.25);
  });

  it('peaks tourism at the coast in summer and dengue in the rainy season', () => {
    const coast = (period: string) => value('TOURISTS', '18676', period)!;
    expect(coast('202607')).toBeGreaterThan(3 * coast('202601'));
    const dengue = (month: string) => total((v) => v.element === 'DENGUE_CASES' && v.period.slice(4) === month);
    expect(dengue('10')).toBeGreaterThan(3 * dengue('03'));
  });
});

describe('demo submissions', () => {
  const submitted = new Map(demo.submissions.map((s) => [`${s.dataSet}|${s.unit}|${s.period}`, s.submittedAt]));

  it('has one submission per data set, reporting unit and period with values, and none without', () => {
    expect(submitted.size).toBe(demo.submissions.length);
    const withValues = new Set(demo.values.map((v) => `${dataSetOf.get(v.element)!.code}|${v.unit}|${v.period}`));
    expect(new Set(submitted.keys())).toEqual(withValues);
    for (const s of demo.submissions) expect(Date.parse(s.submittedAt)).toBeLessThanOrEqual(NOW.getTime());
  });

  it('shows three communes chronically late and the rest mostly on time', () => {
    const recent = ['202606', '202607', '202608', '202609', '202610', '202611'];
    for (const code of DEMO_LATE_COMMUNES) {
      for (const ds of communeMonthlySets) {
        const late = recent.filter((p) => Date.parse(submitted.get(`${ds.code}|${code}|${p}`)!) > deadline(ds, p));
        expect(late.length, `${code} ${ds.code}`).toBeGreaterThanOrEqual(4);
      }
    }
    const others = demo.submissions.filter((s) => !DEMO_LATE_COMMUNES.includes(s.unit));
    const onTime = others.filter(
      (s) => Date.parse(s.submittedAt) <= deadline(DEMO_DATA_SETS.find((d) => d.code === s.dataSet)!, s.period),
    );
    expect(onTime.length / others.length).toBeGreaterThan(0.9);
  });

  it('shows two communes that have not sent this month at all', () => {
    expect(DEMO_MISSING_COMMUNES).toHaveLength(2);
    for (const code of DEMO_MISSING_COMMUNES) {
      for (const ds of communeMonthlySets) {
        expect(submitted.has(`${ds.code}|${code}|202611`)).toBe(false);
        expect(submitted.has(`${ds.code}|${code}|202610`)).toBe(true);
        for (const element of ds.elements) expect(value(element, code, '202611')).toBeUndefined();
      }
    }
    const reporting = new Set(demo.values.filter((v) => v.period === '202611' && v.unit !== '42').map((v) => v.unit));
    expect(reporting.size).toBe(67);
  });
});

describe('demo targets and anomalies', () => {
  it('plans every indicator for the province and commune indicators for each commune, this year and last', () => {
    for (const year of [2025, 2026]) {
      const province = new Set(demo.targets.filter((t) => t.unit === '42' && t.year === year).map((t) => t.indicator));
      expect(province).toEqual(new Set(DEMO_INDICATORS.map((i) => i.code)));
      const communes = demo.targets.filter((t) => t.indicator === 'POVERTY_RATE' && t.year === year);
      expect(communes.length).toBe(70);
    }
    expect(demo.targets.some((t) => t.indicator === 'GRDP' && t.unit !== '42')).toBe(false);
  });

  it('plans ratios as ratios, and lower for indicators where lower is better', () => {
    const target = (indicator: string, unit: string, year: number) =>
      demo.targets.find((t) => t.indicator === indicator && t.unit === unit && t.year === year)!.value;
    const poverty2024 =
      total((v) => v.element === 'POOR_HH' && v.period === '202412') /
      total((v) => v.element === 'HOUSEHOLDS' && v.period === '202412');
    expect(target('POVERTY_RATE', '42', 2025)).toBeLessThan(poverty2024 * 100);
    expect(target('POVERTY_RATE', '42', 2025)).toBeGreaterThan(2);
    expect(target('POVERTY_RATE', '42', 2026)).toBeLessThan(target('POVERTY_RATE', '42', 2025));
    expect(target('VACCINATION_COVERAGE', '42', 2026)).toBeLessThanOrEqual(100);
    const grdp2024 = total((v) => v.element === 'GRDP' && v.period.startsWith('2024'));
    expect(target('GRDP', '42', 2025) / grdp2024).toBeGreaterThan(1.03);
    expect(target('GRDP', '42', 2025) / grdp2024).toBeLessThan(1.15);
    // A mountain commune is poorer than a city ward.
    expect(target('POVERTY_RATE', '18199', 2026)).toBeGreaterThan(target('POVERTY_RATE', '18073', 2026));
  });

  it('lists three anomalies that point at stored values far from their own history', () => {
    expect(demo.anomalies).toHaveLength(3);
    for (const a of demo.anomalies) {
      const now = value(a.element, a.unit, a.period);
      expect(now, `${a.element} ${a.unit} ${a.period}`).toBeDefined();
      expect(a.note.length).toBeGreaterThan(10);
      const history = ['202605', '202606', '202607', '202608', '202609', '202610']
        .map((p) => value(a.element, a.unit, p)!)
        .sort((x, y) => x - y);
      const median = (history[2]! + history[3]!) / 2;
      const ratio = now! / Math.max(median, 1);
      expect(ratio > 2.5 || ratio < 0.3, `${a.element} ${a.unit}: ${now} vs ${median}`).toBe(true);
    }
  });
});
