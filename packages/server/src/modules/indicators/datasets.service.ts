import {
  type DataSet,
  type Discipline,
  type DisciplineQuery,
  type PeriodType,
  parentPeriod,
  type RuleViolation,
  type SaveDataSetBody,
  type SaveValidationRuleBody,
  type ValidationRule,
  type ViolationsQuery,
} from '@ioc/shared';
import { invalid, notFound } from '../../errors.ts';
import type { Platform } from '../../platform.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import type { Actor } from '../auth/actor.ts';
import { requirePeriod } from '../calendar/period-param.ts';
import type { OrgUnitService } from '../orgunits/orgunits.service.ts';
import { listConstants, listDataElements } from './catalogue.repo.ts';
import { loadCatalogue } from './compute.ts';
import * as repo from './datasets.repo.ts';
import { judgeDiscipline, latestDueMonth } from './discipline.ts';
import { checkFormulas } from './formula.ts';
import { optionsOf } from './indicators.service.ts';
import { evaluateRules } from './rules.ts';

function toDataSet(row: repo.DataSetWithMembers): DataSet {
  return {
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    frequency: row.frequency,
    dueDays: row.due_days,
    dueTime: row.due_time,
    lockDays: row.lock_days,
    elements: row.elements,
    units: row.units,
  };
}

function toRule(row: repo.ValidationRuleRow): ValidationRule {
  return {
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    left: row.left_side,
    operator: row.operator,
    right: row.right_side,
    severity: row.severity,
  };
}

/** Data sets (what a unit reports, and by when), their entry form, reporting discipline and validation rules. */
export class DataSetService {
  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
  ) {}

  async list(): Promise<DataSet[]> {
    return (await repo.listDataSets(this.platform.db)).map(toDataSet);
  }

  async find(code: string): Promise<repo.DataSetWithMembers> {
    const found = (await repo.listDataSets(this.platform.db)).find((s) => s.code === code);
    if (!found) throw notFound(`Data set ${code}`);
    return found;
  }

  /** Every element must exist and be reported at the set's frequency; every unit must exist. */
  async save(actor: Actor, code: string, body: SaveDataSetBody): Promise<DataSet> {
    const { db, now } = this.platform;
    const elements = new Map((await listDataElements(db)).map((e) => [e.code, e]));
    const problems = body.elements.flatMap((element, index) => {
      const found = elements.get(element);
      if (!found)
        return [{ field: `/elements/${index}`, message: `unknown data element '${element}'`, rule: 'unknown' }];
      if (found.frequency !== body.frequency) {
        return [
          {
            field: `/elements/${index}`,
            message: `${element} is reported per ${found.frequency}`,
            rule: 'frequency',
            limit: found.frequency,
          },
        ];
      }
      return [];
    });
    for (const [index, unit] of (body.units ?? []).entries()) {
      if (!(await this.orgUnits.find(unit)))
        problems.push({ field: `/units/${index}`, message: `unknown unit '${unit}'`, rule: 'unknown' });
    }
    if (problems.length > 0) throw invalid(`The data set was refused: ${problems.length} problem(s)`, problems);
    return auditedWrite(
      db,
      actor,
      { action: 'indicators.dataset.save', entityType: 'data_set', entityId: code },
      async (trx) => {
        const before = (await repo.listDataSets(trx)).find((s) => s.code === code);
        const row: repo.DataSetRow = {
          code,
          name: body.name,
          name_en: body.nameEn,
          frequency: body.frequency,
          due_days: body.dueDays,
          due_time: body.dueTime,
          lock_days: body.lockDays ?? null,
          created_at: before?.created_at ?? now().toISOString(),
        };
        await repo.saveDataSet(trx, row, body.elements, body.units);
        const after = toDataSet({ ...row, elements: body.elements, units: body.units ?? before?.units ?? [] });
        return { before: before ? toDataSet(before) : null, after, result: after };
      },
      now,
    );
  }

  /**
   * Completeness and timeliness of every data set for the period holding a month, per unit under `parent`.
   * Expected units are the set's reporting units under the parent (all current units under it when none are listed).
   * Without a month, the latest in which a deadline of a set expected here has passed (see latestDueMonth).
   */
  async discipline(actor: Actor, query: DisciplineQuery): Promise<Discipline> {
    const { db, now, config } = this.platform;
    const parent = query.parent ?? config.rootUnit;
    await this.orgUnits.requireInScope(actor.scope, parent);
    const at = now();
    const [sets, children] = await Promise.all([repo.listDataSets(db), this.orgUnits.currentChildren(parent)]);
    const parentUnit = await this.orgUnits.find(parent);
    const candidates = parent === config.rootUnit ? children : [...(parentUnit ? [parentUnit] : []), ...children];
    const province = await this.orgUnits.find(config.rootUnit);
    // A set listing its units (the province for department reports) expects those; otherwise every unit here.
    const unitsOf = (set: repo.DataSetWithMembers) => {
      if (set.units.length === 0) return candidates;
      const pool = [...candidates, ...(province && parent === config.rootUnit ? [province] : [])];
      return pool.filter((u) => set.units.includes(u.id));
    };
    const month = query.period
      ? requirePeriod(query.period, 'querystring:/period')
      : latestDueMonth(
          sets.filter((set) => unitsOf(set).length > 0),
          at,
        );
    const periodOfSet = new Map(sets.map((s) => [s.code, parentPeriod(month, s.frequency as PeriodType)]));
    const reports = await repo.reportsFor(
      db,
      sets.map((s) => s.code),
      [...new Set([...periodOfSet.values()].map((p) => p.id))],
    );
    const { dataSets, units } = judgeDiscipline({
      sets,
      periodOf: (set) => periodOfSet.get(set.code)!,
      unitsOf,
      reports,
      at,
    });
    return { period: month.id, parent, at: at.toISOString(), dataSets, units };
  }

  async rules(): Promise<ValidationRule[]> {
    return (await repo.listValidationRules(this.platform.db)).map(toRule);
  }

  async saveRule(actor: Actor, code: string, body: SaveValidationRuleBody): Promise<ValidationRule> {
    const { db, now } = this.platform;
    const [elementRows, constantRows] = await Promise.all([listDataElements(db), listConstants(db)]);
    // Rules read elements and constants; indicators are computed from them and are not rule inputs.
    const known = {
      elements: new Set(elementRows.map((e) => e.code)),
      constants: new Set(constantRows.map((c) => c.code)),
      options: optionsOf(elementRows),
    };
    const problems = (['left', 'right'] as const).flatMap((side) => {
      const found = checkFormulas([{ code: 'RULE', formula: body[side] }], known).get('RULE') ?? [];
      return found.map((p) => ({ field: `/${side}`, message: p.message, rule: 'formula', limit: p.position }));
    });
    if (problems.length > 0)
      throw invalid(`The rule was refused: ${problems.map((p) => p.message).join('; ')}`, problems);
    return auditedWrite(
      db,
      actor,
      { action: 'indicators.rule.save', entityType: 'validation_rule', entityId: code },
      async (trx) => {
        const before = (await repo.listValidationRules(trx)).find((r) => r.code === code);
        const row = {
          code,
          name: body.name,
          name_en: body.nameEn,
          left_side: body.left,
          operator: body.operator,
          right_side: body.right,
          severity: body.severity,
        };
        await repo.saveValidationRule(trx, row);
        return { before: before ? toRule(before) : null, after: toRule(row), result: toRule(row) };
      },
      now,
    );
  }

  /** Rule violations over a data set's reporting units for a period, as stored now. */
  async violations(actor: Actor, query: ViolationsQuery): Promise<RuleViolation[]> {
    const { db, config } = this.platform;
    const set = await this.find(query.dataSet);
    const parent = query.parent ?? config.rootUnit;
    await this.orgUnits.requireInScope(actor.scope, parent);
    const period = requirePeriod(query.period, 'querystring:/period');
    const children = (await this.orgUnits.currentChildren(parent)).map((c) => c.id);
    const units = set.units.length > 0 ? set.units.filter((u) => children.includes(u) || u === parent) : children;
    const rules = (await repo.listValidationRules(db)).filter((rule) =>
      [rule.left_side, rule.right_side].some((side) => set.elements.some((e) => side.includes(`#{${e}`))),
    );
    return evaluateRules(db, await loadCatalogue(db), rules, units, [period]);
  }
}
