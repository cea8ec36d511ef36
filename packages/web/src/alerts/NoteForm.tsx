import { type FormEvent, useId } from 'react';
import { useT } from '../i18n/index.tsx';

interface NoteFormProps {
  label: string;
  /** The text as typed; the caller keeps it, so it outlives the form being closed and opened again. */
  value: string;
  onChange(value: string): void;
  /** The longest note the server takes. */
  maxLength: number;
  rows: number;
  /** A note the action cannot go without (a resolution's) is marked required. */
  required?: boolean;
  submitLabel: string;
  /** The main action where it stands (resolve), rather than a plain button (comment). */
  primary?: boolean;
  busy: boolean;
  textTestId: string;
  submitTestId: string;
  /** Called with the trimmed text, never an empty one. */
  onSubmit(text: string): void;
  /** Shows a cancel button beside the submit one. */
  onCancel?: (() => void) | undefined;
}

/** An alert action that sends a note: a text box and its submit button, which waits for some text. */
export function NoteForm({
  label,
  value,
  onChange,
  maxLength,
  rows,
  required = false,
  submitLabel,
  primary = false,
  busy,
  textTestId,
  submitTestId,
  onSubmit,
  onCancel,
}: NoteFormProps) {
  const t = useT();
  const id = useId();
  const text = value.trim();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text) onSubmit(text);
  };
  return (
    <form className="form alert-action-form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <textarea
          id={id}
          value={value}
          required={required}
          maxLength={maxLength}
          rows={rows}
          onChange={(event) => onChange(event.target.value)}
          data-testid={textTestId}
        />
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className={primary ? 'button button-primary' : 'button'}
          disabled={busy || !text}
          data-testid={submitTestId}
        >
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
