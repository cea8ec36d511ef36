import { useState } from 'react';
import { useT } from '../i18n/index.tsx';

interface ConfirmButtonProps {
  label: string;
  /** The question asked before acting, e.g. "Revoke this key?". */
  question: string;
  onConfirm(): void | Promise<void>;
  danger?: boolean;
  disabled?: boolean;
}

/** A button that asks once more, inline, before a destructive action. */
export function ConfirmButton({ label, question, onConfirm, danger = false, disabled = false }: ConfirmButtonProps) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const tone = danger ? 'button-danger' : '';

  if (!asking) {
    return (
      <button
        type="button"
        className={`button button-small ${tone}`}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <fieldset className="confirm">
      <legend>{question}</legend>
      <button
        type="button"
        className={`button button-small ${tone}`}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {t('common.yes')}
      </button>
      <button type="button" className="button button-small" onClick={() => setAsking(false)}>
        {t('common.no')}
      </button>
    </fieldset>
  );
}
