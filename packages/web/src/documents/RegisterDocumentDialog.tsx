import type { CreateDocumentResult, DocumentDirection } from '@ioc/shared';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { apiCall } from '../api/client.ts';
import { useFieldErrors } from '../api/errorText.ts';
import { readInlineFiles } from '../api/inlineFiles.ts';
import { localDay } from '../calendar/days.ts';
import { Dialog } from '../components/Dialog.tsx';
import { FieldShell, TextField } from '../components/Field.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { focusFirstInvalid } from '../components/focusInvalid.ts';
import { useI18n } from '../i18n/index.tsx';
import { DOCUMENT_TYPES, PRIORITY_KEYS } from './format.ts';
import { emptyDraft, REGISTER_FIELDS, type RegisterDraft, registerBody, validateRegister } from './register.ts';

interface RegisterDocumentDialogProps {
  direction: DocumentDirection;
  onClose(): void;
  onRegistered(result: CreateDocumentResult): void;
}

/** Registers a document by hand with its Decree 30 metadata; the register gives it its number. */
export function RegisterDocumentDialog({ direction, onClose, onRegistered }: RegisterDocumentDialogProps) {
  const { t } = useI18n();
  const fieldErrors = useFieldErrors();
  const ids = { direction: useId(), subject: useId(), priority: useId(), types: useId(), files: useId() };
  const [draft, setDraft] = useState<RegisterDraft>(() => emptyDraft(direction, localDay(new Date())));
  const [files, setFiles] = useState<FileList | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof RegisterDraft>(key: K, value: RegisterDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const formRef = useRef<HTMLFormElement>(null);
  // The dialog opens on its first field, not on its close button (its effect has run: children's run first).
  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input[type="text"], input:not([type])')?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const found = validateRegister(draft);
    setErrors(Object.fromEntries(Object.entries(found).map(([field, key]) => [field, t(key)])));
    if (Object.keys(found).length > 0) {
      focusFirstInvalid(form);
      return;
    }
    setBusy(true);
    try {
      const body = registerBody(draft, await readInlineFiles(files));
      onRegistered(await apiCall('POST /api/v1/documents', { body }));
    } catch (cause) {
      setErrors(fieldErrors(cause, [...REGISTER_FIELDS, 'files', 'issuedPlace', 'priority']));
    } finally {
      setBusy(false);
    }
  };

  const incoming = draft.direction === 'incoming';
  return (
    <Dialog
      title={t('doc.register.title')}
      onClose={onClose}
      wide
      actions={
        <button
          type="submit"
          form="register-document-form"
          className="button button-primary"
          disabled={busy}
          data-testid="doc-register-submit"
        >
          {busy ? t('common.saving') : t('doc.register.submit')}
        </button>
      }
    >
      <form ref={formRef} id="register-document-form" className="form form-grid" onSubmit={submit} noValidate>
        <fieldset className="form-span doc-direction-choice">
          <legend>{t('doc.form.direction')}</legend>
          {(['incoming', 'outgoing'] as const).map((value) => (
            <label key={value} className="checkbox-inline">
              <input
                type="radio"
                name={ids.direction}
                value={value}
                checked={draft.direction === value}
                onChange={() => setDraft((current) => ({ ...emptyDraft(value, current.issuedDate), ...keep(current) }))}
              />
              {t(value === 'incoming' ? 'doc.tab.incoming' : 'doc.tab.outgoing')}
            </label>
          ))}
        </fieldset>
        <TextField
          label={t('doc.form.typeName')}
          value={draft.typeName}
          onChange={(value) => set('typeName', value)}
          list={ids.types}
          required
          error={errors.typeName}
          data-testid="doc-form-type"
        />
        <datalist id={ids.types}>
          {DOCUMENT_TYPES.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
        <TextField
          label={t('doc.form.codeNumber')}
          value={draft.codeNumber}
          onChange={(value) => set('codeNumber', value)}
          inputMode="numeric"
          maxLength={20}
          hint={incoming ? undefined : t('doc.form.codeNumberHint')}
          error={errors.codeNumber}
          data-testid="doc-form-number"
        />
        <TextField
          label={t('doc.form.codeNotation')}
          value={draft.codeNotation}
          onChange={(value) => set('codeNotation', value)}
          placeholder="QĐ-UBND"
          maxLength={60}
          required
          error={errors.codeNotation}
          data-testid="doc-form-notation"
        />
        <TextField
          label={t('doc.form.issuedDate')}
          type="date"
          value={draft.issuedDate}
          onChange={(value) => set('issuedDate', value)}
          required
          error={errors.issuedDate}
          data-testid="doc-form-issued"
        />
        <TextField
          label={t(incoming ? 'doc.form.organIncoming' : 'doc.form.organOutgoing')}
          value={draft.organName}
          onChange={(value) => set('organName', value)}
          maxLength={300}
          required
          error={errors.organ}
          data-testid="doc-form-organ"
        />
        <TextField
          label={t('doc.form.organId')}
          value={draft.organId}
          onChange={(value) => set('organId', value)}
          placeholder="000.00.00.G22"
          maxLength={60}
          hint={t('doc.form.organIdHint')}
        />
        <TextField
          label={t('doc.form.issuedPlace')}
          value={draft.issuedPlace}
          onChange={(value) => set('issuedPlace', value)}
          maxLength={100}
          error={errors.issuedPlace}
        />
        <div className="form-span">
          <FieldShell id={ids.subject} label={t('doc.form.subject')} error={errors.subject}>
            <textarea
              id={ids.subject}
              rows={3}
              maxLength={1000}
              required
              value={draft.subject}
              onChange={(event) => set('subject', event.target.value)}
              aria-invalid={errors.subject ? true : undefined}
              data-testid="doc-form-subject"
            />
          </FieldShell>
        </div>
        <TextField
          label={t('doc.form.signerPosition')}
          value={draft.signerPosition}
          onChange={(value) => set('signerPosition', value)}
          maxLength={200}
        />
        <TextField
          label={t('doc.form.signerName')}
          value={draft.signerName}
          onChange={(value) => set('signerName', value)}
          maxLength={120}
          error={errors.signer}
        />
        <FieldShell id={ids.priority} label={t('doc.form.priority')} error={errors.priority}>
          <select
            id={ids.priority}
            value={draft.priority}
            onChange={(event) => set('priority', Number(event.target.value))}
          >
            {PRIORITY_KEYS.map((key, value) => (
              <option key={key} value={value}>
                {t(key)}
              </option>
            ))}
          </select>
        </FieldShell>
        <TextField
          label={t('doc.form.dueDate')}
          type="date"
          value={draft.dueDate}
          onChange={(value) => set('dueDate', value)}
          min={draft.issuedDate}
          error={errors.dueDate}
        />
        <TextField
          label={t('doc.form.pageAmount')}
          type="number"
          min={0}
          value={draft.pageAmount}
          onChange={(value) => set('pageAmount', value)}
          error={errors.pageAmount}
        />
        <div className="form-span">
          <FieldShell id={ids.files} label={t('doc.form.files')} error={errors.files} hint={t('doc.form.filesHint')}>
            <input id={ids.files} type="file" multiple onChange={(event) => setFiles(event.target.files)} />
          </FieldShell>
        </div>
        <FormAlert message={errors.form} />
      </form>
    </Dialog>
  );
}

/** What the officer typed that does not depend on the direction, kept when they switch it. */
function keep(draft: RegisterDraft): Partial<RegisterDraft> {
  return {
    typeName: draft.typeName,
    codeNumber: draft.codeNumber,
    codeNotation: draft.codeNotation,
    subject: draft.subject,
    signerPosition: draft.signerPosition,
    signerName: draft.signerName,
    priority: draft.priority,
    dueDate: draft.dueDate,
    pageAmount: draft.pageAmount,
  };
}
