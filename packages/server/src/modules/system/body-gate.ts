import { AppError } from '../../errors.ts';
import type { App } from '../../http/app-types.ts';

const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json$/;

/** Whether the request says it carries a body: a length above zero, or a chunked one. */
function announcesBody(headers: Record<string, string | string[] | undefined>): boolean {
  return Number(headers['content-length'] ?? 0) > 0 || headers['transfer-encoding'] !== undefined;
}

/**
 * A route that declares a JSON body (sign-in, every form) takes JSON only: a body of another type (an upload meant
 * for an import route, 70 MB of XML) is refused from its Content-Type before a byte of it is read, instead of being
 * buffered up to that type's much larger limit and then found not to fit the schema. Too long a Content-Length is
 * refused before reading by Fastify itself (the route's bodyLimit).
 */
export function refuseForeignBodies(app: App): void {
  app.addHook('onRequest', async (request) => {
    if (!request.routeOptions.schema?.body || !announcesBody(request.headers)) return;
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (JSON_TYPE.test(type)) return;
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `This request takes a JSON body (Content-Type application/json), not ${type === '' ? 'a body without a Content-Type' : type}`,
    );
  });
}
