import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/index.tsx';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons shown at the bottom; a close button is always there. */
  actions?: ReactNode;
  wide?: boolean;
}

/** A modal on the native <dialog>, which traps focus and closes on Escape by itself. */
export function Dialog({ title, onClose, children, actions, wide = false }: DialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      <footer className="dialog-actions">
        {actions}
        <button type="button" className="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </footer>
    </dialog>
  );
}
