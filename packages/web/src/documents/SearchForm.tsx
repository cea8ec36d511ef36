import { type FormEvent, useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { type DocumentFilters, EMPTY_FILTERS, hasFilters } from './search.ts';

interface SearchFormProps {
  filters: DocumentFilters;
  onSearch(filters: DocumentFilters): void;
}

/** Subject words, number, notation, issuing agency and a date range; Enter searches. */
export function SearchForm({ filters, onSearch }: SearchFormProps) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const set = (name: keyof DocumentFilters, value: string) => setDraft((current) => ({ ...current, [name]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft);
  };
  const field = (name: keyof DocumentFilters, label: string, type = 'text', placeholder?: string) => (
    <div className={name === 'q' ? 'field doc-search-q' : 'field'}>
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        type={type}
        value={draft[name]}
        placeholder={placeholder}
        onChange={(event) => set(name, event.target.value)}
        data-testid={`doc-search-${name}`}
      />
    </div>
  );
  return (
    <form className="filters doc-search" onSubmit={submit} aria-label={t('doc.search.title')}>
      {field('q', t('doc.search.q'), 'search', t('doc.search.qHint'))}
      {field('number', t('doc.search.number'))}
      {field('notation', t('doc.search.notation'), 'text', 'QĐ-UBND')}
      {field('organ', t('doc.search.organ'))}
      {field('from', t('doc.search.from'), 'date')}
      {field('to', t('doc.search.to'), 'date')}
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="doc-search-submit">
          {t('doc.search.submit')}
        </button>
        {hasFilters(filters) && (
          <button type="button" className="button" onClick={() => onSearch(EMPTY_FILTERS)}>
            {t('doc.search.clear')}
          </button>
        )}
      </div>
    </form>
  );
}
