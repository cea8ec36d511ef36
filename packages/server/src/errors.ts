import { ERROR_CODES, type ErrorCode, type FieldError } from '@ioc/shared';

/** The one error type services throw; the HTTP layer (http/errors.ts) renders it as the JSON error body with its status. */
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
export const conflict = (message: string, details?: FieldError[]) => new AppError('CONFLICT', message, details);
export const invalid = (message: string, details?: FieldError[]) => new AppError('VALIDATION_FAILED', message, details);
