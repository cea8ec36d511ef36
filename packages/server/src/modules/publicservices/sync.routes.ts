import {
  PortalSyncAnswer,
  PortalSyncBody,
  PortalSyncError,
  PortalSyncParams,
  PortalSyncQuery,
  type SyncServiceName,
} from '@ioc/shared';
import { invalid } from '../../errors.ts';
import type { App } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import type { Actor } from '../auth/actor.ts';
import type { PublicServiceServices } from './module.ts';
import { answerPortalError, portalAnswer } from './portal/answer.ts';
import { envelopeOf } from './portal/envelope.ts';

const errors = { 400: PortalSyncError, 401: PortalSyncError, 403: PortalSyncError, 413: PortalSyncError };
const SUMMARY =
  'Dossier sync in the national portal format (DongBoHoSoMC, CapNhatTienDoHoSoMC), as real senders post it';
const DESCRIPTION = [
  'The envelope { service, isUpdating, MaDinhDanhDV, data: [...] }, or the records alone with service, isUpdating and MaDinhDanhDV in the query string (or the service in the path: …/sync/DongBoHoSoMC).',
  'Records are read as senders such as OpenCPS write them: numbers as their digits, "" or null for not known yet, flags as "True"/"False" or "1"/"0"; a record without DonViXuLy is the agency of MaDinhDanhDV; fields not read are counted in ignoredFields, never refused.',
  'Idempotent by MaHoSo; steps may come before their dossier. mode=all (default): an invalid record applies nothing (400 naming each, /data/3/NgayTiepNhan or /3/… for records sent alone); mode=valid: applies the rest.',
  'Every answer also carries the portal\'s error_code ("0"; "-1" on an error, beside the usual error) and message.',
].join(' ');

export function publicServiceSyncRoutes(app: App, { dossierSync }: PublicServiceServices): void {
  const sync = async (actor: Actor, body: PortalSyncBody, query: PortalSyncQuery, pathService?: SyncServiceName) => {
    if (pathService && query.service && pathService !== query.service) {
      throw invalid(`service is ${pathService} in the path and ${query.service} in the query string`, [
        { field: 'querystring:/service', message: `does not match the path's ${pathService}`, rule: 'const' },
      ]);
    }
    const read = envelopeOf(body, { service: pathService ?? query.service, MaDinhDanhDV: query.MaDinhDanhDV });
    if (!read.ok) {
      throw invalid(`${read.field} ${read.message}`, [
        { field: read.field === 'body' ? '/' : `querystring:/${read.field}`, message: read.message, rule: read.rule },
      ]);
    }
    const mode = query.mode ?? 'all';
    const result = await dossierSync.sync(actor, read.envelope, mode);
    if (mode === 'all' && result.refused.length > 0) {
      // The records' place in the body: /data/3 in an envelope, /3 in an array sent alone.
      const at = read.bare ? '' : '/data';
      throw invalid(
        `The batch was refused: ${result.refused.length} problem(s) in ${new Set(result.refused.map((p) => p.index)).size} record(s); nothing was applied`,
        result.refused.map((p) => ({
          field: `${at}/${p.index}${p.field === '/' ? '' : p.field}`,
          message: p.message,
          rule: p.rule,
        })),
      );
    }
    return portalAnswer(result);
  };

  const route = {
    config: { permission: 'ingest.write' },
    bodyLimit: 50 * 1024 * 1024,
    errorHandler: answerPortalError,
  } as const;
  const schema = {
    tags: ['public services'],
    summary: SUMMARY,
    description: DESCRIPTION,
    querystring: PortalSyncQuery,
    body: PortalSyncBody,
    response: { 200: PortalSyncAnswer, ...errors },
  };
  app.post('/api/v1/public-services/sync', { ...route, schema }, async (request) =>
    sync(actorOf(request), request.body, request.query),
  );
  // Senders that call {base}/{service}?MaDinhDanhDV=…&isUpdating=… reach the same sync with base = …/sync.
  app.post(
    '/api/v1/public-services/sync/:service',
    { ...route, schema: { ...schema, params: PortalSyncParams } },
    async (request) => sync(actorOf(request), request.body, request.query, request.params.service),
  );
}
