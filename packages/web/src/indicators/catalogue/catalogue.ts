import type { MessageKey, Translate } from '../../i18n/index.tsx';

/** The lists the catalogue's sections edit, each entry known by its code. */
export type CatalogueListRoute =
  | 'GET /api/v1/data-elements'
  | 'GET /api/v1/indicators'
  | 'GET /api/v1/indicator-constants'
  | 'GET /api/v1/data-sets'
  | 'GET /api/v1/validation-rules';

/** The code of every catalogue entry, as the server checks it. */
export const CODE_PATTERN = /^[A-Z0-9_]{2,40}$/;

/**
 * What is wrong with the code and names typed for an entry, by field: a new entry's code must follow the rule and not
 * be taken (an existing entry's is fixed), and the names are required. `nameEn` absent: the entry has none.
 */
export function codeAndNameProblems(
  t: Translate,
  typed: { code: string; name: string; nameEn?: string },
  existing: object | undefined,
  entries: readonly { code: string }[],
): Record<string, string> {
  const found: Record<string, string> = {};
  if (!existing) {
    if (!CODE_PATTERN.test(typed.code)) found.code = t('catalogue.codeRule');
    else if (entries.some((other) => other.code === typed.code)) found.code = t('catalogue.codeTaken');
  }
  if (!typed.name.trim()) found.name = t('common.required');
  if (typed.nameEn !== undefined && !typed.nameEn.trim()) found.nameEn = t('common.required');
  return found;
}

/** The list with `item` in place of the entry of the same code, or added; kept in code order as the server sends it. */
export function upsertByCode<T extends { code: string }>(list: readonly T[] | undefined, item: T): T[] {
  const others = (list ?? []).filter((entry) => entry.code !== item.code);
  return [...others, item].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export const FREQUENCIES = ['month', 'quarter', 'year', 'week', 'day'] as const;
export const FREQUENCY_LABEL: Record<string, MessageKey> = {
  year: 'catalogue.frequency.year',
  quarter: 'catalogue.frequency.quarter',
  month: 'catalogue.frequency.month',
  week: 'catalogue.frequency.week',
  day: 'catalogue.frequency.day',
};

export const AGGREGATIONS = ['sum', 'last', 'average'] as const;
export const AGGREGATION_LABEL: Record<string, MessageKey> = {
  sum: 'catalogue.aggregation.sum',
  last: 'catalogue.aggregation.last',
  average: 'catalogue.aggregation.average',
};
export const AGGREGATION_HINT: Record<string, MessageKey> = {
  sum: 'catalogue.aggregation.sumHint',
  last: 'catalogue.aggregation.lastHint',
  average: 'catalogue.aggregation.averageHint',
};

export const VALUE_TYPES = ['number', 'integer', 'percent'] as const;
export const VALUE_TYPE_LABEL: Record<string, MessageKey> = {
  number: 'catalogue.valueType.number',
  integer: 'catalogue.valueType.integer',
  percent: 'catalogue.valueType.percent',
};

export const OPERATORS = ['<=', '<', '>=', '>', '==', '!='] as const;
/** How an operator is printed: the mathematical sign, easier to read than the code's. */
export const OPERATOR_SIGN: Record<string, string> = { '<=': '≤', '<': '<', '>=': '≥', '>': '>', '==': '=', '!=': '≠' };
export const OPERATOR_LABEL: Record<string, MessageKey> = {
  '<=': 'catalogue.operator.le',
  '<': 'catalogue.operator.lt',
  '>=': 'catalogue.operator.ge',
  '>': 'catalogue.operator.gt',
  '==': 'catalogue.operator.eq',
  '!=': 'catalogue.operator.ne',
};

/** The label of a code from one of the maps above; an unknown code is shown as it is. */
export function labelOf(t: Translate, map: Record<string, MessageKey>, code: string): string {
  const key = map[code];
  return key ? t(key) : code;
}
