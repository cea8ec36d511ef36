import { ApiError } from './client.ts';

/** Server validation errors keyed by top-level field name (`/roles/0` → `roles`), plus `form` for the rest. */
export function fieldErrorsOf(error: unknown, fields: readonly string[], fallback: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const fieldError of error.fieldErrors) {
      const name = fieldError.field.split('/')[1] ?? '';
      if (fields.includes(name)) errors[name] ??= fieldError.message;
    }
  }
  if (Object.keys(errors).length === 0) errors.form = fallback;
  return errors;
}
