/**
 * Indicator formulas, DHIS2-style: an indicator is computed from stored data, never typed in.
 *
 *   formula    = expression END
 *   expression = term { ("+" | "-") term }            left-associative
 *   term       = unary { ("*" | "/") unary }          left-associative, binds tighter than + -
 *   unary      = "-" unary | primary
 *   primary    = NUMBER | reference | "(" expression ")"
 *   reference  = "#{" CODE [ "." OPTION ] "}"         a data element, or one category option of it (#{POP.FEMALE})
 *              | "I{" CODE "}"                        another indicator
 *              | "C{" CODE "}"                        a named constant (C{VND_PER_USD})
 *   CODE, OPTION = [A-Z0-9_]+
 *   NUMBER     = 12 | 2.5 | .5 | 1e6 | 2.5E-3
 *
 * Spaces are allowed between tokens and inside the braces around a code. At most 2,000 characters and 100 levels of
 * parentheses and unary minus, so a hostile formula gets an error, not a stack overflow.
 *
 * Division by zero, a missing value or a non-finite result is "no value" (null), never an exception or Infinity: a
 * commune that reported no population has no GRDP per head, not an infinite one.
 */
import { type BinaryOperator, type FormulaError, type Token, tokenize } from './formula-lexer.ts';

export type { FormulaError } from './formula-lexer.ts';

/**
 * Every node carries the position of its first character (of the operator for `binary`), for error messages.
 * Functions will be one more kind, `{ kind: 'call'; name; args: FormulaNode[] }`: a bare name is already a token,
 * and the switches below are exhaustive, so the compiler lists every place that must learn it.
 */
export type FormulaNode =
  | { readonly kind: 'number'; readonly value: number; readonly position: number }
  | { readonly kind: 'element'; readonly code: string; readonly category: string | null; readonly position: number }
  | { readonly kind: 'indicator'; readonly code: string; readonly position: number }
  | { readonly kind: 'constant'; readonly code: string; readonly position: number }
  | { readonly kind: 'negate'; readonly operand: FormulaNode; readonly position: number }
  | {
      readonly kind: 'binary';
      readonly operator: BinaryOperator;
      readonly left: FormulaNode;
      readonly right: FormulaNode;
      readonly position: number;
    };

export interface Formula {
  readonly text: string;
  readonly root: FormulaNode;
}

export interface FormulaReferences {
  elements: { code: string; category: string | null }[];
  indicators: string[];
  constants: string[];
}

export interface FormulaLookup {
  element(code: string, category: string | null): number | null;
  indicator(code: string): number | null;
  constant(code: string): number | null;
}

export type ParseResult = { ok: true; formula: Formula } | { ok: false; errors: FormulaError[] };

const MAX_LENGTH = 2_000;
const MAX_DEPTH = 100;

class SyntaxFailure extends Error {
  constructor(readonly error: FormulaError) {
    super(error.message);
  }
}

function fail(position: number, message: string): never {
  throw new SyntaxFailure({ position, message: `${message} at ${position}` });
}

export function parseFormula(text: string): ParseResult {
  if (text.length > MAX_LENGTH) {
    return {
      ok: false,
      errors: [{ position: MAX_LENGTH, message: `formula longer than ${MAX_LENGTH} characters (${text.length})` }],
    };
  }
  const lexed = tokenize(text);
  if (!lexed.ok) return { ok: false, errors: [lexed.error] };
  if (lexed.tokens.length === 1) return { ok: false, errors: [{ position: 0, message: 'empty formula' }] };
  try {
    return { ok: true, formula: { text, root: new Parser(lexed.tokens).formula() } };
  } catch (e) {
    if (e instanceof SyntaxFailure) return { ok: false, errors: [e.error] };
    throw e;
  }
}

/** Recursive descent over the grammar above; stops at the first error. */
class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  formula(): FormulaNode {
    const root = this.expression(0);
    const next = this.peek();
    if (next.kind !== 'end') this.unexpectedAfterOperand(next);
    return root;
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private expression(depth: number): FormulaNode {
    let left = this.term(depth);
    for (let t = this.peek(); t.kind === 'operator' && (t.operator === '+' || t.operator === '-'); t = this.peek()) {
      this.index++;
      left = { kind: 'binary', operator: t.operator, left, right: this.term(depth), position: t.position };
    }
    return left;
  }

  private term(depth: number): FormulaNode {
    let left = this.unary(depth);
    for (let t = this.peek(); t.kind === 'operator' && (t.operator === '*' || t.operator === '/'); t = this.peek()) {
      this.index++;
      left = { kind: 'binary', operator: t.operator, left, right: this.unary(depth), position: t.position };
    }
    return left;
  }

  private unary(depth: number): FormulaNode {
    const t = this.peek();
    if (t.kind === 'operator' && t.operator === '-') {
      this.nest(depth, t);
      this.index++;
      return { kind: 'negate', operand: this.unary(depth + 1), position: t.position };
    }
    return this.primary(depth);
  }

  private primary(depth: number): FormulaNode {
    const t = this.peek();
    const previous = this.tokens[this.index - 1];
    switch (t.kind) {
      case 'number':
        this.index++;
        return { kind: 'number', value: t.value, position: t.position };
      case 'element':
        this.index++;
        return { kind: 'element', code: t.code, category: t.category, position: t.position };
      case 'indicator':
      case 'constant':
        this.index++;
        return { kind: t.kind, code: t.code, position: t.position };
      case '(': {
        this.nest(depth, t);
        this.index++;
        const inner = this.expression(depth + 1);
        const close = this.peek();
        if (close.kind === 'end') fail(t.position, "unclosed '('");
        if (close.kind !== ')') this.unexpectedAfterOperand(close);
        this.index++;
        return inner;
      }
      case 'name':
        return fail(
          t.position,
          /^[A-Z0-9_]+$/.test(t.text)
            ? `unknown name '${t.text}' (a data element is written #{${t.text}})`
            : `unknown name '${t.text}'`,
        );
      case ')':
      case 'operator':
      case 'end':
        return this.missingOperand(t, previous);
    }
  }

  /** An operand was expected at `t`: say what is missing relative to what came before. */
  private missingOperand(t: Token, previous: Token | undefined): never {
    if (previous?.kind === 'operator') {
      if (t.kind === 'operator') fail(t.position, `unexpected '${t.text}'`);
      fail(previous.position, `missing operand after '${previous.text}'`);
    }
    if (previous?.kind === '(') {
      if (t.kind === ')') fail(previous.position, "empty parentheses '()'");
      if (t.kind === 'end') fail(previous.position, "unclosed '('");
      fail(t.position, `unexpected '${t.text}'`);
    }
    if (t.kind === 'operator') fail(t.position, `missing operand before '${t.text}'`);
    fail(t.position, `unexpected '${t.text}'`);
  }

  /** A complete operand was followed by something that is neither an operator nor where it may end. */
  private unexpectedAfterOperand(t: Token): never {
    if (t.kind === ')') fail(t.position, "unexpected ')'");
    fail(t.position, `missing operator before '${t.text}'`);
  }

  private nest(depth: number, t: Token): void {
    if (depth >= MAX_DEPTH) fail(t.position, `nesting deeper than ${MAX_DEPTH} levels`);
  }
}

type ReferenceNode = Extract<FormulaNode, { kind: 'element' | 'indicator' | 'constant' }>;

/** Every reference in the order written, repeats included. */
function referenceNodes(formula: Formula): ReferenceNode[] {
  const found: ReferenceNode[] = [];
  const stack: FormulaNode[] = [formula.root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'element' || node.kind === 'indicator' || node.kind === 'constant') found.push(node);
    else stack.push(...operandsOf(node).toReversed());
  }
  return found;
}

/** The sub-formulas of a node, left to right. */
function operandsOf(node: FormulaNode): readonly FormulaNode[] {
  switch (node.kind) {
    case 'number':
    case 'element':
    case 'indicator':
    case 'constant':
      return [];
    case 'negate':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
  }
}

export function referencesOf(formula: Formula): FormulaReferences {
  const refs: FormulaReferences = { elements: [], indicators: [], constants: [] };
  const seen = new Set<string>();
  for (const node of referenceNodes(formula)) {
    // Codes never contain '.' or ':', so these keys cannot collide.
    const key = node.kind === 'element' ? `e:${node.code}.${node.category ?? ''}` : `${node.kind}:${node.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (node.kind === 'element') refs.elements.push({ code: node.code, category: node.category });
    else if (node.kind === 'indicator') refs.indicators.push(node.code);
    else refs.constants.push(node.code);
  }
  return refs;
}

/** The value, or null for "no value": a missing input, a division by zero, or an overflow anywhere along the way. */
export function evaluateFormula(formula: Formula, lookup: FormulaLookup): number | null {
  return evaluate(formula.root, lookup);
}

function evaluate(node: FormulaNode, lookup: FormulaLookup): number | null {
  const value = compute(node, lookup);
  // A non-finite input or intermediate counts as no value too, so 1/(1e308*10) is null rather than 0.
  return value !== null && Number.isFinite(value) ? value : null;
}

function compute(node: FormulaNode, lookup: FormulaLookup): number | null {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'element':
      return lookup.element(node.code, node.category);
    case 'indicator':
      return lookup.indicator(node.code);
    case 'constant':
      return lookup.constant(node.code);
    case 'negate': {
      const operand = evaluate(node.operand, lookup);
      return operand === null ? null : -operand;
    }
    case 'binary': {
      const left = evaluate(node.left, lookup);
      if (left === null) return null;
      const right = evaluate(node.right, lookup);
      if (right === null) return null;
      if (node.operator === '+') return left + right;
      if (node.operator === '-') return left - right;
      if (node.operator === '*') return left * right;
      return right === 0 ? null : left / right;
    }
  }
}

type Catalogue = readonly { code: string; formula: string }[];

/**
 * The problems that must stop an indicator from being saved, per indicator code: syntax, unknown data elements
 * (category options are checked against the element elsewhere), unknown constants, unknown indicators, and cycles.
 * Each unknown code is reported once, at its first use.
 */
export function checkFormulas(
  catalogue: Catalogue,
  known: {
    elements: ReadonlySet<string>;
    constants: ReadonlySet<string>;
    /** Each element's category options, when known: `#{POP.XYZ}` is refused if POP has no option XYZ. */
    options?: ReadonlyMap<string, ReadonlySet<string>>;
  },
): Map<string, FormulaError[]> {
  const problems = new Map<string, FormulaError[]>();
  const report = (code: string, position: number, message: string) => {
    const list = problems.get(code) ?? [];
    list.push({ position, message: `${message} at ${position}` });
    problems.set(code, list);
  };

  const codes = new Set<string>();
  for (const { code } of catalogue) {
    if (codes.has(code)) report(code, 0, `indicator '${code}' is defined more than once`);
    codes.add(code);
  }

  const parsed = new Map<string, Formula>();
  for (const { code, formula } of catalogue) {
    const result = parseFormula(formula);
    if (!result.ok) {
      problems.set(code, [...(problems.get(code) ?? []), ...result.errors]);
      continue;
    }
    parsed.set(code, result.formula);
    const reported = new Set<string>();
    for (const node of referenceNodes(result.formula)) {
      const key = `${node.kind}:${node.code}`;
      const isKnown =
        node.kind === 'element'
          ? known.elements.has(node.code)
          : node.kind === 'constant'
            ? known.constants.has(node.code)
            : codes.has(node.code);
      if (isKnown && node.kind === 'element' && node.category !== null && known.options) {
        const optionKey = `option:${node.code}.${node.category}`;
        if (!known.options.get(node.code)?.has(node.category) && !reported.has(optionKey)) {
          reported.add(optionKey);
          report(code, node.position, `'${node.category}' is not an option of data element '${node.code}'`);
        }
      }
      if (isKnown || reported.has(key)) continue;
      reported.add(key);
      const what = node.kind === 'element' ? 'data element' : node.kind;
      report(code, node.position, `unknown ${what} '${node.code}'`);
    }
  }

  const graph = dependencyGraph(parsed, codes);
  for (const [code, formula] of parsed) {
    const cycle = shortestCycle(graph, code);
    if (!cycle) continue;
    const use = referenceNodes(formula).find((n) => n.kind === 'indicator' && n.code === cycle[1])!;
    report(code, use.position, `cycle: ${cycle.join(' → ')}`);
  }

  for (const list of problems.values()) list.sort((a, b) => a.position - b.position);
  return problems;
}

/**
 * Indicator codes so that each comes after the indicators it uses, otherwise in catalogue order. An unparseable
 * formula is kept, with no dependencies (it will have no value); references to indicators outside the catalogue are
 * the lookup's business. A cycle makes an order impossible and throws.
 */
export function evaluationOrder(catalogue: Catalogue): string[] {
  const parsed = new Map<string, Formula>();
  const unparsed: string[] = [];
  for (const { code, formula } of catalogue) {
    const result = parseFormula(formula);
    if (result.ok) parsed.set(code, result.formula);
    else unparsed.push(code);
  }
  const graph = dependencyGraph(parsed, new Set(catalogue.map((c) => c.code)));
  for (const code of unparsed) graph.set(code, []);

  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (code: string) => {
    const s = state.get(code);
    if (s === 'done') return;
    if (s === 'visiting') throw new Error(`cycle: ${[...path.slice(path.indexOf(code)), code].join(' → ')}`);
    state.set(code, 'visiting');
    path.push(code);
    for (const dependency of graph.get(code) ?? []) visit(dependency);
    path.pop();
    state.set(code, 'done');
    order.push(code);
  };
  for (const { code } of catalogue) visit(code);
  return order;
}

/** For each parsed indicator, the catalogue indicators it uses, in order of first use. */
function dependencyGraph(parsed: ReadonlyMap<string, Formula>, codes: ReadonlySet<string>): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const [code, formula] of parsed) {
    graph.set(
      code,
      referencesOf(formula).indicators.filter((c) => codes.has(c)),
    );
  }
  return graph;
}

/**
 * The shortest cycle from `start` back to itself (`A → B → A`), or null when `start` is on no cycle. A breadth-first
 * search from each indicator costs O(n·e), nothing for a catalogue of a few hundred indicators, and names the cycle
 * from the indicator being saved.
 */
function shortestCycle(graph: ReadonlyMap<string, readonly string[]>, start: string): string[] | null {
  const parent = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (const w of graph.get(v) ?? []) {
      if (w === start) {
        const backwards: string[] = [];
        for (let u = v; u !== start; u = parent.get(u)!) backwards.push(u);
        return [start, ...backwards.reverse(), start];
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  return null;
}
