import type { Lang } from '../../i18n/index.tsx';

/** What the entry form needs to know about an element to check a value as the server will. */
export interface ValueRules {
  valueType: string;
  minValue: number | null;
  maxValue: number | null;
}

export type ValueRule = 'type' | 'ambiguous' | 'integer' | 'minimum' | 'maximum';

export interface ValueProblem {
  rule: ValueRule;
  limit?: number;
}

export type CheckedValue = { value: number | null } | { problem: ValueProblem };

/** The thousands separator people type in each language: 1.234 in Vietnamese, 1,234 in English. */
const GROUPING: Record<Lang, string> = { vi: '.', en: ',' };
const DECIMAL: Record<Lang, string> = { vi: ',', en: '.' };
const SPACES = /[\s\u00a0\u202f]/g;

function grouped(text: string, separator: string): number | null {
  const pattern = new RegExp(`^\\d{1,3}(\\${separator}\\d{3})+$`);
  return pattern.test(text) ? Number(text.split(separator).join('')) : null;
}

/**
 * Reads a number as typed in `lang`: spaces may group thousands; `1.234.567` and `1,234,567` are grouped;
 * with both marks the last one is the decimal one. One mark before exactly three digits (`31.000`, `2,500`) groups
 * thousands when only whole numbers are allowed; otherwise it is a decimal mark, except the language's thousands mark
 * (`1.234` in Vietnamese), which is ambiguous: a thousand times too much or too little would be stored without a word.
 */
export function parseNumber(
  input: string,
  lang: Lang,
  wholeOnly = false,
): { value: number | null } | { problem: 'type' | 'ambiguous' } {
  const text = input.replace(SPACES, '');
  if (text === '') return { value: null };
  const match = /^([+-]?)([\d.,]+)$/.exec(text);
  if (!match) return { problem: 'type' };
  const sign = match[1] === '-' ? -1 : 1;
  const body = match[2] ?? '';
  const dots = body.split('.').length - 1;
  const commas = body.split(',').length - 1;
  const finish = (value: number | null) =>
    value === null || !Number.isFinite(value) ? { problem: 'type' as const } : { value: sign * value };

  if (dots === 0 && commas === 0) return finish(Number(body));
  if (dots > 0 && commas > 0) {
    const decimalMark = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const groupMark = decimalMark === '.' ? ',' : '.';
    const at = body.lastIndexOf(decimalMark);
    const whole = body.slice(0, at);
    const fraction = body.slice(at + 1);
    if (whole.includes(decimalMark) || !/^\d+$/.test(fraction)) return { problem: 'type' };
    const wholeValue = grouped(whole, groupMark);
    return finish(wholeValue === null ? null : Number(`${wholeValue}.${fraction}`));
  }
  const mark = dots > 0 ? '.' : ',';
  if (dots + commas > 1) return finish(grouped(body, mark));
  const [whole = '', fraction = ''] = body.split(mark);
  if (!/^\d+$/.test(fraction) || (whole !== '' && !/^\d+$/.test(whole))) return { problem: 'type' };
  if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole)) {
    if (wholeOnly) return finish(Number(`${whole}${fraction}`));
    if (mark === GROUPING[lang]) return { problem: 'ambiguous' };
  }
  return finish(Number(`${whole || '0'}.${fraction}`));
}

/** Checks one typed value the way the server will: a number, whole if it must be, within the element's range. */
export function checkValue(input: string, rules: ValueRules, lang: Lang): CheckedValue {
  const wholeOnly = rules.valueType === 'integer';
  const parsed = parseNumber(input, lang, wholeOnly);
  if ('problem' in parsed) return { problem: { rule: parsed.problem } };
  const { value } = parsed;
  if (value === null) return { value };
  if (wholeOnly && !Number.isInteger(value)) return { problem: { rule: 'integer' } };
  if (rules.minValue !== null && value < rules.minValue) return { problem: { rule: 'minimum', limit: rules.minValue } };
  if (rules.maxValue !== null && value > rules.maxValue) return { problem: { rule: 'maximum', limit: rules.maxValue } };
  return { value };
}

/** A stored value as the input shows it: no thousands marks (never ambiguous), the language's decimal mark. */
export function formatForInput(value: number, lang: Lang): string {
  const plain = value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
  return plain.replace('.', DECIMAL[lang]);
}
