import type { KeyboardEvent } from 'react';

interface EntryInputProps {
  id: string;
  /** The cell key (`POP`, `POP.MALE`): test id and keyboard navigation. */
  cell: string;
  unit: string;
  text: string;
  changed: boolean;
  error: string | undefined;
  readOnly: boolean;
  onChange(text: string): void;
  onBlur(): void;
  onKeyDown(event: KeyboardEvent<HTMLInputElement>): void;
}

/** A number typed as text, so that 1.234,5 or 12,5 can be read in the user's language and checked before sending. */
export function EntryInput({
  id,
  cell,
  unit,
  text,
  changed,
  error,
  readOnly,
  onChange,
  onBlur,
  onKeyDown,
}: EntryInputProps) {
  const describedBy = [unit ? `${id}-unit` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={error ? 'entry-field field-invalid' : 'entry-field'}>
      <div className="entry-input-row">
        <input
          id={id}
          className={changed ? 'entry-input entry-changed' : 'entry-input'}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={text}
          readOnly={readOnly}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
          onKeyDown={onKeyDown}
          data-entry-cell={cell}
          data-testid={`entry-input-${cell}`}
        />
        {unit && (
          <span id={`${id}-unit`} className="entry-unit">
            {unit}
          </span>
        )}
      </div>
      {error && (
        <small id={`${id}-error`} className="field-error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}
