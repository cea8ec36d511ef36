import type {
  DataElement,
  Indicator,
  IndicatorConstant,
  IndicatorTarget,
  IndicatorValues,
  IndicatorValuesQuery,
  SaveConstantBody,
  SaveDataElementBody,
  SaveIndicatorBody,
} from '@ioc/shared';
import { invalid, notFound } from '../../errors.ts';
import type { Platform } from '../../platform.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import type { Actor } from '../auth/actor.ts';
import { requirePeriod } from '../calendar/period-param.ts';
import type { OrgUnitService } from '../orgunits/orgunits.service.ts';
import * as repo from './catalogue.repo.ts';
import { accumulates, comparableLastYear, growthOf, percentOf, periodsOfYearTo, yearToDate } from './comparison.ts';
import { computeGrid, computeIndicators, loadCatalogue } from './compute.ts';
import { checkFormulas, type Formula, parseFormula } from './formula.ts';

function toElement(row: repo.DataElementRow): DataElement {
  return {
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    unit: row.unit,
    valueType: row.value_type,
    aggregation: row.aggregation,
    frequency: row.frequency,
    owner: row.owner,
    categories: JSON.parse(row.categories) as string[],
    minValue: row.min_value,
    maxValue: row.max_value,
  };
}

/** Whether each indicator's year to date climbs towards its plan through the year (see `accumulates`). */
function accumulation(indicators: readonly repo.IndicatorRow[], elements: readonly repo.DataElementRow[]) {
  const formulas = new Map<string, Formula>();
  for (const indicator of indicators) {
    const parsed = parseFormula(indicator.formula);
    if (parsed.ok) formulas.set(indicator.code, parsed.formula);
  }
  const aggregationOf = new Map(elements.map((e) => [e.code, e.aggregation]));
  return (code: string) => accumulates(code, formulas, aggregationOf);
}

function toIndicator(row: repo.IndicatorRow, accumulating: (code: string) => boolean): Indicator {
  return {
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    formula: row.formula,
    unit: row.unit,
    decimals: row.decimals,
    direction: row.direction,
    description: row.description,
    accumulates: accumulating(row.code),
  };
}

/** Each element's category options, for checking `#{ELEMENT.OPTION}` references. */
export function optionsOf(elements: readonly repo.DataElementRow[]): Map<string, Set<string>> {
  return new Map(elements.map((e) => [e.code, new Set(JSON.parse(e.categories) as string[])]));
}

export class IndicatorService {
  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
  ) {}

  async elements(): Promise<DataElement[]> {
    return (await repo.listDataElements(this.platform.db)).map(toElement);
  }

  async saveElement(actor: Actor, code: string, body: SaveDataElementBody): Promise<DataElement> {
    const { db, now } = this.platform;
    if (body.minValue != null && body.maxValue != null && body.minValue > body.maxValue) {
      throw invalid('The minimum is above the maximum', [
        { field: '/minValue', message: 'is above maxValue', rule: 'range' },
      ]);
    }
    return auditedWrite(
      db,
      actor,
      { action: 'indicators.element.save', entityType: 'data_element', entityId: code },
      async (trx) => {
        const before = (await repo.listDataElements(trx)).find((e) => e.code === code);
        const row: repo.DataElementRow = {
          code,
          name: body.name,
          name_en: body.nameEn,
          unit: body.unit,
          value_type: body.valueType,
          aggregation: body.aggregation,
          frequency: body.frequency,
          owner: body.owner ?? null,
          categories: JSON.stringify(body.categories ?? []),
          min_value: body.minValue ?? null,
          max_value: body.maxValue ?? null,
          created_at: before?.created_at ?? now().toISOString(),
        };
        await repo.saveDataElement(trx, row);
        const after = toElement(row);
        return { before: before ? toElement(before) : null, after, result: after };
      },
      now,
    );
  }

  async indicators(): Promise<Indicator[]> {
    const { db } = this.platform;
    const [indicators, elements] = await Promise.all([repo.listIndicators(db), repo.listDataElements(db)]);
    const accumulating = accumulation(indicators, elements);
    return indicators.map((row) => toIndicator(row, accumulating));
  }

  /** Refuses a formula that does not parse, names an unknown element, constant or indicator, or closes a cycle. */
  async saveIndicator(actor: Actor, code: string, body: SaveIndicatorBody): Promise<Indicator> {
    const { db, now } = this.platform;
    return auditedWrite(
      db,
      actor,
      { action: 'indicators.indicator.save', entityType: 'indicator', entityId: code },
      async (trx) => {
        const [elements, constants, existing] = await Promise.all([
          repo.listDataElements(trx),
          repo.listConstants(trx),
          repo.listIndicators(trx),
        ]);
        const catalogue = [...existing.filter((i) => i.code !== code), { code, formula: body.formula }];
        const problems = checkFormulas(catalogue, {
          elements: new Set(elements.map((e) => e.code)),
          constants: new Set(constants.map((c) => c.code)),
          options: optionsOf(elements),
        }).get(code);
        if (problems) {
          throw invalid(
            `The formula was refused: ${problems.map((p) => p.message).join('; ')}`,
            problems.map((p) => ({ field: '/formula', message: p.message, rule: 'formula', limit: p.position })),
          );
        }
        const before = existing.find((i) => i.code === code);
        const row: repo.IndicatorRow = {
          code,
          name: body.name,
          name_en: body.nameEn,
          formula: body.formula,
          unit: body.unit,
          decimals: body.decimals ?? before?.decimals ?? 1,
          direction: body.direction ?? before?.direction ?? 'up',
          description: body.description ?? null,
        };
        await repo.saveIndicator(trx, row);
        const accumulating = accumulation([...existing.filter((i) => i.code !== code), row], elements);
        const after = toIndicator(row, accumulating);
        return { before: before ? toIndicator(before, accumulation(existing, elements)) : null, after, result: after };
      },
      now,
    );
  }

  /** Indicator values for one unit and period, within the caller's org-unit scope. */
  async values(actor: Actor, query: IndicatorValuesQuery): Promise<IndicatorValues> {
    const { db } = this.platform;
    const period = requirePeriod(query.period, 'querystring:/period');
    await this.orgUnits.requireInScope(actor.scope, query.unit);
    const codes = [...new Set(query.codes.split(','))];
    const year = Number(period.id.slice(0, 4));
    const catalogue = await loadCatalogue(db);
    const yearSoFar = periodsOfYearTo(period);
    const [byPeriod, previous, toDate, targets] = await Promise.all([
      computeGrid(db, catalogue, codes, { units: [query.unit], periods: yearSoFar }),
      computeIndicators(db, catalogue, codes, query.unit, comparableLastYear(period, this.platform.now())),
      computeIndicators(db, catalogue, codes, query.unit, yearToDate(period)),
      repo.findTargets(db, codes, query.unit, year),
    ]);
    const targetOf = new Map(targets.map((t) => [t.indicator_code, t.value]));
    return {
      unit: query.unit,
      period: period.id,
      values: codes.map((code) => {
        const value = byPeriod.get(query.unit, period.id, code);
        // A year to date stands only on a value in every period of the year so far (see completeYearToDate).
        const whole = yearSoFar.every((p) => byPeriod.get(query.unit, p.id, code) !== null);
        const ytd = whole ? (toDate.get(code) ?? null) : null;
        const target = targetOf.get(code) ?? null;
        const lastYear = previous.get(code) ?? null;
        return {
          code,
          value,
          target,
          yearToDate: ytd,
          percentOfPlan: percentOf(ytd, target),
          lastYear,
          growth: growthOf(value, lastYear),
        };
      }),
    };
  }

  async constants(): Promise<IndicatorConstant[]> {
    return repo.listConstants(this.platform.db);
  }

  /** A named number formulas use as C{CODE} (e.g. a conversion factor); audited. */
  async saveConstant(actor: Actor, code: string, body: SaveConstantBody): Promise<IndicatorConstant> {
    const { db, now } = this.platform;
    return auditedWrite(
      db,
      actor,
      { action: 'indicators.constant.save', entityType: 'indicator_constant', entityId: code },
      async (trx) => {
        const before = (await repo.listConstants(trx)).find((c) => c.code === code) ?? null;
        const after = { code, name: body.name, value: body.value };
        await repo.saveConstant(trx, after);
        return { before, after, result: after };
      },
      now,
    );
  }

  /** The yearly plan of an indicator for a unit; set by the province, audited. */
  async saveTarget(actor: Actor, code: string, unitId: string, year: number, value: number): Promise<IndicatorTarget> {
    const { db, now } = this.platform;
    if (!(await repo.listIndicators(db)).some((i) => i.code === code)) throw notFound(`Indicator ${code}`);
    await this.orgUnits.requireInScope(actor.scope, unitId);
    const target: IndicatorTarget = { indicator: code, unit: unitId, year, value };
    return auditedWrite(
      db,
      actor,
      { action: 'indicators.target.save', entityType: 'indicator_target', entityId: `${code}/${unitId}/${year}` },
      async (trx) => {
        const [before] = await repo.findTargets(trx, [code], unitId, year);
        await repo.saveTarget(trx, { indicator_code: code, unit_id: unitId, year, value });
        return { before: before ? { ...target, value: before.value } : null, after: target, result: target };
      },
      now,
    );
  }
}
