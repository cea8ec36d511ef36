import { type KeyboardEvent, useId, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { optionName } from '../data/categoryOptions.ts';
import { CODE_PATTERN } from './catalogue.ts';

interface CategoriesFieldProps {
  value: readonly string[];
  onChange(value: string[]): void;
  error?: string | undefined;
}

/** The category options of an element (sex, area, level…) as a list of codes: type one and press Enter to add it. */
export function CategoriesField({ value, onChange, error }: CategoriesFieldProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = () => {
    const code = draft.trim().toUpperCase();
    if (!code) return;
    if (!CODE_PATTERN.test(code)) return setProblem(t('catalogue.codeRule'));
    if (value.includes(code)) return setProblem(t('catalogue.element.categoryTwice', { code }));
    setProblem(null);
    setDraft('');
    onChange([...value, code]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };

  const shown = problem ?? error;
  return (
    <fieldset className={shown ? 'categories-field field-invalid' : 'categories-field'}>
      <legend>{t('catalogue.element.categories')}</legend>
      <p className="muted small">{t('catalogue.element.categoriesHint')}</p>
      {value.length > 0 ? (
        <ul className="chips categories-list" aria-label={t('catalogue.element.categories')}>
          {value.map((code) => (
            <li key={code} className="chip category-chip">
              <code>{code}</code>
              {optionName(code, lang) !== code && <span className="muted"> {optionName(code, lang)}</span>}
              <button
                type="button"
                className="chip-remove"
                onClick={() => onChange(value.filter((other) => other !== code))}
                aria-label={t('catalogue.element.removeCategory', { code })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="small">{t('catalogue.element.noCategories')}</p>
      )}
      <div className="categories-add">
        <label htmlFor={id} className="visually-hidden">
          {t('catalogue.element.newCategory')}
        </label>
        <input
          id={id}
          value={draft}
          placeholder={t('catalogue.element.newCategory')}
          onChange={(event) => setDraft(event.target.value.toUpperCase())}
          onKeyDown={onKeyDown}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={shown ? true : undefined}
          data-testid="element-category-input"
        />
        <button type="button" className="button button-small" onClick={add} disabled={!draft.trim()}>
          {t('catalogue.element.addCategory')}
        </button>
      </div>
      {shown && (
        <small className="field-error" role="alert">
          {shown}
        </small>
      )}
    </fieldset>
  );
}
