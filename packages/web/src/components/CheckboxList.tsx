import { useId, useMemo, useState } from 'react';
import { useT } from '../i18n/index.tsx';
import { matchesSearch } from './search.ts';

export interface CheckboxOption {
  value: string;
  label: string;
  /** Shown under the label, e.g. the permission code. */
  detail?: string;
}

interface CheckboxListProps {
  legend: string;
  options: CheckboxOption[];
  selected: readonly string[];
  onChange(selected: string[]): void;
  /** Adds a filter box; worth it from a dozen options up. */
  filterable?: boolean;
  error?: string | undefined;
  disabled?: boolean;
}

/** A multi-select as a list of checkboxes: plain HTML, so it works from the keyboard and with screen readers. */
export function CheckboxList({
  legend,
  options,
  selected,
  onChange,
  filterable = false,
  error,
  disabled = false,
}: CheckboxListProps) {
  const t = useT();
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const chosen = useMemo(() => new Set(selected), [selected]);
  const visible = useMemo(
    () => options.filter((option) => matchesSearch(`${option.label} ${option.detail ?? ''}`, filter)),
    [options, filter],
  );

  const toggle = (value: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(value);
    else next.delete(value);
    onChange(options.map((option) => option.value).filter((code) => next.has(code)));
  };

  const setVisible = (on: boolean) => {
    const next = new Set(chosen);
    for (const option of visible) {
      if (on) next.add(option.value);
      else next.delete(option.value);
    }
    onChange(options.map((option) => option.value).filter((code) => next.has(code)));
  };

  return (
    <fieldset className={error ? 'checkbox-list field-invalid' : 'checkbox-list'} disabled={disabled}>
      <legend>
        {legend}{' '}
        <span className="muted">{t('checkboxList.count', { selected: chosen.size, total: options.length })}</span>
      </legend>
      {filterable && (
        <div className="checkbox-list-tools">
          <label htmlFor={filterId} className="visually-hidden">
            {t('common.filter')}
          </label>
          <input
            id={filterId}
            type="search"
            placeholder={t('common.filter')}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
          <button type="button" className="button button-small" onClick={() => setVisible(true)}>
            {t('checkboxList.selectVisible')}
          </button>
          <button type="button" className="button button-small" onClick={() => setVisible(false)}>
            {t('checkboxList.clearVisible')}
          </button>
        </div>
      )}
      <ul className="checkbox-list-items">
        {visible.map((option) => (
          <li key={option.value}>
            <label>
              <input
                type="checkbox"
                checked={chosen.has(option.value)}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
              <span>
                {option.label}
                {option.detail && <small className="muted"> {option.detail}</small>}
              </span>
            </label>
          </li>
        ))}
        {visible.length === 0 && <li className="muted">{t('common.noMatch')}</li>}
      </ul>
      {error && (
        <small className="field-error" role="alert">
          {error}
        </small>
      )}
    </fieldset>
  );
}
