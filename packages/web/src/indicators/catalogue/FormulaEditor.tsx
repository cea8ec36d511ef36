import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { optionName } from '../data/categoryOptions.ts';
import {
  type FormulaProblem,
  insertAtCursor,
  lineAt,
  problemRange,
  type ReferenceKind,
  referenceText,
} from './formula.ts';
import { describeFormulaProblem } from './formulaMessages.ts';

/** Something a formula can name: a data element (with its category options), an indicator or a constant. */
export interface Referable {
  code: string;
  label: string;
  options?: readonly string[];
}

/** The formula the server refused and what it found wrong, positions counted in that text. */
export interface Refusal {
  formula: string;
  problems: FormulaProblem[];
}

interface FormulaEditorProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** The last refusal of this formula by the server, to mark its place; null when there is none. */
  refusal: Refusal | null;
  elements: readonly Referable[];
  indicators?: readonly Referable[];
  constants?: readonly Referable[];
  hint?: string;
  /** A required-field or length message found before sending. */
  error?: string | undefined;
  testId?: string;
  errorTestId?: string;
}

/**
 * A textarea for a formula with pickers that insert `#{ELEMENT}`, `#{ELEMENT.OPTION}`, `I{INDICATOR}` and `C{CONSTANT}`
 * where the caret is; when the server refuses the formula it says why and points at the place, under the text and by
 * selecting it in the textarea.
 */
export function FormulaEditor({
  label,
  value,
  onChange,
  refusal,
  elements,
  indicators,
  constants,
  hint,
  error,
  testId = 'formula-input',
  errorTestId = 'formula-error',
}: FormulaEditorProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const problems = refusal?.problems ?? [];
  const invalid = problems.length > 0 || Boolean(error);

  const insert = (reference: string) => {
    const input = textarea.current;
    const start = input?.selectionStart ?? value.length;
    const end = input?.selectionEnd ?? value.length;
    const next = insertAtCursor(value, start, end, reference);
    pendingCaret.current = next.caret;
    onChange(next.text);
  };

  // The caret goes after the inserted reference once React has put the new text in the textarea.
  useEffect(() => {
    const caret = pendingCaret.current;
    const input = textarea.current;
    if (caret === null || !input || input.value !== value) return;
    pendingCaret.current = null;
    input.focus();
    input.setSelectionRange(caret, caret);
  }, [value]);

  // A new refusal selects the first problem in the text, so the place is visible where the user types.
  useEffect(() => {
    const input = textarea.current;
    const first = refusal?.problems[0];
    if (!input || !first || input.value !== refusal.formula) return;
    const [from, to] = problemRange(refusal.formula, first.position);
    input.focus();
    input.setSelectionRange(from, Math.max(to, from));
  }, [refusal]);

  const describedBy = [`${id}-hint`, problems.length > 0 ? `${id}-problems` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');

  return (
    <div className={invalid ? 'field formula-field field-invalid' : 'field formula-field'}>
      <label htmlFor={id}>{label}</label>
      <fieldset className="formula-pickers">
        <legend className="visually-hidden">{t('catalogue.formula.insert')}</legend>
        <ReferencePicker kind="element" items={elements} onInsert={insert} />
        {indicators && <ReferencePicker kind="indicator" items={indicators} onInsert={insert} />}
        {constants && <ReferencePicker kind="constant" items={constants} onInsert={insert} />}
      </fieldset>
      <textarea
        ref={textarea}
        id={id}
        className="formula-input"
        value={value}
        rows={3}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        data-testid={testId}
      />
      <small id={`${id}-hint`} className="field-hint">
        {hint ?? t('catalogue.formula.hint')}
      </small>
      {error && (
        <small id={`${id}-error`} className="field-error" role="alert">
          {error}
        </small>
      )}
      {refusal && problems.length > 0 && (
        <div id={`${id}-problems`} className="formula-error" role="alert" data-testid={errorTestId}>
          <ul>
            {problems.map((problem) => {
              const where = lineAt(refusal.formula, problem.position);
              return (
                <li key={`${problem.position}-${problem.message}`}>
                  <strong>
                    {where.line > 1
                      ? t('catalogue.formula.atLine', { line: where.line, column: where.column + 1 })
                      : t('catalogue.formula.at', { column: where.column + 1 })}
                  </strong>{' '}
                  {describeFormulaProblem(problem, t, lang)}
                </li>
              );
            })}
          </ul>
          <CaretLines formula={refusal.formula} problems={problems} />
          {refusal.formula !== value && <p className="muted small">{t('catalogue.formula.edited')}</p>}
        </div>
      )}
    </div>
  );
}

/** The refused line with `^~~~` under each problem on it, as a compiler prints it. */
function CaretLines({ formula, problems }: { formula: string; problems: readonly FormulaProblem[] }) {
  const first = problems[0];
  if (!first) return null;
  const line = lineAt(formula, first.position);
  const lineStart = first.position - line.column;
  const marks = Array.from({ length: line.text.length + 1 }, () => ' ');
  for (const problem of problems) {
    const [from, to] = problemRange(formula, problem.position);
    if (from < lineStart || from > lineStart + line.text.length) continue;
    const column = from - lineStart;
    const width = Math.max(1, Math.min(to, lineStart + line.text.length) - from);
    for (let i = 0; i < width; i++) marks[column + i] = i === 0 ? '^' : '~';
  }
  const [from, to] = problemRange(formula, first.position);
  const before = line.text.slice(0, from - lineStart);
  const marked = line.text.slice(from - lineStart, to - lineStart);
  const after = line.text.slice(to - lineStart);
  return (
    <pre className="formula-caret" data-testid="formula-caret">
      <code>
        {before}
        {marked ? <mark>{marked}</mark> : null}
        {after}
        {'\n'}
        <span className="formula-caret-marks">{marks.join('').trimEnd()}</span>
      </code>
    </pre>
  );
}

const PICKER_LABEL = {
  element: 'catalogue.formula.pickElement',
  indicator: 'catalogue.formula.pickIndicator',
  constant: 'catalogue.formula.pickConstant',
} as const;

/** A list to choose from and a button that inserts: a select alone would insert on every arrow key press. */
function ReferencePicker({
  kind,
  items,
  onInsert,
}: {
  kind: ReferenceKind;
  items: readonly Referable[];
  onInsert(reference: string): void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const [choice, setChoice] = useState('');
  const options = useMemo(
    () =>
      items.flatMap((item) => [
        { value: referenceText(kind, item.code), label: `${item.code} — ${item.label}` },
        ...(item.options ?? []).map((option) => ({
          value: referenceText(kind, item.code, option),
          label: `\u00a0\u00a0\u21b3 ${item.code}.${option} — ${optionName(option, lang)}`,
        })),
      ]),
    [items, kind, lang],
  );
  return (
    <div className="formula-picker">
      <label htmlFor={id}>{t(PICKER_LABEL[kind])}</label>
      <div className="formula-picker-row">
        <select
          id={id}
          value={choice}
          onChange={(event) => setChoice(event.target.value)}
          data-testid={`formula-pick-${kind}`}
        >
          <option value="">{t('common.choose')}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-small"
          disabled={!choice}
          onClick={() => onInsert(choice)}
          aria-label={t('catalogue.formula.insertOne', { what: t(PICKER_LABEL[kind]) })}
          data-testid={`formula-insert-${kind}`}
        >
          {t('catalogue.formula.insertButton')}
        </button>
      </div>
    </div>
  );
}
