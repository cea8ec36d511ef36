import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { ERROR_CODES, type ErrorBody, type ErrorCode, type FieldError } from '@ioc/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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

/** What the router refuses before any route runs; the URL itself is not echoed (it may be 100 KB of anything). */
const ROUTER_ERRORS = new Map<string, ErrorBody['error']>([
  [
    'FST_ERR_BAD_URL',
    {
      code: 'VALIDATION_FAILED',
      message: 'The URL is not valid: each % must start the percent-encoding of UTF-8 bytes',
      details: [{ field: 'url', message: 'is not valid percent-encoding', rule: 'format' }],
    },
  ],
  [
    'FST_ERR_MAX_PARAM_LENGTH',
    {
      code: 'VALIDATION_FAILED',
      message: 'The URL is not valid: a path segment is longer than 100 characters',
      details: [
        { field: 'url', message: 'has a path segment longer than 100 characters', rule: 'maxLength', limit: 100 },
      ],
    },
  ],
]);

export function toErrorBody(error: FastifyError | AppError | Error): { status: number; body: ErrorBody } {
  const routerError = 'code' in error && typeof error.code === 'string' ? ROUTER_ERRORS.get(error.code) : undefined;
  if (routerError) return { status: ERROR_CODES[routerError.code], body: { error: routerError } };
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

/**
 * Fastify's `frameworkErrors` option: the router's refusals (bad percent-encoding, a path segment over 100
 * characters) in the IOC's error body instead of Fastify's own. It can only be given when the app is created.
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toErrorBody(error);
  reply.status(status).send(body);
}

/** Node's own refusals of what is not HTTP (a URL and headers over 16 KB, an unknown method, a stalled request). */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message]: [number, ErrorCode, string] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'PAYLOAD_TOO_LARGE', 'The URL and headers are larger than the server reads (16 KB)']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'VALIDATION_FAILED', 'The request did not arrive in time']
        : [400, 'VALIDATION_FAILED', 'The request is not valid HTTP'];
  const body = JSON.stringify({ error: { code, message } } satisfies ErrorBody);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

export function registerErrorHandling(app: FastifyInstance): void {
  // Replaces Fastify's listener, whose body is not the IOC's; the server object is the one Fastify listens with.
  app.server.removeAllListeners('clientError');
  app.server.on('clientError', answerClientError);
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const { status, body } = toErrorBody(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    if (error instanceof AppError && error.headers) reply.headers(error.headers);
    return reply.status(status).send(body);
  });
}
