import { ERROR_CODES, type ErrorBody, type ErrorCode, type FieldError } from '@ioc/shared';
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

interface AjvIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: { missingProperty?: string; additionalProperty?: string; limit?: number; format?: string };
}

/**
 * Turns ajv's issues into one `{ field, message, rule, limit }` per field, named as a JSON pointer (`/population`). A
 * nullable field yields an issue per alternative; they are merged ("must be integer or must be null").
 */
function fieldErrors(issues: AjvIssue[], context: string | undefined): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const issue of issues) {
    let path = issue.instancePath ?? '';
    if (issue.params?.missingProperty) path = `${path}/${issue.params.missingProperty}`;
    if (issue.params?.additionalProperty) path = `${path}/${issue.params.additionalProperty}`;
    const prefix = context && context !== 'body' ? `${context}:` : '';
    const field = `${prefix}${path || '/'}`;
    const found = byField.get(field);
    if (issue.keyword === 'anyOf') {
      if (!found) byField.set(field, { field, message: '' });
      continue;
    }
    const message = issue.message ?? 'is invalid';
    if (!found || found.message === '') {
      const limit = issue.params?.limit ?? issue.params?.format;
      byField.set(field, { field, message, rule: issue.keyword, ...(limit !== undefined ? { limit } : {}) });
    } else if (!found.message.split(' or ').includes(message)) {
      found.message = `${found.message} or ${message}`;
    }
  }
  return [...byField.values()].map((e) => (e.message ? e : { ...e, message: 'is invalid' }));
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
};

export function toErrorBody(error: FastifyError | AppError | Error): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details !== undefined) body.error.details = error.details;
    return { status: error.status, body };
  }
  const fastifyError = error as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
  if (fastifyError.validation) {
    const details = fieldErrors(fastifyError.validation, fastifyError.validationContext);
    const message = `Invalid request: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}`;
    return { status: 400, body: { error: { code: 'VALIDATION_FAILED', message, details } } };
  }
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped) return { status: ERROR_CODES[mapped], body: { error: { code: mapped, message: fastifyError.message } } };
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    return {
      status: fastifyError.statusCode,
      body: { error: { code: 'VALIDATION_FAILED', message: fastifyError.message } },
    };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'Internal error; it has been logged' } } };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const { status, body } = toErrorBody(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (error instanceof AppError && error.headers) reply.headers(error.headers);
    return reply.status(status).send(body);
  });
}
