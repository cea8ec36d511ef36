import { ApiError } from '../../api/client.ts';

/** What a formula can refer to: `#{ELEMENT}` or `#{ELEMENT.OPTION}`, `I{INDICATOR}`, `C{CONSTANT}`. */
export type ReferenceKind = 'element' | 'indicator' | 'constant';

const PREFIX: Record<ReferenceKind, string> = { element: '#', indicator: 'I', constant: 'C' };

export function referenceText(kind: ReferenceKind, code: string, option?: string | null): string {
  return kind === 'element' && option ? `#{${code}.${option}}` : `${PREFIX[kind]}{${code}}`;
}

/** The formula after an insertion, and where the caret goes: just after what was inserted. */
export interface Insertion {
  text: string;
  caret: number;
}

const clamp = (value: number, max: number) => Math.min(Math.max(0, value), max);

/**
 * Puts `reference` in place of the selection [start, end) (or at the caret when they are equal), with a space on
 * either side where it would otherwise touch a neighbour: `#{A}/` + `#{B}` gives `#{A}/ #{B}`, never `#{A}#{B}`.
 */
export function insertAtCursor(formula: string, start: number, end: number, reference: string): Insertion {
  const from = clamp(Math.min(start, end), formula.length);
  const to = clamp(Math.max(start, end), formula.length);
  const before = formula.slice(0, from);
  const after = formula.slice(to);
  const lead = before === '' || /[\s(]$/.test(before) ? '' : ' ';
  const trail = after === '' || /^[\s)]/.test(after) ? '' : ' ';
  const inserted = `${lead}${reference}`;
  return { text: `${before}${inserted}${trail}${after}`, caret: before.length + inserted.length };
}

/** One problem the server found in a formula: `position` is a 0-based index into the formula text. */
export interface FormulaProblem {
  position: number;
  message: string;
}

/** The server ends each message with " at <position>", which the editor shows by marking the place instead. */
const AT_POSITION = / at \d+$/;

/** The formula problems of one field (`formula`, `left`, `right`) in a refusal, in the order of their position. */
export function formulaProblems(error: unknown, field: string): FormulaProblem[] {
  if (!(error instanceof ApiError)) return [];
  return error.fieldErrors
    .filter((fieldError) => fieldError.field === `/${field}` && fieldError.rule === 'formula')
    .map((fieldError) => ({
      position: typeof fieldError.limit === 'number' ? fieldError.limit : Number(fieldError.limit ?? 0) || 0,
      message: fieldError.message.replace(AT_POSITION, ''),
    }))
    .sort((a, b) => a.position - b.position);
}

const WORD = /[A-Za-z0-9_.]/;

/**
 * The stretch of the formula to mark for a problem at `position`: the whole reference (`#{POPX}`), number or word
 * starting there, otherwise the one character; an empty range at the end when the formula stops too early.
 */
export function problemRange(formula: string, position: number): [number, number] {
  const at = clamp(position, formula.length);
  if (at === formula.length) return [at, at];
  const char = formula[at] ?? '';
  if ('#IC'.includes(char) && formula[at + 1] === '{') {
    const close = formula.indexOf('}', at);
    const nextOpen = formula.indexOf('{', at + 2);
    if (close !== -1 && (nextOpen === -1 || close < nextOpen)) return [at, close + 1];
    let end = at + 2;
    while (end < formula.length && WORD.test(formula[end] ?? '')) end++;
    return [at, end];
  }
  if (WORD.test(char)) {
    let end = at;
    while (end < formula.length && WORD.test(formula[end] ?? '')) end++;
    return [at, end];
  }
  return [at, at + 1];
}

/** The line of a (possibly multi-line) formula holding `position`, and the column of the position on it. */
export function lineAt(formula: string, position: number): { text: string; column: number; line: number } {
  const at = clamp(position, formula.length);
  const start = at === 0 ? 0 : formula.lastIndexOf('\n', at - 1) + 1;
  const newline = formula.indexOf('\n', at);
  const end = newline === -1 ? formula.length : newline;
  const line = formula.slice(0, start).split('\n').length;
  return { text: formula.slice(start, end), column: at - start, line };
}
