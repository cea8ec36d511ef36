/**
 * Tokenizer for indicator formulas (grammar in `formula.ts`). It stops at the first problem: a formula is a line or
 * two, and errors found after a broken token are mostly echoes of it.
 */

/** A problem in a formula; `position` is a 0-based UTF-16 index into the formula text. */
export interface FormulaError {
  position: number;
  message: string;
}

export type BinaryOperator = '+' | '-' | '*' | '/';

interface TokenBase {
  position: number;
  /** The token as written, for messages. */
  text: string;
}

export type Token =
  | (TokenBase & { kind: 'number'; value: number })
  | (TokenBase & { kind: 'element'; code: string; category: string | null })
  | (TokenBase & { kind: 'indicator' | 'constant'; code: string })
  // A bare word: never valid today, but it is where function names (SUM, IF) will come in.
  | (TokenBase & { kind: 'name' })
  | (TokenBase & { kind: 'operator'; operator: BinaryOperator })
  | (TokenBase & { kind: '(' | ')' })
  | (TokenBase & { kind: 'end' });

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: FormulaError };

const CODE = /^[A-Z0-9_]+$/;
const REFERENCE_KINDS = { '#': 'element', I: 'indicator', C: 'constant' } as const;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
/** The whole character at `i`, so an emoji or other astral character is quoted intact. */
const charAt = (text: string, i: number) => String.fromCodePoint(text.codePointAt(i) ?? 0);

class LexError extends Error {
  constructor(readonly error: FormulaError) {
    super(error.message);
  }
}

function fail(position: number, message: string): never {
  throw new LexError({ position, message: `${message} at ${position}` });
}

export function tokenize(text: string): LexResult {
  const tokens: Token[] = [];
  try {
    let i = 0;
    while (i < text.length) {
      const c = text[i]!;
      if (isSpace(c)) {
        i++;
      } else if (c === '+' || c === '-' || c === '*' || c === '/') {
        tokens.push({ kind: 'operator', operator: c, position: i, text: c });
        i++;
      } else if (c === '(' || c === ')') {
        tokens.push({ kind: c, position: i, text: c });
        i++;
      } else if ((c === '#' || c === 'I' || c === 'C') && text[i + 1] === '{') {
        const token = readReference(text, i, c);
        tokens.push(token);
        i += token.text.length;
      } else if (c === '#') {
        fail(i, "expected '{' after '#'");
      } else if (isDigit(c) || (c === '.' && isDigit(text[i + 1]))) {
        const token = readNumber(text, i);
        tokens.push(token);
        i += token.text.length;
      } else if (isWordChar(c)) {
        let end = i;
        while (isWordChar(text[end])) end++;
        tokens.push({ kind: 'name', position: i, text: text.slice(i, end) });
        i = end;
      } else if (c === ',' && isDigit(text[i - 1]) && isDigit(text[i + 1])) {
        // Vietnamese writes 1,5 for 1.5: say so rather than leave the user puzzled.
        fail(i, "unexpected ',' (the decimal separator is '.')");
      } else {
        fail(i, `unexpected '${charAt(text, i)}'`);
      }
    }
    tokens.push({ kind: 'end', position: text.length, text: '' });
    return { ok: true, tokens };
  } catch (e) {
    if (e instanceof LexError) return { ok: false, error: e.error };
    throw e;
  }
}

/** `1`, `2.5`, `.5`, `1e6`, `2.5E-3`; anything glued to it (`1.2.3`, `12abc`, `1e`) makes the whole run invalid. */
function readNumber(text: string, start: number): Token {
  let i = start;
  while (isDigit(text[i])) i++;
  if (text[i] === '.') {
    i++;
    while (isDigit(text[i])) i++;
  }
  let valid = true;
  if (text[i] === 'e' || text[i] === 'E') {
    i++;
    if (text[i] === '+' || text[i] === '-') i++;
    if (!isDigit(text[i])) valid = false;
    while (isDigit(text[i])) i++;
  }
  while (isWordChar(text[i]) || text[i] === '.') {
    valid = false;
    i++;
  }
  const written = text.slice(start, i);
  if (!valid) fail(start, `invalid number '${written}'`);
  const value = Number(written);
  if (!Number.isFinite(value)) fail(start, `number out of range '${written}'`);
  return { kind: 'number', value, position: start, text: written };
}

/**
 * `#{CODE}`, `#{CODE.OPTION}`, `I{CODE}`, `C{CODE}`. Spaces around the code and the option are allowed, as everywhere
 * else. A reference runs to its `}`; reaching the end or another `{` first means it was never closed.
 */
function readReference(text: string, start: number, prefix: keyof typeof REFERENCE_KINDS): Token {
  const kind = REFERENCE_KINDS[prefix];
  const close = text.indexOf('}', start + 2);
  const nextOpen = text.indexOf('{', start + 2);
  if (close === -1 || (nextOpen !== -1 && nextOpen < close)) fail(start, `unclosed '${prefix}{'`);

  let i = start + 2;
  const skipSpaces = () => {
    while (i < close && isSpace(text[i])) i++;
  };
  const readCode = (what: string): string => {
    skipSpaces();
    const from = i;
    while (i < close && isWordChar(text[i])) i++;
    const code = text.slice(from, i);
    if (code === '' && i < close) fail(i, `unexpected '${charAt(text, i)}' in reference`);
    if (!CODE.test(code) && code !== '') fail(from, `invalid ${what} '${code}' (upper-case letters, digits and '_')`);
    skipSpaces();
    return code;
  };

  const code = readCode('code');
  if (code === '') fail(start, `empty reference '${prefix}{}'`);
  let category: string | null = null;
  if (text[i] === '.') {
    if (kind !== 'element') fail(i, "unexpected '.': only data elements '#{…}' have category options");
    const dot = i;
    i++;
    category = readCode('category option');
    if (category === '') fail(dot, "missing category option after '.'");
  }
  if (i < close) fail(i, `unexpected '${charAt(text, i)}' in reference`);

  const written = text.slice(start, close + 1);
  return kind === 'element'
    ? { kind, code, category, position: start, text: written }
    : { kind, code, position: start, text: written };
}
