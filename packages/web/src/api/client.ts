import type { ErrorBody, FieldError } from '@ioc/shared';

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

export interface RequestOptions {
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
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
  return payload as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Builds `path?query` leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | boolean | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Sends a file as the raw request body; XMLHttpRequest because fetch cannot report upload progress. */
export function uploadFile<T>(
  path: string,
  file: Blob,
  contentType: string,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Content-Type', contentType);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const payload = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(payload as T);
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
