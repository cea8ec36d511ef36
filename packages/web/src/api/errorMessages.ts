import { ERROR_CODES, type FieldError } from '@ioc/shared';
import type { Lang, MessageKey, Translate } from '../i18n/index.tsx';
import { ApiError, NETWORK_ERROR } from './client.ts';

const FIELD_RULES = new Set([
  'type',
  'required',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'pattern',
  'format',
  'minItems',
  'uniqueItems',
  'additionalProperties',
  // Rules the server's services name beside the schema keywords.
  'incorrect',
  'unchanged',
  'unknown',
  'unitOutOfScope',
  'notGrantable',
  // Rules of data values (entry form, batches, spreadsheet imports).
  'integer',
  'locked',
  'validationRule',
  'conflict',
  'closed',
  'frequency',
  'duplicate',
  'mismatch',
]);

const isKnownCode = (code: string): code is keyof typeof ERROR_CODES => Object.hasOwn(ERROR_CODES, code);

/**
 * What to tell the user about a failed request, in their language: known error codes have our own sentence; English
 * keeps the server's more specific wording, Vietnamese never shows an English server sentence.
 */
export function describeError(error: unknown, t: Translate, lang: Lang, options: { withRetry?: boolean } = {}): string {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return t('error.network');
    const known = isKnownCode(error.code) ? t(`error.code.${error.code}` as MessageKey) : null;
    const text = lang === 'en' ? error.message || known : known || error.message;
    const retry = options.withRetry !== false && error.code === 'RATE_LIMITED' && error.retryAfter !== null;
    return retry ? `${text} ${t('error.retryAfter', { seconds: error.retryAfter ?? 0 })}` : text || t('error.unknown');
  }
  if (error instanceof Error && error.message && lang === 'en') return error.message;
  return t('error.unknown');
}

/** Rules whose limit is a number the sentence counts or writes: `at least 10 characters`, `1.000 or more`. */
const NUMERIC_LIMITS = new Set(['minLength', 'maxLength', 'minimum', 'maximum', 'minItems']);

/** One field's problem in the user's language, from the rule that failed (`minLength` with its limit, …). */
export function describeFieldError(fieldError: FieldError, t: Translate, lang: Lang): string {
  const { rule, limit } = fieldError;
  if (rule === 'format' && limit === 'email') return t('validation.format.email');
  if (rule && NUMERIC_LIMITS.has(rule)) {
    const count = Number(limit);
    if (limit !== undefined && limit !== '' && Number.isFinite(count)) {
      return t(`validation.${rule}` as MessageKey, { limit: count });
    }
  } else if (rule && FIELD_RULES.has(rule)) {
    return t(`validation.${rule}` as MessageKey, { limit: limit ?? '' });
  }
  return lang === 'en' ? fieldError.message : t('validation.invalid');
}
