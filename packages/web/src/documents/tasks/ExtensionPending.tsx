import type { TaskDetail } from '@ioc/shared';
import { useId, useState } from 'react';
import { apiCall } from '../../api/client.ts';
import { useErrorText } from '../../api/errorText.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';

interface ExtensionPendingProps {
  detail: TaskDetail;
  onDone(detail: TaskDetail, message: MessageKey): void;
}

/** A request for a later deadline waiting for the leader who assigned the task; they approve or refuse it here. */
export function ExtensionPending({ detail, onDone }: ExtensionPendingProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const pending = detail.task.extensionPending;
  if (!pending) return null;

  const decide = async (approve: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const body = note.trim() ? { approve, note: note.trim() } : { approve };
      const next = await apiCall('POST /api/v1/tasks/:id/extensions/:extensionId/decision', {
        params: { id: detail.task.id, extensionId: pending.id },
        body,
      });
      setNote('');
      onDone(next, approve ? 'task.done.approved' : 'task.done.refused');
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="notice notice-warning dir-pending"
      aria-labelledby="task-pending-title"
      data-testid="task-extension-pending"
      data-due={pending.requestedDueDate}
    >
      <div className="dir-pending-text">
        <h3 id="task-pending-title">{t('task.pending.title', { date: new Date(pending.requestedDueDate) })}</h3>
        <p>{pending.reason}</p>
        <p className="small">
          {t('task.pending.by', { name: pending.requestedBy, time: new Date(pending.requestedAt) })}
        </p>
      </div>
      {detail.can.decideExtension ? (
        <form
          className="dir-decision"
          onSubmit={(event) => {
            event.preventDefault();
            void decide(true);
          }}
        >
          <label htmlFor={noteId}>{t('task.pending.note')}</label>
          <input
            id={noteId}
            value={note}
            maxLength={2000}
            onChange={(event) => setNote(event.target.value)}
            data-testid="extension-note"
          />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy} data-testid="extension-approve">
              {t('task.pending.approve')}
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() => void decide(false)}
              data-testid="extension-refuse"
            >
              {t('task.pending.refuse')}
            </button>
          </div>
          {error !== null && (
            <p className="field-error" role="alert">
              {errorText(error)}
            </p>
          )}
        </form>
      ) : (
        <p className="small">{t('task.pending.waiting')}</p>
      )}
    </section>
  );
}
