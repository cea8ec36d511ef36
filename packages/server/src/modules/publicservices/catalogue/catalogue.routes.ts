import {
  CatalogueCodeParams,
  Procedure,
  ProcedureField,
  ProcedureImportQuery,
  ProcedureImportResult,
  ProcedureListQuery,
  SaveProcedureBody,
  SaveProcedureFieldBody,
} from '@ioc/shared';
import { Type } from 'typebox';
import { invalid } from '../../../errors.ts';
import type { App } from '../../../http/app-types.ts';
import { actorOf } from '../../../http/context.ts';
import { errorResponses } from '../../../http/route-kit.ts';
import type { PublicServiceServices } from '../module.ts';

const errors = errorResponses(400, 401, 403, 404, 413, 415);

export function procedureCatalogueRoutes(app: App, { procedureCatalogue }: PublicServiceServices): void {
  app.get(
    '/api/v1/public-services/fields',
    {
      config: { permission: 'publicservices.read' },
      schema: {
        tags: ['public services'],
        summary: 'Fields (lĩnh vực) procedures are grouped in',
        response: { 200: Type.Array(ProcedureField), ...errors },
      },
    },
    async () => procedureCatalogue.fields(),
  );
  app.put(
    '/api/v1/public-services/fields/:code',
    {
      config: { permission: 'publicservices.manage' },
      schema: {
        tags: ['public services'],
        summary: 'Create or rename a field',
        params: CatalogueCodeParams,
        body: SaveProcedureFieldBody,
        response: { 200: ProcedureField, ...errors },
      },
    },
    async (request) => procedureCatalogue.saveField(actorOf(request), request.params.code, request.body),
  );
  app.get(
    '/api/v1/public-services/procedures',
    {
      config: { permission: 'publicservices.read' },
      schema: {
        tags: ['public services'],
        summary:
          'Administrative procedures (TTHC): tier, agency, online level, fee, deadline; filter by field, agency, level or text',
        querystring: ProcedureListQuery,
        response: { 200: Type.Array(Procedure), ...errors },
      },
    },
    async (request) => procedureCatalogue.procedures(request.query),
  );
  app.get(
    '/api/v1/public-services/procedures/:code',
    {
      config: { permission: 'publicservices.read' },
      schema: {
        tags: ['public services'],
        summary: 'One procedure',
        params: CatalogueCodeParams,
        response: { 200: Procedure, ...errors },
      },
    },
    async (request) => procedureCatalogue.procedure(request.params.code),
  );
  app.put(
    '/api/v1/public-services/procedures/:code',
    {
      config: { permission: 'publicservices.manage' },
      schema: {
        tags: ['public services'],
        summary: 'Create or replace a procedure (its field must exist; a provincial agency, none for commune-level)',
        params: CatalogueCodeParams,
        body: SaveProcedureBody,
        response: { 200: Procedure, ...errors },
      },
    },
    async (request) => procedureCatalogue.saveProcedure(actorOf(request), request.params.code, request.body),
  );
  app.post(
    '/api/v1/public-services/procedures/import',
    {
      config: { permission: 'publicservices.manage' },
      schema: {
        tags: ['public services'],
        summary:
          'Import procedures from CSV (Content-Type text/csv, UTF-8, header row): code,name,field_code,field_name,level,agency_code,online_level,online_payment,deadline_days,fee_vnd. mode=all (default): any bad row stores nothing (400 naming each row and column); mode=valid: stores the good rows and reports the bad',
        querystring: ProcedureImportQuery,
        response: { 200: ProcedureImportResult, ...errors },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body) && typeof request.body !== 'string') {
        throw invalid(`Send the CSV file as the body with Content-Type text/csv`, [
          { field: 'body', message: 'expected a CSV file', rule: 'type' },
        ]);
      }
      return procedureCatalogue.importCsv(actorOf(request), request.body, request.query.mode ?? 'all');
    },
  );
}
