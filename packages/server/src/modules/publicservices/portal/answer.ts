import type { PortalSyncAnswer, SyncResult } from '@ioc/shared';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../errors.ts';
import { toErrorBody } from '../../../http/errors.ts';

/** The portal's error_code for a sync that did not go through: its senders only compare it with "0". */
export const PORTAL_FAILURE = '-1';

/** The sync's answer with the portal's own success fields beside it, for senders written for the portal. */
export function portalAnswer(result: SyncResult): PortalSyncAnswer {
  const { received, created, updated, unchanged, pending, refused } = result;
  const refusedRecords = new Set(refused.map((p) => p.index)).size;
  return {
    ...result,
    ignoredFields: result.ignoredFields ?? {},
    error_code: '0',
    message: `${received} record(s) received: ${created} created, ${updated} updated, ${unchanged} unchanged, ${pending} waiting for their dossier, ${refusedRecords} refused`,
  };
}

interface AjvIssue {
  schemaPath?: string;
}

/**
 * The body is either the envelope or the array of records (anyOf 0 or 1 of PortalSyncBody): a body that fails keeps
 * only the complaints about the shape it was sent in, not "must be array" about an envelope.
 */
function aboutTheShapeSent(error: FastifyError, body: unknown): FastifyError {
  const issues = (error as FastifyError & { validation?: AjvIssue[] }).validation;
  if (!issues || typeof body !== 'object' || body === null) return error;
  const branch = `#/anyOf/${Array.isArray(body) ? 1 : 0}/`;
  const kept = issues.filter((issue) => issue.schemaPath?.startsWith(branch));
  return kept.length > 0 ? Object.assign(Object.create(error) as FastifyError, { validation: kept }) : error;
}

/** The sync route's errors: the usual `{ error }` body, and the portal's error_code and message beside it. */
export function answerPortalError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const shown =
    (error as FastifyError & { validationContext?: string }).validationContext === 'body'
      ? aboutTheShapeSent(error, request.body)
      : error;
  const { status, body } = toErrorBody(shown);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  if (error instanceof AppError && error.headers) reply.headers(error.headers);
  return reply.status(status).send({ ...body, error_code: PORTAL_FAILURE, message: body.error.message });
}
