import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useT } from '../i18n/index.tsx';

export type ToastTone = 'info' | 'success' | 'warning' | 'danger';

interface Toast {
  id: number;
  title: string;
  text: string;
  tone: ToastTone;
}

interface ToastValue {
  showToast(toast: Omit<Toast, 'id'>): void;
}

const TOAST_MS = 7000;
const MAX_TOASTS = 4;

const ToastContext = createContext<ToastValue | null>(null);

let nextToastId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [toasts, setToasts] = useState<Toast[]>([]);

  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);

  const showToast = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = nextToastId++;
      setToasts((current) => [...current, { ...toast, id }].slice(-MAX_TOASTS));
      setTimeout(() => dismiss(id), TOAST_MS);
    },
    [dismiss],
  );

  const value = useMemo(() => ({ showToast }), [showToast]);

  return (
    <ToastContext value={value}>
      {children}
      <section className="toasts" aria-live="polite" aria-label={t('toast.region')}>
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.tone}`} role="status" data-testid="toast">
            <div className="toast-body">
              <strong>{toast.title}</strong>
              <span>{toast.text}</span>
            </div>
            <button
              type="button"
              className="icon-button"
              onClick={() => dismiss(toast.id)}
              aria-label={t('common.close')}
            >
              ×
            </button>
          </div>
        ))}
      </section>
    </ToastContext>
  );
}

export function useToast(): ToastValue {
  const value = useContext(ToastContext);
  if (!value) throw new Error('useToast outside ToastProvider');
  return value;
}
