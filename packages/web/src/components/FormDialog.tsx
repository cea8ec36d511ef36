import type { FormEvent, ReactNode } from 'react';
import { useT } from '../i18n/index.tsx';
import { Dialog } from './Dialog.tsx';
import { FormAlert } from './FormAlert.tsx';

interface FormDialogProps {
  title: string;
  /** The form's id, which ties the save button in the footer to it (and so Enter in a field submits). */
  formId: string;
  busy: boolean;
  /** The message of the form as a whole, shown under the fields. */
  formError: string | undefined;
  /** What the save button says while not saving. */
  saveLabel: string;
  saveTestId: string;
  onClose(): void;
  /** Called on the save button or Enter; the browser's own submission is already stopped. */
  onSubmit(): void;
  children: ReactNode;
}

/** A wide dialog holding one form: its fields in two columns, the form-wide message, and a save button. */
export function FormDialog({
  title,
  formId,
  busy,
  formError,
  saveLabel,
  saveTestId,
  onClose,
  onSubmit,
  children,
}: FormDialogProps) {
  const t = useT();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      wide
      actions={
        <button type="submit" form={formId} className="button button-primary" disabled={busy} data-testid={saveTestId}>
          {busy ? t('common.saving') : saveLabel}
        </button>
      }
    >
      <form id={formId} className="form form-grid" onSubmit={submit} noValidate>
        {children}
        <FormAlert message={formError} />
      </form>
    </Dialog>
  );
}
