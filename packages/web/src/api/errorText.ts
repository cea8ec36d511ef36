import { useCallback } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { ApiError } from './client.ts';
import { describeError, describeFieldError } from './errorMessages.ts';

/** What to tell the user about a failed request, in the current language. */
export function useErrorText(): (error: unknown, options?: { withRetry?: boolean }) => string {
  const { t, lang } = useI18n();
  return useCallback(
    (error: unknown, options?: { withRetry?: boolean }) => describeError(error, t, lang, options),
    [t, lang],
  );
}

/**
 * Server validation errors keyed by top-level field name (`/roles/0` → `roles`), in the current language, plus `form`
 * with the general message when no listed field was named.
 */
export function useFieldErrors(): (error: unknown, fields: readonly string[]) => Record<string, string> {
  const { t, lang } = useI18n();
  return useCallback(
    (error: unknown, fields: readonly string[]) => {
      const errors: Record<string, string> = {};
      if (error instanceof ApiError) {
        for (const fieldError of error.fieldErrors) {
          const name = fieldError.field.split('/')[1] ?? '';
          if (fields.includes(name)) errors[name] ??= describeFieldError(fieldError, t, lang);
        }
      }
      if (Object.keys(errors).length === 0) errors.form = describeError(error, t, lang);
      return errors;
    },
    [t, lang],
  );
}
