import type { FormEvent, ReactNode } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { TextField } from '../../components/Field.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useT } from '../../i18n/index.tsx';

interface CatalogueDialogProps {
  title: string;
  /** The form's id, which ties the Save button in the footer to it. */
  formId: string;
  busy: boolean;
  /** The message of the form as a whole, shown under the fields. */
  formError: string | undefined;
  /** A wide dialog with the fields in two columns (default); false: narrow, one field a line. */
  wide?: boolean;
  onClose(): void;
  /** Called on Save or Enter; the browser's own submission is already stopped. */
  onSubmit(): void;
  children: ReactNode;
}

/** The dialog every catalogue entry is edited in: its fields, the form-wide message, and Save. */
export function CatalogueDialog({
  title,
  formId,
  busy,
  formError,
  wide = true,
  onClose,
  onSubmit,
  children,
}: CatalogueDialogProps) {
  const t = useT();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      wide={wide}
      actions={
        <button
          type="submit"
          form={formId}
          className="button button-primary"
          disabled={busy}
          data-testid="catalogue-save"
        >
          {busy ? t('common.saving') : t('common.save')}
        </button>
      }
    >
      <form id={formId} className={wide ? 'form form-grid catalogue-form' : 'form'} onSubmit={submit} noValidate>
        {children}
        <FormAlert message={formError} span={wide} />
      </form>
    </Dialog>
  );
}

interface CodeFieldProps {
  value: string;
  onChange(value: string): void;
  /** An existing entry's code is fixed: it is what other entries and the reported data refer to. */
  fixed: boolean;
  error: string | undefined;
  'data-testid': string;
}

/** The code of an entry, typed in capitals; its rule is shown until the entry exists. */
export function CodeField({ value, onChange, fixed, error, ...rest }: CodeFieldProps) {
  const t = useT();
  return (
    <TextField
      label={t('catalogue.code')}
      value={value}
      onChange={(next) => onChange(next.toUpperCase())}
      readOnly={fixed}
      required
      spellCheck={false}
      autoComplete="off"
      hint={fixed ? undefined : t('catalogue.codeRule')}
      error={error}
      data-testid={rest['data-testid']}
    />
  );
}

interface NameFieldsProps {
  name: string;
  onName(value: string): void;
  /** Absent for an entry named in Vietnamese only (a constant). */
  nameEn?: string;
  onNameEn?(value: string): void;
  errors: Readonly<Record<string, string>>;
  /** The fields are `<testId>-name` and `<testId>-name-en`. */
  testId: string;
}

/** The Vietnamese name and, where the entry has one, the English name. */
export function NameFields({ name, onName, nameEn, onNameEn, errors, testId }: NameFieldsProps) {
  const t = useT();
  return (
    <>
      <TextField
        label={t('catalogue.name')}
        value={name}
        onChange={onName}
        required
        error={errors.name}
        data-testid={`${testId}-name`}
      />
      {nameEn !== undefined && onNameEn && (
        <TextField
          label={t('catalogue.nameEn')}
          value={nameEn}
          onChange={onNameEn}
          required
          lang="en"
          error={errors.nameEn}
          data-testid={`${testId}-name-en`}
        />
      )}
    </>
  );
}
