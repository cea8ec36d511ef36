import type { IndicatorConstant, SaveConstantBody } from '@ioc/shared';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client.ts';
import { useFieldErrors } from '../../api/errorText.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { TextField } from '../../components/Field.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { formatForInput, parseNumber } from '../../data/valueChecks.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CODE_PATTERN, itemPath, PATHS } from './catalogue.ts';

const FIELDS = ['name', 'value'] as const;
const FORM_ID = 'constant-form';

interface ConstantDialogProps {
  /** Absent: a new constant. */
  constant?: IndicatorConstant;
  constants: readonly IndicatorConstant[];
  /** Indicators whose formula uses the constant: they change with it. */
  usedBy: readonly string[];
  onClose(): void;
  onSaved(constant: IndicatorConstant): void;
}

export function ConstantDialog({ constant, constants, usedBy, onClose, onSaved }: ConstantDialogProps) {
  const { t, lang } = useI18n();
  const fieldErrors = useFieldErrors();
  const [code, setCode] = useState(constant?.code ?? '');
  const [name, setName] = useState(constant?.name ?? '');
  const [value, setValue] = useState(constant ? formatForInput(constant.value, lang) : '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!constant) {
      if (!CODE_PATTERN.test(code)) found.code = t('catalogue.codeRule');
      else if (constants.some((other) => other.code === code)) found.code = t('catalogue.codeTaken');
    }
    if (!name.trim()) found.name = t('common.required');
    const parsed = parseNumber(value, lang);
    if ('problem' in parsed) found.value = t('catalogue.numberInvalid');
    else if (parsed.value === null) found.value = t('common.required');
    setErrors(found);
    if (Object.keys(found).length > 0 || 'problem' in parsed || parsed.value === null) return;
    setBusy(true);
    try {
      const body: SaveConstantBody = { name: name.trim(), value: parsed.value };
      onSaved(await api.put<IndicatorConstant>(itemPath(PATHS.constants, code), body));
    } catch (cause) {
      setErrors(fieldErrors(cause, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={constant ? t('catalogue.constant.editTitle', { code: constant.code }) : t('catalogue.constant.newTitle')}
      onClose={onClose}
      actions={
        <button
          type="submit"
          form={FORM_ID}
          className="button button-primary"
          disabled={busy}
          data-testid="catalogue-save"
        >
          {busy ? t('common.saving') : t('common.save')}
        </button>
      }
    >
      <form id={FORM_ID} className="form" onSubmit={submit} noValidate>
        <TextField
          label={t('catalogue.code')}
          value={code}
          onChange={(next) => setCode(next.toUpperCase())}
          readOnly={constant !== undefined}
          required
          spellCheck={false}
          autoComplete="off"
          hint={constant ? undefined : t('catalogue.codeRule')}
          error={errors.code}
          data-testid="constant-code"
        />
        <TextField
          label={t('catalogue.name')}
          value={name}
          onChange={setName}
          required
          error={errors.name}
          data-testid="constant-name"
        />
        <TextField
          label={t('catalogue.constant.value')}
          value={value}
          onChange={setValue}
          inputMode="decimal"
          required
          error={errors.value}
          data-testid="constant-value"
        />
        {usedBy.length > 0 && (
          <p className="notice notice-warning">
            {t('catalogue.constant.usedByWarning', { count: usedBy.length, codes: usedBy.join(', ') })}
          </p>
        )}
        <FormAlert message={errors.form} span={false} />
      </form>
    </Dialog>
  );
}
