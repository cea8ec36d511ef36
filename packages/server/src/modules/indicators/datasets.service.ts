import {
  type DataEntryForm,
  type DataEntryQuery,
  type DataSet,
  type Discipline,
  type DisciplineQuery,
  type Period,
  type PeriodType,
  parentPeriod,
  parsePeriod,
  type RuleViolation,
  type SaveDataSetBody,
  type SaveEntryBody,
  type SaveValidationRuleBody,
  type UnitDiscipline,
  type ValidationRule,
  type ValuesBatchResult,
  type ViolationsQuery,
} from '@ioc/shared';
import { conflict, invalid, notFound } from '../../http/errors.ts';
import type { Platform } from '../../platform.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import type { Actor } from '../auth/actor.ts';
import type { OrgUnitService } from '../orgunits/orgunits.service.ts';
import { listDataElements } from './catalogue.repo.ts';
import { loadCatalogue } from './compute.ts';
import * as repo from './datasets.repo.ts';
import { deadlineOf, lockOf, reportStatus } from './deadlines.ts';
import { checkFormulas } from './formula.ts';
import { evaluateRules } from './rules.ts';
import { storedValues } from './values.repo.ts';
import type { ValueService } from './values.service.ts';

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

function periodParam(field: string, id: string): Period {
  const period = parsePeriod(id);
  if (!period) throw invalid(`${id} is not a period`, [{ field, message: 'is not a period', rule: 'pattern' }]);
  return period;
}

/** Data sets (what a unit reports, and by when), their entry form, reporting discipline and validation rules. */
export class DataSetService {
  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
    private readonly values: ValueService,
  ) {}

  async list(): Promise<DataSet[]> {
    return (await repo.listDataSets(this.platform.db)).map(toDataSet);
  }

  private async find(code: string): Promise<repo.DataSetWithMembers> {
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

  /** The form a unit fills for one period: its elements, stored values, deadline and whether it is still open. */
  async entryForm(actor: Actor, query: DataEntryQuery): Promise<DataEntryForm> {
    const { db, now } = this.platform;
    const set = await this.find(query.dataSet);
    const unit = await this.orgUnits.requireInScope(actor.scope, query.unit);
    const period = periodParam('querystring:/period', query.period);
    if (period.type !== set.frequency) {
      throw invalid(`${set.code} is reported per ${set.frequency}`, [
        {
          field: 'querystring:/period',
          message: `must be a ${set.frequency}`,
          rule: 'frequency',
          limit: set.frequency,
        },
      ]);
    }
    const loadedAt = now();
    const elements = new Map((await listDataElements(db)).map((e) => [e.code, e]));
    const [stored, [report]] = await Promise.all([
      storedValues(db, set.elements, [unit.id], [period.id]),
      repo.reportsFor(db, [set.code], [period.id], [unit.id]),
    ]);
    const deadline = deadlineOf(set, period);
    const lockAt = lockOf(set, period);
    return {
      dataSet: { code: set.code, name: set.name, nameEn: set.name_en, frequency: set.frequency },
      unit: { id: unit.id, name: unit.name, nameEn: unit.nameEn },
      period: period.id,
      deadline: deadline.toISOString(),
      lockAt: lockAt?.toISOString() ?? null,
      locked: lockAt !== null && loadedAt >= lockAt && !actor.permissions.has('indicators.manage'),
      report: report
        ? {
            firstSubmittedAt: report.first_submitted_at,
            lastSubmittedAt: report.last_submitted_at,
            submittedBy: report.submitted_by,
            onTime: Date.parse(report.first_submitted_at) <= deadline.getTime(),
          }
        : null,
      elements: set.elements.flatMap((code) => {
        const e = elements.get(code);
        if (!e) return [];
        return [
          {
            code,
            name: e.name,
            nameEn: e.name_en,
            unit: e.unit,
            valueType: e.value_type,
            categories: JSON.parse(e.categories) as string[],
            minValue: e.min_value,
            maxValue: e.max_value,
          },
        ];
      }),
      values: stored.map((v) => ({
        element: v.element_code,
        category: v.category,
        value: v.value,
        storedBy: v.stored_by,
        storedAt: v.stored_at,
      })),
      loadedAt: loadedAt.toISOString(),
    };
  }

  /**
   * Saves a filled form atomically. A cell someone else stored after the form was loaded is a conflict: nothing is
   * saved and the response names the cells, with the value now stored, so the officer can decide.
   */
  async saveEntry(actor: Actor, body: SaveEntryBody): Promise<ValuesBatchResult> {
    const set = await this.find(body.dataSet);
    const unit = await this.orgUnits.requireInScope(actor.scope, body.unit);
    const outside = body.values.findIndex((v) => !set.elements.includes(v.element));
    if (outside >= 0) {
      throw invalid(`${body.values[outside]!.element} is not in ${set.code}`, [
        { field: `/values/${outside}/element`, message: `not in data set ${set.code}`, rule: 'unknown' },
      ]);
    }
    const stored = await storedValues(this.platform.db, set.elements, [unit.id], [body.period]);
    const changed = body.values.flatMap((v, index) => {
      const now = stored.find((s) => s.element_code === v.element && s.category === (v.category ?? ''));
      if (!now || now.stored_at <= body.loadedAt || now.stored_by === actor.name) return [];
      return [
        {
          field: `/values/${index}/value`,
          message: `changed by ${now.stored_by} at ${now.stored_at}: now ${now.value}`,
          rule: 'conflict',
          limit: now.value,
        },
      ];
    });
    if (changed.length > 0) {
      throw conflict(`${changed.length} value(s) were changed by someone else since you opened the form`, changed);
    }
    const result = await this.values.apply(
      actor,
      body.values.map((v, index) => ({
        row: index,
        element: v.element,
        unit: unit.id,
        period: body.period,
        category: v.category ?? '',
        value: v.value,
      })),
      'all',
    );
    if (result.refused.length > 0) {
      throw invalid(
        `The form was refused: ${result.refused.length} problem(s)`,
        result.refused.map((p) => ({
          field: `/values/${p.row}/${p.field === 'value' ? 'value' : p.field}`,
          message: p.message,
          rule: p.rule,
          ...(p.limit === undefined ? {} : { limit: p.limit }),
        })),
      );
    }
    return result;
  }

  /**
   * Completeness and timeliness of every data set for the period holding a month, per unit under `parent`.
   * Expected units are the set's reporting units under the parent (all current units under it when none are listed).
   */
  async discipline(actor: Actor, query: DisciplineQuery): Promise<Discipline> {
    const { db, now } = this.platform;
    const parent = query.parent ?? '42';
    await this.orgUnits.requireInScope(actor.scope, parent);
    const month = periodParam('querystring:/period', query.period);
    const at = now();
    const [sets, children] = await Promise.all([repo.listDataSets(db), this.orgUnits.currentChildren(parent)]);
    const parentUnit = await this.orgUnits.find(parent);
    const candidates = parent === '42' ? children : [...(parentUnit ? [parentUnit] : []), ...children];
    const periodOfSet = new Map(sets.map((s) => [s.code, parentPeriodOf(month, s.frequency as PeriodType)]));
    const reports = await repo.reportsFor(
      db,
      sets.map((s) => s.code),
      [...new Set([...periodOfSet.values()].map((p) => p.id))],
    );
    const reportOf = new Map(reports.map((r) => [`${r.data_set_code}|${r.unit_id}|${r.period_id}`, r]));
    const province = await this.orgUnits.find('42');
    const unitsOf = (set: repo.DataSetWithMembers) => {
      const pool =
        set.units.length > 0 ? [...candidates, ...(province && parent === '42' ? [province] : [])] : candidates;
      return set.units.length > 0 ? pool.filter((u) => set.units.includes(u.id)) : candidates;
    };

    const rows = new Map<string, Discipline['units'][number]>();
    const dataSets = sets.map((set) => {
      const period = periodOfSet.get(set.code)!;
      const deadline = deadlineOf(set, period);
      const counts = { expected: 0, reported: 0, onTime: 0, late: 0, missing: 0 };
      for (const unit of unitsOf(set)) {
        const report = reportOf.get(`${set.code}|${unit.id}|${period.id}`);
        const { status, daysLate } = reportStatus(deadline, report?.first_submitted_at ?? null, at);
        counts.expected++;
        if (report) counts.reported++;
        if (status === 'onTime') counts.onTime++;
        if (status === 'late') counts.late++;
        if (status === 'missing') counts.missing++;
        const row: UnitDiscipline = rows.get(unit.id) ?? {
          unit: unit.id,
          name: unit.name,
          nameEn: unit.nameEn,
          cells: [],
        };
        row.cells.push({
          dataSet: set.code,
          status,
          submittedAt: report?.first_submitted_at ?? null,
          daysLate: Math.round(daysLate * 10) / 10,
        });
        rows.set(unit.id, row);
      }
      return {
        code: set.code,
        name: set.name,
        nameEn: set.name_en,
        period: period.id,
        deadline: deadline.toISOString(),
        ...counts,
        completeness: counts.expected ? (counts.reported / counts.expected) * 100 : null,
        timeliness: counts.expected ? (counts.onTime / counts.expected) * 100 : null,
      };
    });
    return {
      period: month.id,
      parent,
      at: at.toISOString(),
      dataSets,
      units: [...rows.values()].sort((a, b) => a.unit.localeCompare(b.unit)),
    };
  }

  async rules(): Promise<ValidationRule[]> {
    return (await repo.listValidationRules(this.platform.db)).map(toRule);
  }

  async saveRule(actor: Actor, code: string, body: SaveValidationRuleBody): Promise<ValidationRule> {
    const { db, now } = this.platform;
    const elements = new Set((await listDataElements(db)).map((e) => e.code));
    const problems = (['left', 'right'] as const).flatMap((side) => {
      const found =
        checkFormulas([{ code: 'RULE', formula: body[side] }], { elements, constants: new Set() }).get('RULE') ?? [];
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
    const { db } = this.platform;
    const set = await this.find(query.dataSet);
    const parent = query.parent ?? '42';
    await this.orgUnits.requireInScope(actor.scope, parent);
    const period = periodParam('querystring:/period', query.period);
    const children = (await this.orgUnits.currentChildren(parent)).map((c) => c.id);
    const units = set.units.length > 0 ? set.units.filter((u) => children.includes(u) || u === parent) : children;
    const rules = (await repo.listValidationRules(db)).filter((rule) =>
      [rule.left_side, rule.right_side].some((side) => set.elements.some((e) => side.includes(`#{${e}`))),
    );
    return evaluateRules(db, await loadCatalogue(db), rules, units, [period]);
  }
}

function parentPeriodOf(month: Period, type: PeriodType): Period {
  return type === 'month' ? month : parentPeriod(month, type);
}
