import type { TaskDetail } from '@ioc/shared';
import { type FormEvent, useId, useState } from 'react';
import { apiCall } from '../../api/client.ts';
import { useFieldErrors } from '../../api/errorText.ts';
import { readInlineFiles } from '../../api/inlineFiles.ts';
import { addDays, dayOf } from '../../calendar/days.ts';
import { FieldShell } from '../../components/Field.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { focusFirstInvalid } from '../../components/focusInvalid.ts';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import { availableActions, type TaskAction } from './actions.ts';
import { extensionBody, parsePercent, reportBody, validateExtension, validateReport } from './forms.ts';

const ACTION_KEYS: Record<TaskAction, MessageKey> = {
  report: 'task.action.report',
  extension: 'task.action.extension',
  comment: 'task.action.comment',
  remind: 'task.action.remind',
  escalate: 'task.action.escalate',
  cancel: 'task.action.cancel',
};

const NOTE_ROUTES = {
  comment: 'POST /api/v1/tasks/:id/comments',
  remind: 'POST /api/v1/tasks/:id/reminders',
  escalate: 'POST /api/v1/tasks/:id/escalate',
  cancel: 'POST /api/v1/tasks/:id/cancel',
} as const;
type NoteAction = keyof typeof NOTE_ROUTES;

interface TaskActionsProps {
  detail: TaskDetail;
  onDone(detail: TaskDetail, message: MessageKey): void;
}

export function TaskActions({ detail, onDone }: TaskActionsProps) {
  const { t } = useI18n();
  const actions = availableActions(detail);
  const [chosen, setChosen] = useState<TaskAction | null>(null);
  const action = chosen && actions.includes(chosen) ? chosen : (actions[0] ?? null);
  if (!action) return null;
  return (
    <section className="dir-actions" aria-labelledby="task-actions-title" data-testid="task-actions">
      <h3 id="task-actions-title">{t('task.actions')}</h3>
      <fieldset className="segmented dir-action-tabs">
        <legend className="visually-hidden">{t('task.actions')}</legend>
        {actions.map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={action === name}
            onClick={() => setChosen(name)}
            data-testid={`task-action-${name}`}
          >
            {t(ACTION_KEYS[name])}
          </button>
        ))}
      </fieldset>
      {action === 'report' && <ReportForm detail={detail} onDone={onDone} />}
      {action === 'extension' && <ExtensionForm detail={detail} onDone={onDone} />}
      {(action === 'comment' || action === 'remind' || action === 'escalate' || action === 'cancel') && (
        <NoteForm key={action} action={action} detail={detail} onDone={onDone} />
      )}
    </section>
  );
}

function ReportForm({ detail, onDone }: TaskActionsProps) {
  const { t } = useI18n();
  const fieldErrors = useFieldErrors();
  const ids = { percent: useId(), range: useId(), text: useId(), files: useId() };
  const [percent, setPercent] = useState(String(detail.task.progress));
  const [text, setText] = useState('');
  const [files, setFiles] = useState<FileList | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const parsed = parsePercent(percent);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const found = validateReport(percent, text);
    setErrors(Object.fromEntries(Object.entries(found).map(([field, key]) => [field, t(key)])));
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(form);
      return;
    }
    setBusy(true);
    try {
      const body = reportBody(percent, text, await readInlineFiles(files));
      const next = await apiCall('POST /api/v1/tasks/:id/reports', { params: { id: detail.task.id }, body });
      setText('');
      setFiles(null);
      onDone(next, body.percent === 100 ? 'task.done.completed' : 'task.done.report');
    } catch (cause) {
      setErrors(fieldErrors(cause, ['percent', 'text', 'files']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form dir-action-form" onSubmit={submit} noValidate data-testid="report-form">
      <div className="field">
        <label htmlFor={ids.percent}>{t('task.form.percent')}</label>
        <div className="dir-percent-row">
          <input
            id={ids.range}
            type="range"
            min={0}
            max={100}
            step={5}
            value={parsed ?? 0}
            onChange={(event) => setPercent(event.target.value)}
            aria-label={t('task.form.percent')}
            aria-valuetext={`${parsed ?? 0}%`}
          />
          <input
            id={ids.percent}
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            className="dir-percent-input"
            value={percent}
            onChange={(event) => setPercent(event.target.value)}
            aria-invalid={errors.percent ? true : undefined}
            aria-describedby={`${ids.percent}-hint`}
            data-testid="report-percent"
          />
          <span aria-hidden="true">%</span>
        </div>
        {errors.percent ? (
          <small className="field-error" role="alert">
            {errors.percent}
          </small>
        ) : (
          <small id={`${ids.percent}-hint`} className="field-hint">
            {t('task.form.percentHint')}
          </small>
        )}
      </div>
      <FieldShell id={ids.text} label={t('task.form.reportText')} error={errors.text}>
        <textarea
          id={ids.text}
          rows={3}
          maxLength={5000}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={errors.text ? true : undefined}
          data-testid="report-text"
        />
      </FieldShell>
      <FieldShell id={ids.files} label={t('task.form.files')} error={errors.files} hint={t('task.form.filesHint')}>
        <input
          id={ids.files}
          type="file"
          multiple
          onChange={(event) => setFiles(event.target.files)}
          data-testid="report-files"
        />
      </FieldShell>
      <FormAlert message={errors.form} span={false} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="report-submit">
          {busy ? t('common.saving') : parsed === 100 ? t('task.form.complete') : t('task.form.sendReport')}
        </button>
      </div>
    </form>
  );
}

function ExtensionForm({ detail, onDone }: TaskActionsProps) {
  const { t } = useI18n();
  const fieldErrors = useFieldErrors();
  const ids = { due: useId(), reason: useId() };
  const currentDue = dayOf(detail.task.dueDate);
  const [dueDate, setDueDate] = useState(addDays(currentDue, 7));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const found = validateExtension(dueDate, reason, currentDue);
    setErrors(Object.fromEntries(Object.entries(found).map(([field, key]) => [field, t(key)])));
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(form);
      return;
    }
    setBusy(true);
    try {
      const next = await apiCall('POST /api/v1/tasks/:id/extensions', {
        params: { id: detail.task.id },
        body: extensionBody(dueDate, reason),
      });
      onDone(next, 'task.done.extension');
    } catch (cause) {
      setErrors(fieldErrors(cause, ['dueDate', 'reason']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form dir-action-form" onSubmit={submit} noValidate data-testid="extension-form">
      <FieldShell id={ids.due} label={t('task.form.newDueDate')} error={errors.dueDate}>
        <input
          id={ids.due}
          type="date"
          min={addDays(currentDue, 1)}
          value={dueDate}
          onChange={(event) => setDueDate(event.target.value)}
          aria-invalid={errors.dueDate ? true : undefined}
          data-testid="extension-date"
        />
      </FieldShell>
      <FieldShell id={ids.reason} label={t('task.form.reason')} error={errors.reason}>
        <textarea
          id={ids.reason}
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          aria-invalid={errors.reason ? true : undefined}
          data-testid="extension-reason"
        />
      </FieldShell>
      <FormAlert message={errors.form} span={false} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="extension-submit">
          {busy ? t('common.saving') : t('task.form.askExtension')}
        </button>
      </div>
    </form>
  );
}

const NOTE_TEXT: Record<NoteAction, { label: MessageKey; submit: MessageKey; done: MessageKey }> = {
  comment: { label: 'task.form.comment', submit: 'task.form.sendComment', done: 'task.done.comment' },
  remind: { label: 'task.form.reminder', submit: 'task.form.sendReminder', done: 'task.done.reminder' },
  escalate: { label: 'task.form.escalation', submit: 'task.form.sendEscalation', done: 'task.done.escalated' },
  cancel: { label: 'task.form.cancelReason', submit: 'task.form.sendCancel', done: 'task.done.cancelled' },
};

function NoteForm({ action, detail, onDone }: TaskActionsProps & { action: NoteAction }) {
  const { t } = useI18n();
  const fieldErrors = useFieldErrors();
  const id = useId();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const words = NOTE_TEXT[action];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setErrors({ text: t('common.required') });
      focusFirstInvalid(event.currentTarget as HTMLFormElement);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const next = await apiCall(NOTE_ROUTES[action], { params: { id: detail.task.id }, body: { text: text.trim() } });
      setText('');
      onDone(next, words.done);
    } catch (cause) {
      setErrors(fieldErrors(cause, ['text']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form dir-action-form" onSubmit={submit} noValidate data-testid={`${action}-form`}>
      <FieldShell id={id} label={t(words.label)} error={errors.text}>
        <textarea
          id={id}
          rows={3}
          maxLength={5000}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            // Ctrl+Enter sends, as in a chat; a plain Enter is a new line.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) event.currentTarget.form?.requestSubmit();
          }}
          aria-invalid={errors.text ? true : undefined}
          data-testid={`${action}-text`}
        />
      </FieldShell>
      <FormAlert message={errors.form} span={false} />
      <div className="form-actions">
        <button
          type="submit"
          className={action === 'cancel' ? 'button button-danger' : 'button button-primary'}
          disabled={busy}
          data-testid={`${action}-submit`}
        >
          {busy ? t('common.saving') : t(words.submit)}
        </button>
      </div>
    </form>
  );
}
