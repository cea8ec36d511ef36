import type { AlertDetail } from '@ioc/shared';
import { type FormEvent, useId, useState } from 'react';
import { apiCall } from '../api/client.ts';
import { useErrorText } from '../api/errorText.ts';
import { compareUnits, useActiveUnits } from '../api/orgUnits.ts';
import { FormAlert } from '../components/FormAlert.tsx';
import { localName, useI18n } from '../i18n/index.tsx';
import { NoteForm } from './NoteForm.tsx';

type Mode = 'assign' | 'resolve' | null;

interface AlertActionsProps {
  alert: AlertDetail;
  /** What a write answered: the alert as it is now. */
  onDone(next: AlertDetail): void;
}

/**
 * What an operator does with an alert: acknowledge it, hand it to a unit, resolve it with a note, comment. Plain
 * forms and buttons, so each is reached and used with the keyboard; a refusal is said beside the form.
 */
export function AlertActions({ alert, onDone }: AlertActionsProps) {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const { units } = useActiveUnits();
  const [mode, setMode] = useState<Mode>(null);
  const [unit, setUnit] = useState(alert.assignedUnit ?? '');
  const [note, setNote] = useState('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const unitId = useId();
  const resolved = alert.status === 'resolved';

  const run = async (write: () => Promise<AlertDetail>, after?: () => void) => {
    setBusy(true);
    setError(undefined);
    try {
      onDone(await write());
      after?.();
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setBusy(false);
    }
  };
  const params = { id: alert.id };

  const assign = (event: FormEvent) => {
    event.preventDefault();
    if (!unit) return;
    void run(
      () => apiCall('POST /api/v1/alerts/:id/assign', { params, body: { unit } }),
      () => setMode(null),
    );
  };
  const resolve = (text: string) => {
    void run(
      () => apiCall('POST /api/v1/alerts/:id/resolve', { params, body: { note: text } }),
      () => {
        setMode(null);
        setNote('');
      },
    );
  };
  const postComment = (text: string) => {
    void run(
      () => apiCall('POST /api/v1/alerts/:id/comments', { params, body: { text } }),
      () => setComment(''),
    );
  };

  return (
    <div className="alert-actions" data-testid="alert-actions">
      <FormAlert message={error} span={false} />
      {!resolved && (
        <div className="alert-action-buttons">
          {alert.status === 'open' && (
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void run(() => apiCall('POST /api/v1/alerts/:id/acknowledge', { params }))}
              data-testid="alert-acknowledge"
            >
              {t('alerts.action.acknowledge')}
            </button>
          )}
          <button
            type="button"
            className="button"
            aria-expanded={mode === 'assign'}
            onClick={() => setMode(mode === 'assign' ? null : 'assign')}
            data-testid="alert-assign"
          >
            {t('alerts.action.assign')}
          </button>
          <button
            type="button"
            className="button"
            aria-expanded={mode === 'resolve'}
            onClick={() => setMode(mode === 'resolve' ? null : 'resolve')}
            data-testid="alert-resolve"
          >
            {t('alerts.action.resolve')}
          </button>
        </div>
      )}
      {mode === 'assign' && !resolved && (
        <form className="form alert-action-form" onSubmit={assign}>
          <div className="field">
            <label htmlFor={unitId}>{t('alerts.action.assignTo')}</label>
            <select id={unitId} value={unit} required onChange={(event) => setUnit(event.target.value)}>
              <option value="">{t('common.choose')}</option>
              {[...units].sort(compareUnits).map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {localName(lang, candidate.name, candidate.nameEn)}
                </option>
              ))}
            </select>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy || !unit}>
              {t('alerts.action.assignSubmit')}
            </button>
            <button type="button" className="button" onClick={() => setMode(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {mode === 'resolve' && !resolved && (
        <NoteForm
          label={t('alerts.action.resolveNote')}
          value={note}
          onChange={setNote}
          maxLength={2000}
          rows={3}
          required
          submitLabel={t('alerts.action.resolveSubmit')}
          primary
          busy={busy}
          textTestId="alert-resolve-note"
          submitTestId="alert-resolve-submit"
          onSubmit={resolve}
          onCancel={() => setMode(null)}
        />
      )}
      <NoteForm
        label={t('alerts.action.comment')}
        value={comment}
        onChange={setComment}
        maxLength={4000}
        rows={2}
        submitLabel={t('alerts.action.commentSubmit')}
        busy={busy}
        textTestId="alert-comment-text"
        submitTestId="alert-comment-submit"
        onSubmit={postComment}
      />
    </div>
  );
}
