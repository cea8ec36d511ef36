import {
  CatalogueParams,
  DataElement,
  Indicator,
  IndicatorConstant,
  IndicatorTarget,
  IndicatorValues,
  IndicatorValuesQuery,
  SaveConstantBody,
  SaveDataElementBody,
  SaveIndicatorBody,
  SaveTargetBody,
  TargetParams,
} from '@ioc/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { sendCsv } from '../../http/csv.ts';
import { errorResponses } from '../../http/route-kit.ts';
import type { IndicatorServices } from './module.ts';

const errors = errorResponses(400, 401, 403, 404);

export function indicatorRoutes(app: App, { indicators }: IndicatorServices): void {
  app.get(
    '/api/v1/data-elements',
    {
      config: { permission: 'indicators.read' },
      schema: {
        tags: ['indicators'],
        summary: 'Data elements: what units report',
        response: { 200: Type.Array(DataElement), ...errors },
      },
    },
    async () => indicators.elements(),
  );
  app.put(
    '/api/v1/data-elements/:code',
    {
      config: { permission: 'indicators.manage' },
      schema: {
        tags: ['indicators'],
        summary: 'Create or replace a data element',
        params: CatalogueParams,
        body: SaveDataElementBody,
        response: { 200: DataElement, ...errors },
      },
    },
    async (request) => indicators.saveElement(actorOf(request), request.params.code, request.body),
  );
  app.get(
    '/api/v1/indicators',
    {
      config: { permission: 'indicators.read' },
      schema: {
        tags: ['indicators'],
        summary: 'Indicators: formulas over data elements',
        response: { 200: Type.Array(Indicator), ...errors },
      },
    },
    async () => indicators.indicators(),
  );
  app.put(
    '/api/v1/indicators/:code',
    {
      config: { permission: 'indicators.manage' },
      schema: {
        tags: ['indicators'],
        summary: 'Create or replace an indicator; the formula is checked (unknown codes, cycles) before it is stored',
        params: CatalogueParams,
        body: SaveIndicatorBody,
        response: { 200: Indicator, ...errors },
      },
    },
    async (request) => indicators.saveIndicator(actorOf(request), request.params.code, request.body),
  );
  app.get(
    '/api/v1/indicator-constants',
    {
      config: { permission: 'indicators.read' },
      schema: {
        tags: ['indicators'],
        summary: 'Named constants formulas use as C{CODE}',
        response: { 200: Type.Array(IndicatorConstant), ...errors },
      },
    },
    async () => indicators.constants(),
  );
  app.put(
    '/api/v1/indicator-constants/:code',
    {
      config: { permission: 'indicators.manage' },
      schema: {
        tags: ['indicators'],
        summary: 'Create or change a constant',
        params: CatalogueParams,
        body: SaveConstantBody,
        response: { 200: IndicatorConstant, ...errors },
      },
    },
    async (request) => indicators.saveConstant(actorOf(request), request.params.code, request.body),
  );
  app.put(
    '/api/v1/indicators/:code/targets/:unit/:year',
    {
      config: { permission: 'indicators.manage' },
      schema: {
        tags: ['indicators'],
        summary: "Set an indicator's yearly plan (kế hoạch) for a unit",
        params: TargetParams,
        body: SaveTargetBody,
        response: { 200: IndicatorTarget, ...errors },
      },
    },
    async (request) => {
      const { code, unit, year } = request.params;
      return indicators.saveTarget(actorOf(request), code, unit, year, request.body.value);
    },
  );
  app.get(
    '/api/v1/indicator-values',
    {
      config: { permission: 'indicators.read' },
      schema: {
        tags: ['indicators'],
        summary: 'Computed indicator values for one unit (within your scope) and one period',
        querystring: IndicatorValuesQuery,
        response: { 200: IndicatorValues, ...errors },
      },
    },
    async (request, reply) => {
      const result = await indicators.values(actorOf(request), request.query);
      if (request.query.format !== 'csv') return result;
      const header = [
        'code',
        'unit',
        'period',
        'value',
        'target',
        'year_to_date',
        'percent_of_plan',
        'last_year',
        'growth',
      ];
      const rows = result.values.map((v) => [
        v.code,
        result.unit,
        result.period,
        v.value,
        v.target,
        v.yearToDate,
        v.percentOfPlan,
        v.lastYear,
        v.growth,
      ]);
      return sendCsv(reply, `indicators-${result.unit}-${result.period}`, header, rows);
    },
  );
}
