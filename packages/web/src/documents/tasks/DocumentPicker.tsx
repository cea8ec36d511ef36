import type { DocumentPage } from '@ioc/shared';
import { type KeyboardEvent, useId, useState } from 'react';
import { apiCall } from '../../api/client.ts';
import { useErrorText } from '../../api/errorText.ts';
import { useI18n } from '../../i18n/index.tsx';
import { pickerQuery } from '../search.ts';

export interface PickedDocument {
  id: number;
  label: string;
  subject: string;
}

interface DocumentPickerProps {
  value: PickedDocument | null;
  onChange(document: PickedDocument | null): void;
}

/** Finds the source document by words of its subject or its number and notation (`123/QĐ-UBND`). */
export function DocumentPicker({ value, onChange }: DocumentPickerProps) {
  const { t, fmt } = useI18n();
  const errorText = useErrorText();
  const id = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<DocumentPage['documents'] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const search = async () => {
    setBusy(true);
    setError(null);
    try {
      const page = await apiCall('GET /api/v1/documents', { query: { ...pickerQuery(query), limit: 8 } });
      setResults(page.documents);
    } catch (cause) {
      setError(cause);
      setResults(null);
    } finally {
      setBusy(false);
    }
  };
  // Enter searches here; it must not send the whole task form.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void search();
    }
  };

  if (value) {
    return (
      <div className="field">
        <span className="field-label">{t('task.form.document')}</span>
        <p className="chips">
          <span className="chip" data-testid="assign-document-chosen">
            <strong>{value.label}</strong> — {value.subject}
            <button
              type="button"
              className="chip-remove"
              onClick={() => onChange(null)}
              aria-label={t('task.form.documentRemove')}
            >
              ×
            </button>
          </span>
        </p>
      </div>
    );
  }
  return (
    <div className="field dir-picker">
      <label htmlFor={id}>{t('task.form.document')}</label>
      <div className="dir-picker-row">
        <input
          id={id}
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder={t('task.form.documentHint')}
          aria-describedby={`${id}-hint`}
          data-testid="assign-document-search"
        />
        <button type="button" className="button" onClick={() => void search()} disabled={busy}>
          {t('task.form.documentFind')}
        </button>
      </div>
      <small id={`${id}-hint`} className="field-hint">
        {t('task.form.documentOptional')}
      </small>
      {error !== null && <small className="field-error">{errorText(error)}</small>}
      {results && results.length === 0 && <p className="muted small">{t('task.form.documentNone')}</p>}
      {results && results.length > 0 && (
        <ul className="dir-picker-results">
          {results.map((document) => (
            <li key={document.id}>
              <button
                type="button"
                className="dir-picker-option"
                onClick={() => onChange({ id: document.id, label: document.label, subject: document.subject })}
              >
                <strong>{document.label}</strong> <span className="muted small">{fmt.date(document.issuedDate)}</span>
                <span className="dir-picker-subject">{document.subject}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
