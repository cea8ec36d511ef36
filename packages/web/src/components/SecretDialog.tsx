import { useState } from 'react';
import { useT } from '../i18n/index.tsx';
import { Dialog } from './Dialog.tsx';

interface SecretDialogProps {
  title: string;
  /** What the secret is and who it is for. */
  intro: string;
  secret: string;
  onClose(): void;
}

/** Shows a password or key the server returns only once, with a copy button and a warning. */
export function SecretDialog({ title, intro, secret, onClose }: SecretDialogProps) {
  const t = useT();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };

  return (
    <Dialog
      title={title}
      onClose={onClose}
      actions={
        <button type="button" className="button button-primary" onClick={copy}>
          {t('secret.copy')}
        </button>
      }
    >
      <p>{intro}</p>
      <output className="secret" data-testid="secret-value">
        {secret}
      </output>
      <p className="notice notice-warning">{t('secret.once')}</p>
      <p aria-live="polite" className="muted">
        {copied === 'yes' && t('secret.copied')}
        {copied === 'failed' && t('secret.copyFailed')}
      </p>
    </Dialog>
  );
}
