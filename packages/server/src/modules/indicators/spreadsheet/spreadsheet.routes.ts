import { CatalogueCode, ErrorResponse, ImportQuery, ImportReport, TemplateQuery } from '@ioc/shared';
import { Type } from 'typebox';
import type { App, Services } from '../../../http/app-types.ts';
import { requireActor } from '../../../http/context.ts';
import { invalid } from '../../../http/errors.ts';
import { XLSX_TYPE } from './layout.ts';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  413: ErrorResponse,
  415: ErrorResponse,
};
const CodeParams = Type.Object({ code: CatalogueCode });

export function spreadsheetRoutes(app: App, { spreadsheets, platform }: Services): void {
  app.addContentTypeParser(
    XLSX_TYPE,
    { parseAs: 'buffer', bodyLimit: platform.config.maxUploadBytes },
    (_request, body, done) => done(null, body),
  );

  app.get(
    '/api/v1/data-sets/:code/template',
    {
      config: { permission: 'indicators.write' },
      schema: {
        tags: ['data entry'],
        summary:
          'An .xlsx template of the data set for a period: one row per unit you may report for, stored values filled in',
        params: CodeParams,
        querystring: TemplateQuery,
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }), ...errors },
      },
    },
    async (request, reply) => {
      const file = await spreadsheets.template(requireActor(request.actor), request.params.code, request.query.period);
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
        params: CodeParams,
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
      return spreadsheets.import(requireActor(request.actor), code, period, mode ?? 'all', request.body);
    },
  );
}
