import type { DataElement, Indicator, IndicatorConstant, SaveIndicatorBody } from '@ioc/shared';
import { useMemo, useState } from 'react';
import { apiCall } from '../../api/client.ts';
import { TextField } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { CatalogueDialog, CodeField, NameFields } from './CatalogueDialog.tsx';
import { codeAndNameProblems } from './catalogue.ts';
import { FormulaEditor, type Refusal } from './FormulaEditor.tsx';
import { ChoiceGroup, TextAreaField } from './fields.tsx';
import { formulaProblems } from './formula.ts';
import { constantReferables, elementReferables, indicatorReferables } from './referables.ts';
import { useCatalogueSave } from './useCatalogueSave.ts';

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
  const { busy, errors, check, save } = useCatalogueSave(FIELDS);
  const [code, setCode] = useState(indicator?.code ?? '');
  const [name, setName] = useState(indicator?.name ?? '');
  const [nameEn, setNameEn] = useState(indicator?.nameEn ?? '');
  const [formula, setFormula] = useState(indicator?.formula ?? '');
  const [unit, setUnit] = useState(indicator?.unit ?? '');
  const [decimals, setDecimals] = useState(String(indicator?.decimals ?? 1));
  const [direction, setDirection] = useState(indicator?.direction ?? 'up');
  const [description, setDescription] = useState(indicator?.description ?? '');
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const elementItems = useMemo(() => elementReferables(elements, lang), [elements, lang]);
  const indicatorItems = useMemo(
    () => indicatorReferables(indicators, lang, indicator?.code ?? code),
    [indicators, lang, indicator, code],
  );
  const constantItems = useMemo(() => constantReferables(constants), [constants]);

  const validate = () => {
    const found = codeAndNameProblems(t, { code, name, nameEn }, indicator, indicators);
    if (!formula.trim()) found.formula = t('common.required');
    const places = Number(decimals);
    if (!/^\d$/.test(decimals.trim()) || places > 6) found.decimals = t('catalogue.indicator.decimalsRule');
    return found;
  };

  const submit = async () => {
    if (!check(validate())) return;
    const sent = formula.trim();
    if (sent !== formula) setFormula(sent);
    const body: SaveIndicatorBody = {
      name: name.trim(),
      nameEn: nameEn.trim(),
      formula: sent,
      unit: unit.trim(),
      decimals: Number(decimals),
      direction: direction === 'down' ? 'down' : 'up',
      description: description.trim() || null,
    };
    await save(
      async () => onSaved(await apiCall('PUT /api/v1/indicators/:code', { params: { code }, body })),
      (cause, named) => {
        const problems = formulaProblems(cause, 'formula');
        setRefusal(problems.length > 0 ? { formula: sent, problems } : null);
        if (problems.length > 0) delete named.form;
        return named;
      },
    );
  };

  return (
    <CatalogueDialog
      title={
        indicator ? t('catalogue.indicator.editTitle', { code: indicator.code }) : t('catalogue.indicator.newTitle')
      }
      formId={FORM_ID}
      busy={busy}
      formError={errors.form}
      onClose={onClose}
      onSubmit={submit}
    >
      <CodeField
        value={code}
        onChange={setCode}
        fixed={indicator !== undefined}
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
      <NameFields
        name={name}
        onName={setName}
        nameEn={nameEn}
        onNameEn={setNameEn}
        errors={errors}
        testId="indicator"
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
    </CatalogueDialog>
  );
}
