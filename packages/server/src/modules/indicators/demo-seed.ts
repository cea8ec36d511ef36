import { parsePeriod } from '@ioc/shared';
import type { Platform } from '../../platform.ts';
import { AgencyService } from '../agencies/agencies.service.ts';
import { AlertService } from '../alerts/alerts.service.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { systemActor } from '../auth/actor.ts';
import { currentChildrenOf } from '../orgunits/orgunits.repo.ts';
import { OrgUnitService } from '../orgunits/orgunits.service.ts';
import { detectAnomalies } from './anomaly-scan.ts';
import { listDataElements, saveConstant, saveDataElement, saveIndicator, saveTarget } from './catalogue.repo.ts';
import { insertReports, saveDataSet, saveValidationRule } from './datasets.repo.ts';
import { DEMO_CONSTANTS, DEMO_DATA_SETS, DEMO_ELEMENTS, DEMO_INDICATORS } from './demo/catalogue.ts';
import { generateIndicatorDemo } from './demo/generate.ts';
import { upsertValues } from './values.repo.ts';

/** Rules a statistics office would set on the demo catalogue; only those whose elements exist are stored. */
const DEMO_RULES = [
  {
    code: 'URBAN_WITHIN_POP',
    name: 'Dân số thành thị không vượt quá dân số',
    name_en: 'Urban population within the population',
    left_side: '#{POP_URBAN}',
    operator: '<=',
    right_side: '#{POP}',
    severity: 'error',
  },
  {
    code: 'POOR_WITHIN_HOUSEHOLDS',
    name: 'Hộ nghèo và cận nghèo không vượt quá số hộ',
    name_en: 'Poor and near-poor households within all households',
    left_side: '#{POOR_HH} + #{NEAR_POOR_HH}',
    operator: '<=',
    right_side: '#{HOUSEHOLDS}',
    severity: 'error',
  },
  {
    code: 'OVERNIGHT_WITHIN_TOURISTS',
    name: 'Khách lưu trú không vượt quá tổng lượt khách',
    name_en: 'Overnight visitors within all visitors',
    left_side: '#{TOURISTS_OVERNIGHT}',
    operator: '<=',
    right_side: '#{TOURISTS}',
    severity: 'warning',
  },
  {
    code: 'VACCINATED_WITHIN_DUE',
    name: 'Trẻ được tiêm chủng không vượt quá số trẻ trong diện',
    name_en: 'Vaccinated infants within infants due',
    left_side: '#{INFANTS_VACCINATED}',
    operator: '<=',
    right_side: '#{INFANTS_DUE}',
    severity: 'warning',
  },
] as const;

/**
 * The socio-economic demo: 40+ indicators over 36 months of realistic Hà Tĩnh figures, data sets with a few late
 * and missing communes, this year's plan, and planted anomalies that the anomaly scan then finds and raises.
 * Runs once: skipped when the catalogue already has elements.
 */
export async function seedIndicatorDemo(platform: Platform): Promise<{ values: number; alerts: number } | null> {
  const { db, now } = platform;
  if ((await listDataElements(db)).length > 0) return null;
  const demo = generateIndicatorDemo({ now: now() });
  const at = now().toISOString();
  const elementCodes = new Set(DEMO_ELEMENTS.map((e) => e.code));
  const submittedAt = new Map(demo.submissions.map((s) => [`${s.dataSet}|${s.unit}|${s.period}`, s.submittedAt]));
  const setOf = new Map(DEMO_DATA_SETS.flatMap((set) => set.elements.map((e) => [e, set.code] as const)));

  await db.transaction().execute(async (trx) => {
    for (const e of DEMO_ELEMENTS) {
      await saveDataElement(trx, {
        code: e.code,
        name: e.name,
        name_en: e.nameEn,
        unit: e.unit,
        value_type: e.valueType,
        aggregation: e.aggregation,
        frequency: e.frequency,
        owner: e.owner,
        categories: JSON.stringify(e.categories ?? []),
        min_value: e.minValue ?? null,
        max_value: e.maxValue ?? null,
        created_at: at,
      });
    }
    for (const c of DEMO_CONSTANTS) await saveConstant(trx, c);
    for (const i of DEMO_INDICATORS) {
      await saveIndicator(trx, {
        code: i.code,
        name: i.name,
        name_en: i.nameEn,
        formula: i.formula,
        unit: i.unit,
        decimals: i.decimals,
        direction: i.direction,
        description: i.description ?? null,
      });
    }
    const communes = (await currentChildrenOf(trx, platform.config.rootUnit)).map((u) => u.id);
    for (const set of DEMO_DATA_SETS) {
      await saveDataSet(
        trx,
        {
          code: set.code,
          name: set.name,
          name_en: set.nameEn,
          frequency: set.frequency,
          due_days: set.dueDays,
          due_time: set.dueTime,
          lock_days: set.lockDays,
          created_at: at,
        },
        set.elements,
        set.level === 'commune' ? communes : [platform.config.rootUnit],
      );
    }
    for (const rule of DEMO_RULES) {
      const used = [rule.left_side, rule.right_side].join(' ').match(/#\{([A-Z0-9_]+)/g) ?? [];
      if (used.every((ref) => elementCodes.has(ref.slice(2)))) await saveValidationRule(trx, { ...rule });
    }
    await upsertValues(
      trx,
      demo.values.map((v) => {
        const period = parsePeriod(v.period)!;
        return {
          element_code: v.element,
          unit_id: v.unit,
          period_id: v.period,
          period_type: period.type,
          period_start: period.start,
          category: v.category,
          value: v.value,
          stored_by: 'demo',
          stored_at: submittedAt.get(`${setOf.get(v.element)}|${v.unit}|${v.period}`) ?? at,
        };
      }),
    );
    await insertReports(
      trx,
      demo.submissions.map((s) => ({
        data_set_code: s.dataSet,
        unit_id: s.unit,
        period_id: s.period,
        first_submitted_at: s.submittedAt,
        last_submitted_at: s.submittedAt,
        submitted_by: 'demo',
      })),
    );
    for (const t of demo.targets) {
      await saveTarget(trx, { indicator_code: t.indicator, unit_id: t.unit, year: t.year, value: t.value });
    }
    await appendAudit(
      trx,
      systemActor('demo', platform.config.rootUnit),
      { action: 'indicators.demo.seed', entityType: 'data_values', entityId: null },
      null,
      {
        elements: DEMO_ELEMENTS.length,
        indicators: DEMO_INDICATORS.length,
        values: demo.values.length,
        reports: demo.submissions.length,
      },
      now(),
    );
  });

  // The latest period of each element is scanned as if it had just been reported, so the warnings are real.
  const latest = new Map<string, string>();
  for (const v of demo.values) if (v.period > (latest.get(v.element) ?? '')) latest.set(v.element, v.period);
  const recent = demo.values.filter((v) => v.category === '' && latest.get(v.element) === v.period);
  const match = await new AgencyService(platform, new OrgUnitService(platform)).matcher();
  const alerts = await detectAnomalies(
    db,
    new AlertService(platform),
    recent.map((v) => ({ ...v, parsed: parsePeriod(v.period)! })),
    undefined,
    (owner) => match(owner)?.code ?? null,
  );
  return { values: demo.values.length, alerts };
}
