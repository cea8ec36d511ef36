import type { DocumentWarning, FieldError } from '@ioc/shared';
import { ApiError, apiPath } from '../api/client.ts';
import { describeError, describeFieldError } from '../api/errorMessages.ts';
import type { Lang, MessageKey, Translate } from '../i18n/index.tsx';

/** Decree 30's urgency ("độ khẩn"), edXML's Priority codes 0–4. */
export const PRIORITY_KEYS: readonly MessageKey[] = [
  'doc.priority.0',
  'doc.priority.1',
  'doc.priority.2',
  'doc.priority.3',
  'doc.priority.4',
];

export function priorityLabel(t: Translate, priority: number): string {
  const key = PRIORITY_KEYS[priority];
  return key ? t(key) : String(priority);
}

/** Document types offered when registering one; any other type can be typed. */
export const DOCUMENT_TYPES = [
  'Quyết định',
  'Công văn',
  'Kế hoạch',
  'Thông báo',
  'Chỉ thị',
  'Nghị quyết',
  'Báo cáo',
  'Tờ trình',
  'Giấy mời',
  'Công điện',
] as const;

/** A warning the server gave with a registered document, in the user's language. */
export function warningText(t: Translate, warning: DocumentWarning, lang: Lang): string {
  if (warning.code === 'DUPLICATE_IDENTIFIER') {
    return t('doc.warning.duplicate', { ids: warning.documentIds.map((id) => `#${id}`).join(', ') });
  }
  return lang === 'en' ? warning.message : t('doc.warning.other');
}

export interface RefusalText {
  summary: string;
  /** Each refused field named as the server named it (`/Code/CodeNumber`, `CodeNotation`), with the problem. */
  fields: { field: string; text: string }[];
}

/** Why an import or a registration was refused, naming each field the server pointed at. */
export function refusalText(error: unknown, t: Translate, lang: Lang): RefusalText {
  const summary = describeError(error, t, lang);
  if (!(error instanceof ApiError)) return { summary, fields: [] };
  const fields = error.fieldErrors.map((fieldError: FieldError) => ({
    field: fieldName(fieldError.field),
    text: describeFieldError(fieldError, t, lang),
  }));
  return { summary, fields };
}

/** The field as the server named it, without the JSON pointer's leading slash: `organ/organName`, `Code/CodeNumber`. */
export function fieldName(pointer: string): string {
  return pointer.replace(/^\//, '') || '—';
}

/** `/documents/:id` relative links of a document's files and its edXML envelope. */
export const fileUrl = (id: number) => apiPath('GET /api/v1/files/:id', { params: { id } });
export const edxmlUrl = (id: number) => apiPath('GET /api/v1/documents/:id/edxml', { params: { id } });
