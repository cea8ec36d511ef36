import {
  CatalogueParams,
  DataEntryForm,
  DataEntryQuery,
  DataSet,
  Discipline,
  DisciplineQuery,
  RuleViolation,
  SaveDataSetBody,
  SaveEntryBody,
  SaveValidationRuleBody,
  ValidationRule,
  ValuesBatchBody,
  ValuesBatchResult,
  ViolationsQuery,
} from '@ioc/shared';
import { Type } from 'typebox';
import { invalid } from '../../errors.ts';
import type { App } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { sendCsv } from '../../http/csv.ts';
import { errorResponses } from '../../http/route-kit.ts';
import type { IndicatorServices } from './module.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

export function dataSetRoutes(app: App, { dataSets, entries, values }: IndicatorServices): void {
  app.get(
    '/api/v1/data-sets',
    {
      config: { permission: 'indicators.read' },
      schema: {
        tags: ['data entry'],
        summary: 'Data sets: what units report, how often, by when',
        response: { 200: Type.Array(DataSet), ...errors },
      },
    },
    async () => dataSets.list(),
  );
  app.put(
    '/api/v1/data-sets/:code',
    {
      config: { permission: 'indicators.manage' },
      schema: {
        tags: ['data entry'],
        summary: 'Create or replace a data set (elements of its frequency, deadline, lock, reporting units)',
        params: CatalogueParams,
        body: SaveDataSetBody,
        response: { 200: DataSet, ...errors },
      },
    },
    async (request) => dataSets.save(actorOf(request), request.params.code, request.body),
  );
  app.post(
    '/api/v1/data-values',
    {
      config: { permission: 'indicators.write' },
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        tags: ['data entry'],
        summary:
          'Store a batch of values. mode=all (default): any refused row stores nothing (400 naming each row); mode=valid: stores the valid rows and lists the refused',
        body: ValuesBatchBody,
        response: { 200: ValuesBatchResult, ...errors },
      },
    },
    async (request) => {
      const mode = request.body.mode ?? 'all';
      const result = await values.apply(
        actorOf(request),
        request.body.values.map((v, row) => ({
          row,
          element: v.element,
          unit: v.unit,
          period: v.period,
          category: v.category ?? '',
          value: v.value,
        })),
        mode,
      );
      if (mode === 'all' && result.refused.length > 0) {
        throw invalid(
          `The batch was refused: ${result.refused.length} row(s) have problems; nothing was stored`,
          result.refused.map((p) => ({
            field: `/values/${p.row}/${p.field}`,
            message: p.message,
            rule: p.rule,
            ...(p.limit === undefined ? {} : { limit: p.limit }),
          })),
        );
      }
      return result;
    },
  );
  app.get(
    '/api/v1/data-entry',
    {
      config: { permission: 'indicators.write' },
      schema: {
        tags: ['data entry'],
        summary: 'The entry form of a data set for a unit in your scope and a period, with stored values and deadline',
        querystring: DataEntryQuery,
        response: { 200: DataEntryForm, ...errors },
      },
    },
    async (request) => entries.entryForm(actorOf(request), request.query),
  );
  app.post(
    '/api/v1/data-entry',
    {
      config: { permission: 'indicators.write' },
      schema: {
        tags: ['data entry'],
        summary: 'Save a filled form atomically; 409 naming the cells someone else changed since it was loaded',
        body: SaveEntryBody,
        response: { 200: ValuesBatchResult, ...errors },
      },
    },
    async (request) => entries.saveEntry(actorOf(request), request.body),
  );
  app.get(
    '/api/v1/discipline',
    {
      config: { permission: 'indicators.read' },
      schema: {
        tags: ['data entry'],
        summary: 'Completeness and timeliness of every data set, per unit, for the period holding a month',
        querystring: DisciplineQuery,
        response: { 200: Discipline, ...errors },
      },
    },
    async (request, reply) => {
      const result = await dataSets.discipline(actorOf(request), request.query);
      if (request.query.format !== 'csv') return result;
      const header = ['unit', 'name', 'data_set', 'period', 'deadline', 'status', 'submitted_at', 'days_late'];
      const periodOf = new Map(result.dataSets.map((s) => [s.code, s]));
      const rows = result.units.flatMap((u) =>
        u.cells.map((c) => [
          u.unit,
          u.name,
          c.dataSet,
          periodOf.get(c.dataSet)?.period,
          periodOf.get(c.dataSet)?.deadline,
          c.status,
          c.submittedAt,
          c.daysLate,
        ]),
      );
      return sendCsv(reply, `discipline-${result.parent}-${result.period}`, header, rows);
    },
  );
  app.get(
    '/api/v1/validation-rules',
    {
      config: { permission: 'indicators.read' },
      schema: {
        tags: ['data entry'],
        summary: 'Validation rules (e.g. urban population ≤ population)',
        response: { 200: Type.Array(ValidationRule), ...errors },
      },
    },
    async () => dataSets.rules(),
  );
  app.put(
    '/api/v1/validation-rules/:code',
    {
      config: { permission: 'indicators.manage' },
      schema: {
        tags: ['data entry'],
        summary: 'Create or replace a validation rule; both sides are checked like indicator formulas',
        params: CatalogueParams,
        body: SaveValidationRuleBody,
        response: { 200: ValidationRule, ...errors },
      },
    },
    async (request) => dataSets.saveRule(actorOf(request), request.params.code, request.body),
  );
  app.get(
    '/api/v1/validation-violations',
    {
      config: { permission: 'indicators.read' },
      schema: {
        tags: ['data entry'],
        summary: "Rule violations among a data set's reporting units for a period",
        querystring: ViolationsQuery,
        response: { 200: Type.Array(RuleViolation), ...errors },
      },
    },
    async (request) => dataSets.violations(actorOf(request), request.query),
  );
}
