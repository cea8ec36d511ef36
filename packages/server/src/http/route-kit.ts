import { ErrorResponse } from '@ioc/shared';
import type { FastifyInstance } from 'fastify';

/** The error answers a route may give, each with the one error body: `errorResponses(400, 401, 403, 404)`. */
export function errorResponses<const S extends number>(...statuses: S[]): Record<S, typeof ErrorResponse> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorResponse])) as Record<S, typeof ErrorResponse>;
}

/** The answers most reading routes give besides 200: bad query, not signed in, not allowed, not found. */
export const READ_ERRORS = errorResponses(400, 401, 403, 404);

/**
 * Takes a request body of this content type as raw bytes (a file: CSV, XLSX, XML, PDF…), decoded by the service.
 * Several modules take the same type: the first registration stands.
 */
export function acceptRawBody(app: FastifyInstance, contentType: string, bodyLimit: number): void {
  if (app.hasContentTypeParser(contentType)) return;
  app.addContentTypeParser(contentType, { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
}
