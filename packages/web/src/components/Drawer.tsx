import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useT } from '../i18n/index.tsx';

interface DrawerProps {
  title: ReactNode;
  /** A line under the title (a state, a number). */
  subtitle?: ReactNode;
  onClose(): void;
  children: ReactNode;
  'data-testid'?: string;
}

/**
 * A panel sliding in from the right over the page, on the native modal <dialog>: focus stays inside, Escape closes,
 * and focus returns where it was when it closes.
 */
export function Drawer({ title, subtitle, onClose, children, 'data-testid': testId }: DrawerProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape closes the dialog natively (onCancel); the click is the backdrop's.
    <dialog
      ref={ref}
      className="drawer"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="drawer-panel">
        <header className="drawer-header">
          <div className="drawer-heading">
            <h2 id={titleId}>{title}</h2>
            {subtitle && <div className="drawer-subtitle">{subtitle}</div>}
          </div>
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>
            ×
          </button>
        </header>
        <div className="drawer-body">{children}</div>
      </div>
    </dialog>
  );
}
