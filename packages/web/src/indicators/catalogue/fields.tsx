import { type ReactNode, type TextareaHTMLAttributes, useId } from 'react';
import { FieldShell } from '../../components/Field.tsx';

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value' | 'id'> & {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  hint?: string | undefined;
};

export function TextAreaField({ label, value, onChange, error, hint, ...textarea }: TextAreaFieldProps) {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <textarea
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...textarea}
      />
    </FieldShell>
  );
}

interface SelectFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  options: { value: string; label: string }[];
  error?: string | undefined;
  hint?: string | undefined;
  'data-testid'?: string;
}

export function SelectField({ label, value, onChange, options, error, hint, ...rest }: SelectFieldProps) {
  const id = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        data-testid={rest['data-testid']}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export interface Choice {
  value: string;
  label: string;
  /** A sentence under the label saying what the choice means. */
  detail?: ReactNode;
}

interface ChoiceGroupProps {
  legend: string;
  name: string;
  value: string;
  onChange(value: string): void;
  choices: Choice[];
  error?: string | undefined;
  'data-testid'?: string;
}

/** Radio buttons with an explanation each: arrows move between them, as in any radio group. */
export function ChoiceGroup({ legend, name, value, onChange, choices, error, ...rest }: ChoiceGroupProps) {
  const id = useId();
  return (
    <fieldset className={error ? 'choice-group field-invalid' : 'choice-group'} data-testid={rest['data-testid']}>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className="choice">
          <input
            type="radio"
            name={`${name}-${id}`}
            value={choice.value}
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          <span>
            <span className="choice-label">{choice.label}</span>
            {choice.detail && <small className="muted">{choice.detail}</small>}
          </span>
        </label>
      ))}
      {error && (
        <small className="field-error" role="alert">
          {error}
        </small>
      )}
    </fieldset>
  );
}
