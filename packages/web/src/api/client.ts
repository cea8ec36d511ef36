import type { ApiReadRoute, ApiRequest, ApiResponse, ApiRoute, ErrorBody, FieldError } from '@ioc/shared';

/** The routes that take a file as the raw body instead of JSON. */
export type ApiUploadRoute =
  | 'POST /api/v1/orgunits/boundaries'
  | 'POST /api/v1/data-sets/:code/import'
  | 'POST /api/v1/documents/import/edxml';

/** An error answered by the server (`{ error: { code, message, details? } }`), or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** Seconds from the Retry-After header, when the server sent one (429, 503). */
  readonly retryAfter: number | null;

  constructor(status: number, code: string, message: string, details?: unknown, retryAfter: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfter = retryAfter;
  }

  /** Field errors from a validation failure, keyed by JSON pointer (`/population`). */
  get fieldErrors(): FieldError[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldError =>
        typeof d === 'object' && d !== null && typeof d.field === 'string' && typeof d.message === 'string',
    );
  }
}

export const NETWORK_ERROR = 'NETWORK';

interface AuthListener {
  onUnauthenticated(): void;
  onPasswordChangeRequired(): void;
}

let authListener: AuthListener | null = null;

/** The auth provider learns here when a session ends or a password must change, whatever request noticed it. */
export function setAuthListener(listener: AuthListener | null): void {
  authListener = listener;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function toApiError(status: number, statusText: string, body: unknown, retryAfter: string | null): ApiError {
  const seconds = parseRetryAfter(retryAfter);
  if (isErrorBody(body)) {
    return new ApiError(status, body.error.code, body.error.message, body.error.details, seconds);
  }
  return new ApiError(status, `HTTP_${status}`, statusText || `HTTP ${status}`, undefined, seconds);
}

/** Tells the auth provider about a lost session; a wrong password at sign-in is not one. */
function notifyAuth(error: ApiError): void {
  if (error.status === 401 && error.code !== 'INVALID_CREDENTIALS') authListener?.onUnauthenticated();
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') authListener?.onPasswordChangeRequired();
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The arguments of a call of route K: none when it takes nothing, else its params, query and body. */
export type RequestArgs<K extends ApiRoute> =
  object extends ApiRequest<K> ? [request?: ApiRequest<K>] : [request: ApiRequest<K>];

/** A request as sent, whatever its route. */
interface SentRequest {
  params?: unknown;
  query?: unknown;
  body?: unknown;
}

function fieldsOf(value: unknown): [string, unknown][] {
  return typeof value === 'object' && value !== null ? Object.entries(value) : [];
}

function pathOf(route: ApiRoute, request: SentRequest = {}): string {
  const params = new Map(fieldsOf(request.params));
  const path = route
    .slice(route.indexOf(' ') + 1)
    .replace(/:(\w+)/g, (_whole, name: string) => encodeURIComponent(String(params.get(name))));
  const search = new URLSearchParams();
  for (const [key, value] of fieldsOf(request.query)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** The route's path with its params filled in and its query without empty values: what a link or a fetch asks. */
export function apiPath<K extends ApiRoute>(route: K, ...[request]: RequestArgs<K>): string {
  return pathOf(route, request);
}

async function send(route: ApiRoute, request: SentRequest = {}, signal?: AbortSignal): Promise<unknown> {
  const method = route.slice(0, route.indexOf(' '));
  // A write without a body still sends `{}`: Fastify refuses an empty JSON body.
  const body = method === 'GET' ? undefined : JSON.stringify(request.body ?? {});
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(pathOf(route, request), { method, headers, credentials: 'same-origin', body, signal });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, NETWORK_ERROR, cause instanceof Error ? cause.message : String(cause));
  }
  const payload = parseJson(await response.text());
  if (!response.ok) {
    const error = toApiError(response.status, response.statusText, payload, response.headers.get('Retry-After'));
    notifyAuth(error);
    throw error;
  }
  return payload;
}

/** Calls one route of the shared map; the answer is typed by the route's response schema. */
export function apiCall<K extends ApiRoute>(route: K, ...[request]: RequestArgs<K>): Promise<ApiResponse<K>> {
  return send(route, request) as Promise<ApiResponse<K>>;
}

/** A read that the signal cancels when no page waits for it any more. */
export function apiRead<K extends ApiReadRoute>(
  route: K,
  request: ApiRequest<K> | undefined,
  signal: AbortSignal,
): Promise<ApiResponse<K>> {
  return send(route, request, signal) as Promise<ApiResponse<K>>;
}

/** Sends a file as the raw request body; XMLHttpRequest because fetch cannot report upload progress. */
export function uploadFile<K extends ApiUploadRoute>(
  route: K,
  request: Omit<ApiRequest<K>, 'body'>,
  file: Blob,
  contentType: string,
  onProgress: (fraction: number) => void,
): Promise<ApiResponse<K>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', pathOf(route, request));
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const payload = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(payload as ApiResponse<K>);
        return;
      }
      const error = toApiError(xhr.status, xhr.statusText, payload, xhr.getResponseHeader('Retry-After'));
      notifyAuth(error);
      reject(error);
    };
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR, 'Network error'));
    xhr.send(file);
  });
}
