import type { IndicatorConstant, SaveConstantBody } from '@ioc/shared';
import { useState } from 'react';
import { apiCall } from '../../api/client.ts';
import { TextField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { formatForInput, parseNumber } from '../data/valueChecks.ts';
import { CatalogueDialog, CodeField, NameFields } from './CatalogueDialog.tsx';
import { codeAndNameProblems } from './catalogue.ts';
import { useCatalogueSave } from './useCatalogueSave.ts';

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
  const { busy, errors, check, save } = useCatalogueSave(FIELDS);
  const [code, setCode] = useState(constant?.code ?? '');
  const [name, setName] = useState(constant?.name ?? '');
  const [value, setValue] = useState(constant ? formatForInput(constant.value, lang) : '');

  const submit = async () => {
    const found = codeAndNameProblems(t, { code, name }, constant, constants);
    const parsed = parseNumber(value, lang);
    if ('problem' in parsed) found.value = t('catalogue.numberInvalid');
    else if (parsed.value === null) found.value = t('common.required');
    if (!check(found) || 'problem' in parsed || parsed.value === null) return;
    const body: SaveConstantBody = { name: name.trim(), value: parsed.value };
    await save(async () => onSaved(await apiCall('PUT /api/v1/indicator-constants/:code', { params: { code }, body })));
  };

  return (
    <CatalogueDialog
      title={constant ? t('catalogue.constant.editTitle', { code: constant.code }) : t('catalogue.constant.newTitle')}
      formId={FORM_ID}
      busy={busy}
      formError={errors.form}
      wide={false}
      onClose={onClose}
      onSubmit={submit}
    >
      <CodeField
        value={code}
        onChange={setCode}
        fixed={constant !== undefined}
        error={errors.code}
        data-testid="constant-code"
      />
      <NameFields name={name} onName={setName} errors={errors} testId="constant" />
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
    </CatalogueDialog>
  );
}
