import type { DocumentDirection, DocumentListItem } from '@ioc/shared';

/** The search form of the documents page, as kept in the URL. */
export interface DocumentFilters {
  q: string;
  number: string;
  notation: string;
  organ: string;
  from: string;
  to: string;
}

export const FILTER_NAMES = [
  'q',
  'number',
  'notation',
  'organ',
  'from',
  'to',
] as const satisfies readonly (keyof DocumentFilters)[];

export const EMPTY_FILTERS: DocumentFilters = { q: '', number: '', notation: '', organ: '', from: '', to: '' };

export function filtersFromParams(params: URLSearchParams): DocumentFilters {
  const filters = { ...EMPTY_FILTERS };
  for (const name of FILTER_NAMES) filters[name] = params.get(name)?.trim() ?? '';
  return filters;
}

export function directionFromParams(params: URLSearchParams): DocumentDirection {
  return params.get('direction') === 'outgoing' ? 'outgoing' : 'incoming';
}

/** The URL's search for a direction and filters; empty filters are left out, incoming is the default tab. */
export function filtersToParams(direction: DocumentDirection, filters: DocumentFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (direction === 'outgoing') params.set('direction', direction);
  for (const name of FILTER_NAMES) {
    const value = filters[name].trim();
    if (value) params.set(name, value);
  }
  return params;
}

export function hasFilters(filters: DocumentFilters): boolean {
  return FILTER_NAMES.some((name) => filters[name].trim() !== '');
}

/**
 * What the document picker asks for: a cited identifier (`123/QĐ-UBND`, `123/`, `QĐ-UBND`) searches the number and
 * notation; anything else, words of the subject.
 */
export function pickerQuery(text: string): { q?: string; number?: string; notation?: string } {
  const typed = text.trim();
  const cited = /^(\d{1,20})\s*\/\s*([^\s/].*)?$/u.exec(typed);
  if (cited?.[1]) return cited[2] ? { number: cited[1], notation: cited[2].trim() } : { number: cited[1] };
  if (/^\d{1,20}$/.test(typed)) return { number: typed };
  if (/^[\p{Lu}Đ]{1,10}(-[\p{Lu}Đ0-9]{1,20})+$/u.test(typed)) return { notation: typed };
  return typed ? { q: typed } : {};
}

/** The next page appended to those already shown; a document registered between two pages is not listed twice. */
export function appendPage(shown: readonly DocumentListItem[], page: readonly DocumentListItem[]): DocumentListItem[] {
  const seen = new Set(shown.map((document) => document.id));
  return [...shown, ...page.filter((document) => !seen.has(document.id))];
}
