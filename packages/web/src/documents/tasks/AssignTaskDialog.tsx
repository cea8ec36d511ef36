import type { TaskDetail, TaskPriority, TaskUnit } from '@ioc/shared';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { apiCall } from '../../api/client.ts';
import { useFieldErrors } from '../../api/errorText.ts';
import { addDays } from '../../calendar/days.ts';
import { CheckboxList } from '../../components/CheckboxList.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { FieldShell, TextField } from '../../components/Field.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { focusFirstInvalid } from '../../components/focusInvalid.ts';
import { localName, useI18n } from '../../i18n/index.tsx';
import { DocumentPicker, type PickedDocument } from './DocumentPicker.tsx';
import { PRIORITY_KEYS } from './format.ts';
import { type AssignDraft, type AssignField, assignBody, validateAssign } from './forms.ts';
import { UnitOptions } from './UnitOptions.tsx';
import './task-panel.css';

const SERVER_FIELDS = ['title', 'description', 'documentId', 'leadUnit', 'cooperatingUnits', 'dueDate', 'priority'];
const PRIORITIES: TaskPriority[] = ['normal', 'high', 'urgent'];

interface AssignTaskDialogProps {
  units: TaskUnit[];
  today: string;
  /** A document the task comes from, chosen before the form opened (from the documents page). */
  document: PickedDocument | null;
  onClose(): void;
  onAssigned(detail: TaskDetail): void;
}

/** A leader gives a task to a lead unit, with co-operating units, a deadline and the document it comes from. */
export function AssignTaskDialog({ units, today, document, onClose, onAssigned }: AssignTaskDialogProps) {
  const { t, lang } = useI18n();
  const fieldErrors = useFieldErrors();
  const ids = { description: useId(), lead: useId(), due: useId(), priority: useId() };
  const [draft, setDraft] = useState<AssignDraft>({
    title: '',
    description: '',
    documentId: document?.id ?? null,
    leadUnit: '',
    cooperatingUnits: [],
    dueDate: addDays(today, 14),
    priority: 'normal',
  });
  const [picked, setPicked] = useState<PickedDocument | null>(document);
  const [errors, setErrors] = useState<Partial<Record<AssignField | 'form' | string, string>>>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof AssignDraft>(key: K, value: AssignDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const cooperatingOptions = useMemo(
    () =>
      units
        .filter((unit) => unit.code !== draft.leadUnit)
        .map((unit) => ({ value: unit.code, label: localName(lang, unit.name, unit.nameEn) })),
    [units, draft.leadUnit, lang],
  );

  const formRef = useRef<HTMLFormElement>(null);
  // The dialog opens on its first field, not on its close button (its effect has run: children's run first).
  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input')?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const found = validateAssign(draft, today);
    const messages = Object.fromEntries(Object.entries(found).map(([field, key]) => [field, t(key)]));
    setErrors(messages);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(form);
      return;
    }
    setBusy(true);
    try {
      const detail = await apiCall('POST /api/v1/tasks', {
        body: assignBody({ ...draft, documentId: picked?.id ?? null }),
      });
      onAssigned(detail);
    } catch (cause) {
      setErrors(fieldErrors(cause, SERVER_FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('task.assign.title')}
      onClose={onClose}
      wide
      actions={
        <button
          type="submit"
          form="assign-task-form"
          className="button button-primary"
          disabled={busy}
          data-testid="assign-submit"
        >
          {busy ? t('common.saving') : t('task.assign.submit')}
        </button>
      }
    >
      <form
        ref={formRef}
        id="assign-task-form"
        className="form form-grid"
        onSubmit={submit}
        noValidate
        data-testid="assign-form"
      >
        <div className="form-span">
          <TextField
            label={t('task.form.title')}
            value={draft.title}
            onChange={(value) => set('title', value)}
            required
            maxLength={500}
            error={errors.title}
            data-testid="assign-title"
          />
        </div>
        <div className="form-span">
          <FieldShell id={ids.description} label={t('task.form.description')} error={errors.description}>
            <textarea
              id={ids.description}
              rows={3}
              maxLength={5000}
              value={draft.description}
              onChange={(event) => set('description', event.target.value)}
              data-testid="assign-description"
            />
          </FieldShell>
        </div>
        <div className="form-span">
          <DocumentPicker value={picked} onChange={setPicked} />
        </div>
        <FieldShell id={ids.lead} label={t('task.form.leadUnit')} error={errors.leadUnit}>
          <select
            id={ids.lead}
            value={draft.leadUnit}
            required
            onChange={(event) => set('leadUnit', event.target.value)}
            aria-invalid={errors.leadUnit ? true : undefined}
            data-testid="assign-lead"
          >
            <option value="">{t('common.choose')}</option>
            <UnitOptions units={units} />
          </select>
        </FieldShell>
        <FieldShell id={ids.due} label={t('task.form.dueDate')} error={errors.dueDate}>
          <input
            id={ids.due}
            type="date"
            min={today}
            required
            value={draft.dueDate}
            onChange={(event) => set('dueDate', event.target.value)}
            aria-invalid={errors.dueDate ? true : undefined}
            data-testid="assign-due"
          />
        </FieldShell>
        <FieldShell id={ids.priority} label={t('task.form.priority')}>
          <select
            id={ids.priority}
            value={draft.priority}
            onChange={(event) => set('priority', event.target.value as TaskPriority)}
            data-testid="assign-priority"
          >
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {t(PRIORITY_KEYS[priority])}
              </option>
            ))}
          </select>
        </FieldShell>
        <div className="form-span" data-testid="assign-cooperating">
          <CheckboxList
            legend={t('task.form.cooperating')}
            options={cooperatingOptions}
            selected={draft.cooperatingUnits}
            onChange={(selected) => set('cooperatingUnits', selected)}
            filterable
            error={errors.cooperatingUnits}
          />
        </div>
        <FormAlert message={errors.form} />
      </form>
    </Dialog>
  );
}
