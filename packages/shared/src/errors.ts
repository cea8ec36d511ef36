/** Stable error codes of the JSON error body `{ error: { code, message, details? } }`. */
export const ERROR_CODES = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  ORIGIN_REJECTED: 403,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/**
 * A field that failed validation, named by its JSON pointer path (e.g. `/displayName`). `rule` and `limit` let a client
 * say it in the user's language: rule is the JSON Schema keyword that failed (type, minLength, maximum, format, …).
 */
export interface FieldError {
  field: string;
  message: string;
  rule?: string;
  limit?: number | string;
}
