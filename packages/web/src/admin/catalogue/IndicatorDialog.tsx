import type { DataElement, Indicator, IndicatorConstant, SaveIndicatorBody } from '@ioc/shared';
import { type FormEvent, useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import { useFieldErrors } from '../../api/errorText.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { TextField } from '../../components/Field.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { CODE_PATTERN, itemPath, PATHS } from './catalogue.ts';
import { FormulaEditor, type Refusal } from './FormulaEditor.tsx';
import { ChoiceGroup, TextAreaField } from './fields.tsx';
import { formulaProblems } from './formula.ts';
import { constantReferables, elementReferables, indicatorReferables } from './referables.ts';

const FIELDS = ['name', 'nameEn', 'unit', 'decimals', 'direction', 'description'] as const;
const FORM_ID = 'indicator-form';

interface IndicatorDialogProps {
  /** Absent: a new indicator. */
  indicator?: Indicator;
  indicators: readonly Indicator[];
  elements: readonly DataElement[];
  constants: readonly IndicatorConstant[];
  onClose(): void;
  onSaved(indicator: Indicator): void;
}

export function IndicatorDialog({
  indicator,
  indicators,
  elements,
  constants,
  onClose,
  onSaved,
}: IndicatorDialogProps) {
  const { t, lang } = useI18n();
  const fieldErrors = useFieldErrors();
  const [code, setCode] = useState(indicator?.code ?? '');
  const [name, setName] = useState(indicator?.name ?? '');
  const [nameEn, setNameEn] = useState(indicator?.nameEn ?? '');
  const [formula, setFormula] = useState(indicator?.formula ?? '');
  const [unit, setUnit] = useState(indicator?.unit ?? '');
  const [decimals, setDecimals] = useState(String(indicator?.decimals ?? 1));
  const [direction, setDirection] = useState(indicator?.direction ?? 'up');
  const [description, setDescription] = useState(indicator?.description ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);

  const elementItems = useMemo(() => elementReferables(elements, lang), [elements, lang]);
  const indicatorItems = useMemo(
    () => indicatorReferables(indicators, lang, indicator?.code ?? code),
    [indicators, lang, indicator, code],
  );
  const constantItems = useMemo(() => constantReferables(constants), [constants]);

  const validate = () => {
    const found: Record<string, string> = {};
    if (!indicator) {
      if (!CODE_PATTERN.test(code)) found.code = t('catalogue.codeRule');
      else if (indicators.some((other) => other.code === code)) found.code = t('catalogue.codeTaken');
    }
    if (!name.trim()) found.name = t('common.required');
    if (!nameEn.trim()) found.nameEn = t('common.required');
    if (!formula.trim()) found.formula = t('common.required');
    const places = Number(decimals);
    if (!/^\d$/.test(decimals.trim()) || places > 6) found.decimals = t('catalogue.indicator.decimalsRule');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const sent = formula.trim();
    if (sent !== formula) setFormula(sent);
    setBusy(true);
    try {
      const body: SaveIndicatorBody = {
        name: name.trim(),
        nameEn: nameEn.trim(),
        formula: sent,
        unit: unit.trim(),
        decimals: Number(decimals),
        direction: direction === 'down' ? 'down' : 'up',
        description: description.trim() || null,
      };
      onSaved(await api.put<Indicator>(itemPath(PATHS.indicators, code), body));
    } catch (cause) {
      const problems = formulaProblems(cause, 'formula');
      setRefusal(problems.length > 0 ? { formula: sent, problems } : null);
      const named = fieldErrors(cause, FIELDS);
      if (problems.length > 0) delete named.form;
      setErrors(named);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={
        indicator ? t('catalogue.indicator.editTitle', { code: indicator.code }) : t('catalogue.indicator.newTitle')
      }
      onClose={onClose}
      wide
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
      <form id={FORM_ID} className="form form-grid catalogue-form" onSubmit={submit} noValidate>
        <TextField
          label={t('catalogue.code')}
          value={code}
          onChange={(value) => setCode(value.toUpperCase())}
          readOnly={indicator !== undefined}
          required
          spellCheck={false}
          autoComplete="off"
          hint={indicator ? undefined : t('catalogue.codeRule')}
          error={errors.code}
          data-testid="indicator-code"
        />
        <TextField
          label={t('catalogue.unit')}
          value={unit}
          onChange={setUnit}
          hint={t('catalogue.indicator.unitHint')}
          error={errors.unit}
          data-testid="indicator-unit"
        />
        <TextField
          label={t('catalogue.name')}
          value={name}
          onChange={setName}
          required
          error={errors.name}
          data-testid="indicator-name"
        />
        <TextField
          label={t('catalogue.nameEn')}
          value={nameEn}
          onChange={setNameEn}
          required
          lang="en"
          error={errors.nameEn}
          data-testid="indicator-name-en"
        />
        <div className="form-span">
          <FormulaEditor
            label={t('catalogue.indicator.formula')}
            value={formula}
            onChange={setFormula}
            refusal={refusal}
            elements={elementItems}
            indicators={indicatorItems}
            constants={constantItems}
            error={errors.formula}
          />
        </div>
        <TextField
          label={t('catalogue.indicator.decimals')}
          value={decimals}
          onChange={setDecimals}
          inputMode="numeric"
          hint={t('catalogue.indicator.decimalsRule')}
          error={errors.decimals}
          data-testid="indicator-decimals"
        />
        <ChoiceGroup
          legend={t('catalogue.indicator.direction')}
          name="direction"
          value={direction}
          onChange={setDirection}
          error={errors.direction}
          choices={[
            { value: 'up', label: t('catalogue.direction.up'), detail: t('catalogue.direction.upHint') },
            { value: 'down', label: t('catalogue.direction.down'), detail: t('catalogue.direction.downHint') },
          ]}
          data-testid="indicator-direction"
        />
        <div className="form-span">
          <TextAreaField
            label={t('catalogue.indicator.description')}
            value={description}
            onChange={setDescription}
            rows={2}
            error={errors.description}
          />
        </div>
        <FormAlert message={errors.form} />
      </form>
    </Dialog>
  );
}
