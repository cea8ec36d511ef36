import { ERROR_CODES, type ErrorBody, type ErrorCode, type FieldError } from '@ioc/shared';
import type { FastifyError, FastifyInstance } from 'fastify';

/** The one error type services throw; the handler below renders it as the JSON error body with its status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You do not have permission to do this') => new AppError('FORBIDDEN', message);
export const outOfScope = (unitId: string) =>
  new AppError('OUT_OF_SCOPE', `Unit ${unitId} is outside your organisational scope`);
export const conflict = (message: string) => new AppError('CONFLICT', message);
export const invalid = (message: string, details?: FieldError[]) => new AppError('VALIDATION_FAILED', message, details);

interface AjvIssue {
  instancePath?: string;
  message?: string;
  params?: { missingProperty?: string; additionalProperty?: string };
}

/**
 * Turns ajv's issues into one `{ field, message }` per field, named as a JSON pointer (`/population`). A nullable field
 * yields an issue per alternative; they are merged ("must be integer or must be null").
 */
function fieldErrors(issues: AjvIssue[], context: string | undefined): FieldError[] {
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    let field = issue.instancePath ?? '';
    if (issue.params?.missingProperty) field = `${field}/${issue.params.missingProperty}`;
    if (issue.params?.additionalProperty) field = `${field}/${issue.params.additionalProperty}`;
    const prefix = context && context !== 'body' ? `${context}:` : '';
    const key = `${prefix}${field || '/'}`;
    const message = issue.message ?? 'is invalid';
    if (message.includes('schema in anyOf')) {
      if (!byField.has(key)) byField.set(key, []);
      continue;
    }
    const messages = byField.get(key) ?? [];
    if (!messages.includes(message)) messages.push(message);
    byField.set(key, messages);
  }
  return [...byField].map(([field, messages]) => ({ field, message: messages.join(' or ') || 'is invalid' }));
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
