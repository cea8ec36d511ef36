import type { Lang, MessageKey, MessageValues, Translate } from '../../i18n/index.tsx';
import type { FormulaProblem } from './formula.ts';

type Pattern = [RegExp, MessageKey, (match: RegExpExecArray) => MessageValues];

const none = () => ({});
const text = (match: RegExpExecArray) => ({ text: match[1] ?? '' });
const code = (match: RegExpExecArray) => ({ code: match[1] ?? '' });
// The limit is counted in the sentence (`1 level`, `2 levels`): a number, not the matched text.
const limit = (match: RegExpExecArray) => ({ limit: Number(match[1] ?? 0) });

/** The server's formula messages (`formula.ts`, `formula-lexer.ts` on the server), most specific first. */
const PATTERNS: Pattern[] = [
  [/^unknown data element '(.+)'$/, 'catalogue.formula.unknownElement', code],
  [/^unknown indicator '(.+)'$/, 'catalogue.formula.unknownIndicator', code],
  [/^unknown constant '(.+)'$/, 'catalogue.formula.unknownConstant', code],
  [/^cycle: (.+)$/, 'catalogue.formula.cycle', (match) => ({ path: match[1] ?? '' })],
  [/^unclosed '\('$/, 'catalogue.formula.unclosedParen', none],
  [/^unclosed '(.)\{'$/, 'catalogue.formula.unclosedReference', (match) => ({ text: `${match[1] ?? ''}{` })],
  [/^unexpected ',' \(the decimal separator is '\.'\)$/, 'catalogue.formula.decimalComma', none],
  [/^unexpected '\.': only data elements/, 'catalogue.formula.optionOnlyElements', none],
  [/^unexpected '(.+)' in reference$/, 'catalogue.formula.unexpectedInReference', text],
  [/^unexpected '(.+)'$/, 'catalogue.formula.unexpected', text],
  [/^missing operand after '(.+)'$/, 'catalogue.formula.missingOperandAfter', text],
  [/^missing operand before '(.+)'$/, 'catalogue.formula.missingOperandBefore', text],
  [/^missing operator before '(.+)'$/, 'catalogue.formula.missingOperator', text],
  [/^empty parentheses/, 'catalogue.formula.emptyParens', none],
  [/^invalid number '(.+)'$/, 'catalogue.formula.invalidNumber', text],
  [/^number out of range '(.+)'$/, 'catalogue.formula.numberRange', text],
  [/^invalid (?:code|category option) '(.*)'/, 'catalogue.formula.invalidCode', code],
  [/^empty reference '(.+)'$/, 'catalogue.formula.emptyReference', text],
  [/^missing category option after '\.'$/, 'catalogue.formula.missingOption', none],
  [/^unknown name '(.+)' \(a data element is written/, 'catalogue.formula.bareElement', code],
  [/^unknown name '(.+)'$/, 'catalogue.formula.unknownName', text],
  [/^nesting deeper than (\d+) levels$/, 'catalogue.formula.tooDeep', limit],
  [/^formula longer than (\d+) characters/, 'catalogue.formula.tooLong', limit],
  [/^empty formula$/, 'catalogue.formula.empty', none],
  [/^expected '\{' after '#'$/, 'catalogue.formula.expectedBrace', none],
];

/**
 * One formula problem in the user's language. A message we do not know keeps the server's English in English and
 * becomes a general sentence in Vietnamese (never an English sentence there); the editor marks the place either way.
 */
export function describeFormulaProblem(problem: FormulaProblem, t: Translate, lang: Lang): string {
  for (const [pattern, key, params] of PATTERNS) {
    const match = pattern.exec(problem.message);
    if (match) return t(key, params(match));
  }
  return lang === 'en' && problem.message ? problem.message : t('catalogue.formula.invalid');
}
