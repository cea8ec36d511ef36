import { describe, expect, it } from 'vitest';
import {
  checkFormulas,
  evaluateFormula,
  evaluationOrder,
  type Formula,
  type FormulaLookup,
  parseFormula,
  referencesOf,
} from '../src/modules/indicators/formula.ts';

const parse = (text: string): Formula => {
  const result = parseFormula(text);
  if (!result.ok) throw new Error(`${text}: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.formula;
};

/** Values by `CODE` (total) or `CODE.OPTION` for elements, `I:CODE` for indicators, `C:CODE` for constants. */
const lookupOf = (values: Record<string, number | null>): FormulaLookup => ({
  element: (code, category) => values[category === null ? code : `${code}.${category}`] ?? null,
  indicator: (code) => values[`I:${code}`] ?? null,
  constant: (code) => values[`C:${code}`] ?? null,
});

const evaluate = (text: string, values: Record<string, number | null> = {}) =>
  evaluateFormula(parse(text), lookupOf(values));

const errorsOf = (text: string) => {
  const result = parseFormula(text);
  return result.ok ? [] : result.errors;
};

describe('evaluating formulas', () => {
  it('computes GRDP per head from a hand-worked example', () => {
    // GRDP 99,686 bn VND over 1,317,200 people, × 1e6:
    //   99,686 × 10⁶ = 99,686,000,000;  1,317,200 × 75,680 = 99,685,696,000;  remainder 304,000;
    //   304,000 / 1,317,200 ≈ 0.2308  →  75,680.23 (thousand VND per head, i.e. about 75.7 million VND).
    expect(evaluate('#{GRDP}/#{POP}*1e6', { GRDP: 99_686, POP: 1_317_200 })).toBeCloseTo(75_680.23, 2);
  });

  it('computes revenue against the plan', () => {
    // (18,000 + 4,500) / 25,000 × 100 = 22,500 / 25,000 × 100 = 90.
    const values = { REV_TAX: 18_000, REV_LAND: 4_500, REV_PLAN: 25_000 };
    expect(evaluate('(#{REV_TAX} + #{REV_LAND}) / #{REV_PLAN} * 100', values)).toBe(90);
  });

  it('applies the usual precedence, left to right', () => {
    expect(evaluate('2+3*4')).toBe(14);
    expect(evaluate('(2+3)*4')).toBe(20);
    expect(evaluate('-2*-3')).toBe(6);
    expect(evaluate('10/4/5')).toBe(0.5);
    expect(evaluate('10-4-3')).toBe(3);
    expect(evaluate('2-3*4+1')).toBe(-9);
    expect(evaluate('--2')).toBe(2);
    expect(evaluate('-(2+3)*2')).toBe(-10);
  });

  it('reads every number form', () => {
    expect(evaluate('2.5E-3 * 1e3')).toBe(2.5);
    expect(evaluate('.5 + 1')).toBe(1.5);
    expect(evaluate('1E+2')).toBe(100);
    expect(evaluate('007')).toBe(7);
  });

  it('allows spaces anywhere between tokens and inside the braces', () => {
    expect(evaluate('  ( #{ A } +\t#{B . F} )\n/ 2 ', { A: 3, 'B.F': 5 })).toBe(4);
  });

  it('reads one category option of an element apart from its total', () => {
    // Women 662,000 of 1,317,200: 658,600 is half, the remaining 3,400 is 0.258 % more → 50.258 %.
    const calls: [string, string | null][] = [];
    const lookup: FormulaLookup = {
      element: (code, category) => {
        calls.push([code, category]);
        return category === 'FEMALE' ? 662_000 : 1_317_200;
      },
      indicator: () => null,
      constant: () => null,
    };
    expect(evaluateFormula(parse('#{POP.FEMALE}/#{POP}*100'), lookup)).toBeCloseTo(50.258, 3);
    expect(calls).toEqual([
      ['POP', 'FEMALE'],
      ['POP', null],
    ]);
  });

  it('uses indicators and constants', () => {
    // 1,200 million USD × 25,400 VND/USD = 30,480,000 million VND; / 1,000 = 30,480 bn VND.
    expect(evaluate('I{EXPORT_USD} * C{VND_PER_USD} / 1000', { 'I:EXPORT_USD': 1_200, 'C:VND_PER_USD': 25_400 })).toBe(
      30_480,
    );
  });

  it('has no value when any input has none', () => {
    expect(evaluate('#{A} + #{B}', { A: 1 })).toBeNull();
    expect(evaluate('0 * #{B}', {})).toBeNull();
    expect(evaluate('I{X} + 1')).toBeNull();
    expect(evaluate('C{K} + 1')).toBeNull();
    expect(evaluate('#{POP.FEMALE}', { POP: 10 })).toBeNull();
    expect(evaluate('#{A} + 1', { A: 0 })).toBe(1);
  });

  it('has no value on a division by zero, never Infinity', () => {
    expect(evaluate('#{A}/#{B}', { A: 5, B: 0 })).toBeNull();
    expect(evaluate('1/(#{A}-#{A})', { A: 7 })).toBeNull();
    expect(evaluate('0/0')).toBeNull();
    expect(evaluate('-1/0')).toBeNull();
    expect(evaluate('0/5')).toBe(0);
  });

  it('has no value when a result or an intermediate is not finite', () => {
    expect(evaluate('1e308 * 10')).toBeNull();
    expect(evaluate('1 / (1e308 * 10)')).toBeNull();
    expect(evaluate('#{A} + 1', { A: Number.NaN })).toBeNull();
    expect(evaluate('#{A} + 1', { A: Number.POSITIVE_INFINITY })).toBeNull();
  });
});

describe('references', () => {
  it('lists each reference once, in order of first appearance', () => {
    const f = parse('#{POP.FEMALE} / #{POP} + #{POP.FEMALE} * C{K} + I{X} + C{K} + #{POP} - I{B} + C{A}');
    expect(referencesOf(f)).toEqual({
      elements: [
        { code: 'POP', category: 'FEMALE' },
        { code: 'POP', category: null },
      ],
      indicators: ['X', 'B'],
      constants: ['K', 'A'],
    });
  });

  it('keeps the source text', () => {
    expect(parse(' 1 + #{A} ').text).toBe(' 1 + #{A} ');
    expect(referencesOf(parse('42'))).toEqual({ elements: [], indicators: [], constants: [] });
  });
});

describe('syntax errors', () => {
  it.each([
    ['', 0, 'empty formula'],
    ['  \t ', 0, 'empty formula'],
    ['(1 + 2))', 7, "unexpected ')' at 7"],
    [')', 0, "unexpected ')' at 0"],
    ['#{GRDP', 0, "unclosed '#{' at 0"],
    ['1 + #{GRDP + #{POP}', 4, "unclosed '#{' at 4"],
    ['I{A', 0, "unclosed 'I{' at 0"],
    ['#{A} +', 5, "missing operand after '+' at 5"],
    ['(2+)', 2, "missing operand after '+' at 2"],
    ['2**3', 2, "unexpected '*' at 2"],
    ['*2', 0, "missing operand before '*' at 0"],
    ['+2', 0, "missing operand before '+' at 0"],
    ['10/1e', 3, "invalid number '1e' at 3"],
    ['1e+', 0, "invalid number '1e+' at 0"],
    ['1.317.200', 0, "invalid number '1.317.200' at 0"],
    ['12abc', 0, "invalid number '12abc' at 0"],
    ['1e400', 0, "number out of range '1e400' at 0"],
    ['1,5', 1, "unexpected ',' (the decimal separator is '.') at 1"],
    ['(2+3', 0, "unclosed '(' at 0"],
    ['2*(', 2, "unclosed '(' at 2"],
    ['()', 0, "empty parentheses '()' at 0"],
    ['2 3', 2, "missing operator before '3' at 2"],
    ['#{A}#{B}', 4, "missing operator before '#{B}' at 4"],
    ['2(3)', 1, "missing operator before '(' at 1"],
    ['(1)(2)', 3, "missing operator before '(' at 3"],
    ['2^3', 1, "unexpected '^' at 1"],
    ['2 × 3', 2, "unexpected '×' at 2"],
    ['1 + 😀', 4, "unexpected '😀' at 4"],
    ['GRDP/POP', 0, "unknown name 'GRDP' (a data element is written #{GRDP}) at 0"],
    ['1 + sum', 4, "unknown name 'sum' at 4"],
    ['#{grdp}', 2, "invalid code 'grdp' (upper-case letters, digits and '_') at 2"],
    ['#{POP.female}', 6, "invalid category option 'female' (upper-case letters, digits and '_') at 6"],
    ['#{POP.}', 5, "missing category option after '.' at 5"],
    ['#{POP..F}', 6, "unexpected '.' in reference at 6"],
    ['I{A.B}', 3, "unexpected '.': only data elements '#{…}' have category options at 3"],
    ['#{}', 0, "empty reference '#{}' at 0"],
    ['C{ }', 0, "empty reference 'C{}' at 0"],
    ['#{GR-DP}', 4, "unexpected '-' in reference at 4"],
    ['#{GR DP}', 5, "unexpected 'D' in reference at 5"],
    ['# {A}', 0, "expected '{' after '#' at 0"],
  ])('%j → %s', (text, position, message) => {
    expect(parseFormula(text)).toEqual({ ok: false, errors: [{ position, message }] });
  });

  it('refuses a formula longer than 2,000 characters', () => {
    const exact = `1${'+1'.repeat(999)}`;
    expect(exact.length).toBe(1_999);
    expect(evaluate(`${exact} `)).toBe(1_000);
    expect(errorsOf(`${exact}+1`)).toEqual([
      { position: 2_000, message: 'formula longer than 2000 characters (2001)' },
    ]);
  });

  it('allows 100 levels of nesting and refuses 101, without overflowing the stack', () => {
    expect(evaluate(`${'('.repeat(100)}7${')'.repeat(100)}`)).toBe(7);
    expect(errorsOf(`${'('.repeat(101)}7${')'.repeat(101)}`)).toEqual([
      { position: 100, message: 'nesting deeper than 100 levels at 100' },
    ]);
    expect(evaluate(`${'-'.repeat(100)}7`)).toBe(7);
    expect(errorsOf(`${'-'.repeat(101)}7`)).toEqual([
      { position: 100, message: 'nesting deeper than 100 levels at 100' },
    ]);
    expect(errorsOf('('.repeat(2_000))[0]?.message).toBe('nesting deeper than 100 levels at 100');
  });

  it('never throws, whatever the input', () => {
    // A seeded generator (mulberry32) so that a failure can be replayed.
    let seed = 20_250_701;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const alphabet = [...'#{}IC.AZ09_eE+-*/() \t,x^'];
    const operands = ['#{A}', '#{POP.F}', 'I{B}', 'C{K}', '1e6', '2.5', '0', '7'];
    /** A well-formed formula, so that half the cases get past the parser and into evaluation. */
    const formula = (depth: number): string => {
      const r = random();
      if (depth > 6 || r < 0.35) return pick(operands);
      if (r < 0.45) return `-${formula(depth + 1)}`;
      if (r < 0.55) return `(${formula(depth + 1)})`;
      return `${formula(depth + 1)}${pick([' ', ''])}${pick([...'+-*/'])}${pick([' ', ''])}${formula(depth + 1)}`;
    };
    const lookup = lookupOf({ A: 2, 'POP.F': 3, 'I:B': 0, 'C:K': 5 });
    let parsed = 0;
    let refused = 0;
    for (let n = 0; n < 2_000; n++) {
      let text: string;
      if (n % 2 === 0) {
        // Random characters and tokens; every 50th around the 2,000-character limit.
        const length = n % 50 === 0 ? 1_990 + Math.floor(random() * 20) : Math.floor(random() * 60);
        text = '';
        while (text.length < length) text += random() < 0.5 ? pick(alphabet) : pick(operands);
        text = text.slice(0, length);
      } else {
        // A well-formed formula, in one case out of two with one character replaced, inserted or removed.
        text = formula(0);
        if (random() < 0.5) {
          const at = Math.floor(random() * text.length);
          const cut = pick([0, 1]);
          text = text.slice(0, at) + pick(['', pick(alphabet)]) + text.slice(at + cut);
        }
      }
      const result = parseFormula(text);
      if (result.ok) {
        parsed++;
        const value = evaluateFormula(result.formula, lookup);
        expect(value === null || Number.isFinite(value), text).toBe(true);
      } else {
        refused++;
        expect(result.errors.length, text).toBeGreaterThan(0);
        for (const e of result.errors) {
          expect(e.position, text).toBeGreaterThanOrEqual(0);
          expect(e.position, text).toBeLessThanOrEqual(text.length);
          // Only the two messages about the formula as a whole carry no position.
          if (!/^(empty formula|formula longer than)/.test(e.message)) {
            expect(e.message.endsWith(` at ${e.position}`), text).toBe(true);
          }
        }
      }
    }
    // Both paths were exercised, or the test proves nothing.
    expect(parsed).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  });
});

describe('checking a catalogue before saving', () => {
  const known = {
    elements: new Set(['GRDP', 'POP', 'REV_TAX', 'REV_PLAN']),
    constants: new Set(['VND_PER_USD']),
  };

  it('accepts a sound catalogue, category options unchecked', () => {
    const catalogue = [
      { code: 'GRDP_PC', formula: '#{GRDP}/#{POP}*1e6' },
      { code: 'FEMALE_SHARE', formula: '#{POP.ANY_OPTION}/#{POP}*100' },
      { code: 'GRDP_PC_USD', formula: 'I{GRDP_PC} * 1000 / C{VND_PER_USD}' },
    ];
    expect(checkFormulas(catalogue, known)).toEqual(new Map());
  });

  it('names unknown codes at their first use, once each', () => {
    const problems = checkFormulas(
      [
        { code: 'OK', formula: '#{GRDP}' },
        { code: 'BAD', formula: '10/#{POPX} + #{POPX.F} + C{VND_PER_EUR} + I{NOPE} + #{GRDP}' },
      ],
      known,
    );
    expect([...problems.keys()]).toEqual(['BAD']);
    expect(problems.get('BAD')).toEqual([
      { position: 3, message: "unknown data element 'POPX' at 3" },
      { position: 25, message: "unknown constant 'VND_PER_EUR' at 25" },
      { position: 42, message: "unknown indicator 'NOPE' at 42" },
    ]);
  });

  it('reports syntax errors', () => {
    expect(checkFormulas([{ code: 'X', formula: '#{GRDP} +' }], known)).toEqual(
      new Map([['X', [{ position: 8, message: "missing operand after '+' at 8" }]]]),
    );
  });

  it('refuses a cycle, naming it from each indicator on it', () => {
    const problems = checkFormulas(
      [
        { code: 'A', formula: 'I{B} + 1' },
        { code: 'B', formula: '2 * I{A}' },
        { code: 'USES_A', formula: 'I{A} * 2' },
        { code: 'FINE', formula: '#{GRDP}' },
      ],
      known,
    );
    expect(problems).toEqual(
      new Map([
        ['A', [{ position: 0, message: 'cycle: A → B → A at 0' }]],
        ['B', [{ position: 4, message: 'cycle: B → A → B at 4' }]],
      ]),
    );
  });

  it('refuses an indicator that uses itself', () => {
    expect(checkFormulas([{ code: 'S', formula: '#{POP} + I{S}' }], known)).toEqual(
      new Map([['S', [{ position: 9, message: 'cycle: S → S at 9' }]]]),
    );
  });

  it('names the whole of a longer cycle, and each of two cycles sharing an indicator', () => {
    const problems = checkFormulas(
      [
        { code: 'P', formula: 'I{Q}' },
        { code: 'Q', formula: 'I{R} + I{P}' },
        { code: 'R', formula: 'I{P}' },
      ],
      known,
    );
    // Q closes the short cycle Q → P → Q as well as the long one; each indicator names its shortest.
    expect(problems.get('P')?.map((e) => e.message)).toEqual(['cycle: P → Q → P at 0']);
    expect(problems.get('Q')?.map((e) => e.message)).toEqual(['cycle: Q → P → Q at 7']);
    expect(problems.get('R')?.map((e) => e.message)).toEqual(['cycle: R → P → Q → R at 0']);
  });

  it('refuses a code defined twice', () => {
    const problems = checkFormulas(
      [
        { code: 'A', formula: '1' },
        { code: 'A', formula: '2' },
      ],
      known,
    );
    expect(problems.get('A')).toEqual([{ position: 0, message: "indicator 'A' is defined more than once at 0" }]);
  });
});

describe('evaluation order', () => {
  const catalogue = [
    { code: 'GAP', formula: 'I{PLAN_PCT} - 100' },
    { code: 'PLAN_PCT', formula: 'I{REV} / #{REV_PLAN} * 100' },
    { code: 'REV', formula: '#{REV_TAX} + #{REV_LAND}' },
    { code: 'ALONE', formula: '1' },
    { code: 'BOTH', formula: 'I{REV} + I{GAP}' },
  ];

  it('puts each indicator after the ones it uses', () => {
    expect(evaluationOrder(catalogue)).toEqual(['REV', 'PLAN_PCT', 'GAP', 'ALONE', 'BOTH']);
  });

  it('lets a batch compute in that order', () => {
    // REV = 18,000 + 4,500 = 22,500; PLAN_PCT = 22,500 / 25,000 × 100 = 90; GAP = -10; BOTH = 22,490.
    const elements: Record<string, number> = { REV_TAX: 18_000, REV_LAND: 4_500, REV_PLAN: 25_000 };
    const computed = new Map<string, number | null>();
    for (const code of evaluationOrder(catalogue)) {
      const formula = parse(catalogue.find((c) => c.code === code)!.formula);
      computed.set(
        code,
        evaluateFormula(formula, {
          element: (c) => elements[c] ?? null,
          indicator: (c) => computed.get(c) ?? null,
          constant: () => null,
        }),
      );
    }
    expect(Object.fromEntries(computed)).toEqual({ REV: 22_500, PLAN_PCT: 90, GAP: -10, ALONE: 1, BOTH: 22_490 });
  });

  it('throws on a cycle', () => {
    expect(() =>
      evaluationOrder([
        { code: 'A', formula: 'I{B}' },
        { code: 'B', formula: 'I{A}' },
      ]),
    ).toThrow('cycle: A → B → A');
    expect(() => evaluationOrder([{ code: 'S', formula: 'I{S}' }])).toThrow('cycle: S → S');
  });

  it('still orders around an unparseable formula and ignores indicators outside the batch', () => {
    expect(
      evaluationOrder([
        { code: 'X', formula: 'I{ELSEWHERE} + I{BROKEN}' },
        { code: 'BROKEN', formula: '1 +' },
      ]),
    ).toEqual(['BROKEN', 'X']);
  });
});
