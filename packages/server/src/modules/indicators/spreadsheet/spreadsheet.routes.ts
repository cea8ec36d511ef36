import { CatalogueParams, ImportQuery, ImportReport, TemplateQuery } from '@ioc/shared';
import { Type } from 'typebox';
import { invalid } from '../../../errors.ts';
import type { App } from '../../../http/app-types.ts';
import { actorOf } from '../../../http/context.ts';
import { acceptRawBody, errorResponses } from '../../../http/route-kit.ts';
import type { IndicatorServices } from '../module.ts';
import { XLSX_TYPE } from './layout.ts';

const errors = errorResponses(400, 401, 403, 404, 413, 415);

export function spreadsheetRoutes(app: App, { spreadsheets, platform }: IndicatorServices): void {
  acceptRawBody(app, XLSX_TYPE, platform.config.maxUploadBytes);

  app.get(
    '/api/v1/data-sets/:code/template',
    {
      config: { permission: 'indicators.write' },
      schema: {
        tags: ['data entry'],
        summary:
          'An .xlsx template of the data set for a period: one row per unit you may report for, stored values filled in',
        params: CatalogueParams,
        querystring: TemplateQuery,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errors },
      },
    },
    async (request, reply) => {
      const file = await spreadsheets.template(actorOf(request), request.params.code, request.query.period);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  app.post(
    '/api/v1/data-sets/:code/import',
    {
      config: { permission: 'indicators.write' },
      schema: {
        tags: ['data entry'],
        summary:
          'Import a filled template (the raw .xlsx as the body). mode=all stores nothing unless every cell is valid; mode=valid stores the valid cells. The report names each refused row and cell.',
        params: CatalogueParams,
        querystring: ImportQuery,
        response: { 200: ImportReport, ...errors },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) {
        throw invalid(`Send the .xlsx file as the body with Content-Type ${XLSX_TYPE}`, [
          { field: 'body', message: 'expected an .xlsx file', rule: 'type' },
        ]);
      }
      const { code } = request.params;
      const { period, mode } = request.query;
      return spreadsheets.import(actorOf(request), code, period, mode ?? 'all', request.body);
    },
  );
}
