import type { DataEntryForm, DataEntryQuery, SaveEntryBody, ValuesBatchResult } from '@ioc/shared';
import { conflict, invalid } from '../../errors.ts';
import type { Platform } from '../../platform.ts';
import type { Actor } from '../auth/actor.ts';
import { requirePeriod } from '../calendar/period-param.ts';
import type { OrgUnitService } from '../orgunits/orgunits.service.ts';
import { listDataElements } from './catalogue.repo.ts';
import * as repo from './datasets.repo.ts';
import type { DataSetService } from './datasets.service.ts';
import { deadlineOf, lockOf } from './deadlines.ts';
import { storedValues } from './values.repo.ts';
import type { ValueService } from './values.service.ts';

/** The entry form of a data set for one unit and period: what it holds, by when, and an atomic save. */
export class EntryService {
  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
    private readonly dataSets: DataSetService,
    private readonly values: ValueService,
  ) {}

  /** The form a unit fills for one period: its elements, stored values, deadline and whether it is still open. */
  async entryForm(actor: Actor, query: DataEntryQuery): Promise<DataEntryForm> {
    const { db, now } = this.platform;
    const set = await this.dataSets.find(query.dataSet);
    const unit = await this.orgUnits.requireInScope(actor.scope, query.unit);
    const period = requirePeriod(query.period, 'querystring:/period');
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
    const set = await this.dataSets.find(body.dataSet);
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
}
