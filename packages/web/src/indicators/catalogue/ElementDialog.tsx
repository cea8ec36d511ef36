import type { DataElement, SaveDataElementBody } from '@ioc/shared';
import { useState } from 'react';
import { apiCall } from '../../api/client.ts';
import { TextField } from '../../components/Field.tsx';
import { type Lang, useI18n } from '../../i18n/index.tsx';
import { formatForInput, parseNumber } from '../data/valueChecks.ts';
import { CatalogueDialog, CodeField, NameFields } from './CatalogueDialog.tsx';
import { CategoriesField } from './CategoriesField.tsx';
import {
  AGGREGATION_HINT,
  AGGREGATION_LABEL,
  AGGREGATIONS,
  codeAndNameProblems,
  FREQUENCIES,
  FREQUENCY_LABEL,
  labelOf,
  VALUE_TYPE_LABEL,
  VALUE_TYPES,
} from './catalogue.ts';
import { ChoiceGroup, SelectField } from './fields.tsx';
import { useCatalogueSave } from './useCatalogueSave.ts';

const FIELDS = [
  'name',
  'nameEn',
  'unit',
  'valueType',
  'aggregation',
  'frequency',
  'owner',
  'categories',
  'minValue',
  'maxValue',
] as const;
const FORM_ID = 'element-form';

type Bound = { value: number | null } | { problem: string };

function readBound(text: string, lang: Lang): Bound {
  const parsed = parseNumber(text, lang);
  return 'problem' in parsed ? { problem: parsed.problem } : parsed;
}

interface ElementDialogProps {
  /** Absent: a new data element. */
  element?: DataElement;
  elements: readonly DataElement[];
  onClose(): void;
  onSaved(element: DataElement): void;
}

export function ElementDialog({ element, elements, onClose, onSaved }: ElementDialogProps) {
  const { t, lang } = useI18n();
  const { busy, errors, check, save } = useCatalogueSave(FIELDS);
  const [code, setCode] = useState(element?.code ?? '');
  const [name, setName] = useState(element?.name ?? '');
  const [nameEn, setNameEn] = useState(element?.nameEn ?? '');
  const [unit, setUnit] = useState(element?.unit ?? '');
  const [valueType, setValueType] = useState(element?.valueType ?? 'number');
  const [aggregation, setAggregation] = useState(element?.aggregation ?? 'sum');
  const [frequency, setFrequency] = useState(element?.frequency ?? 'month');
  const [owner, setOwner] = useState(element?.owner ?? '');
  const [categories, setCategories] = useState<string[]>(element?.categories ?? []);
  const [minValue, setMinValue] = useState(
    element?.minValue === null || element?.minValue === undefined ? '' : formatForInput(element.minValue, lang),
  );
  const [maxValue, setMaxValue] = useState(
    element?.maxValue === null || element?.maxValue === undefined ? '' : formatForInput(element.maxValue, lang),
  );

  const submit = async () => {
    const found = codeAndNameProblems(t, { code, name, nameEn }, element, elements);
    const min = readBound(minValue, lang);
    const max = readBound(maxValue, lang);
    if ('problem' in min) found.minValue = t('catalogue.numberInvalid');
    if ('problem' in max) found.maxValue = t('catalogue.numberInvalid');
    if ('value' in min && 'value' in max && min.value !== null && max.value !== null && min.value > max.value) {
      found.maxValue = t('catalogue.element.minAboveMax');
    }
    if (!check(found) || !('value' in min) || !('value' in max)) return;
    const body: SaveDataElementBody = {
      name: name.trim(),
      nameEn: nameEn.trim(),
      unit: unit.trim(),
      valueType: valueType as SaveDataElementBody['valueType'],
      aggregation: aggregation as SaveDataElementBody['aggregation'],
      frequency: frequency as SaveDataElementBody['frequency'],
      owner: owner.trim() || null,
      categories,
      minValue: min.value,
      maxValue: max.value,
    };
    await save(async () => onSaved(await apiCall('PUT /api/v1/data-elements/:code', { params: { code }, body })));
  };

  const frequencyChanged = element !== undefined && frequency !== element.frequency;
  return (
    <CatalogueDialog
      title={element ? t('catalogue.element.editTitle', { code: element.code }) : t('catalogue.element.newTitle')}
      formId={FORM_ID}
      busy={busy}
      formError={errors.form}
      onClose={onClose}
      onSubmit={submit}
    >
      <CodeField
        value={code}
        onChange={setCode}
        fixed={element !== undefined}
        error={errors.code}
        data-testid="element-code"
      />
      <TextField
        label={t('catalogue.element.unit')}
        value={unit}
        onChange={setUnit}
        hint={t('catalogue.element.unitHint')}
        error={errors.unit}
        data-testid="element-unit"
      />
      <NameFields name={name} onName={setName} nameEn={nameEn} onNameEn={setNameEn} errors={errors} testId="element" />
      <SelectField
        label={t('catalogue.element.valueType')}
        value={valueType}
        onChange={setValueType}
        options={VALUE_TYPES.map((type) => ({ value: type, label: labelOf(t, VALUE_TYPE_LABEL, type) }))}
        error={errors.valueType}
        data-testid="element-value-type"
      />
      <SelectField
        label={t('catalogue.frequency')}
        value={frequency}
        onChange={setFrequency}
        options={FREQUENCIES.map((value) => ({ value, label: labelOf(t, FREQUENCY_LABEL, value) }))}
        hint={frequencyChanged ? t('catalogue.element.frequencyChanged') : undefined}
        error={errors.frequency}
        data-testid="element-frequency"
      />
      <div className="form-span">
        <ChoiceGroup
          legend={t('catalogue.element.aggregation')}
          name="aggregation"
          value={aggregation}
          onChange={setAggregation}
          error={errors.aggregation}
          choices={AGGREGATIONS.map((value) => ({
            value,
            label: labelOf(t, AGGREGATION_LABEL, value),
            detail: labelOf(t, AGGREGATION_HINT, value),
          }))}
          data-testid="element-aggregation"
        />
      </div>
      <TextField
        label={t('catalogue.element.minValue')}
        value={minValue}
        onChange={setMinValue}
        inputMode="decimal"
        hint={t('catalogue.element.boundHint')}
        error={errors.minValue}
        data-testid="element-min"
      />
      <TextField
        label={t('catalogue.element.maxValue')}
        value={maxValue}
        onChange={setMaxValue}
        inputMode="decimal"
        hint={t('catalogue.element.boundHint')}
        error={errors.maxValue}
        data-testid="element-max"
      />
      <div className="form-span">
        <TextField
          label={t('catalogue.element.owner')}
          value={owner}
          onChange={setOwner}
          hint={t('catalogue.element.ownerHint')}
          error={errors.owner}
        />
      </div>
      <div className="form-span">
        <CategoriesField value={categories} onChange={setCategories} error={errors.categories} />
      </div>
    </CatalogueDialog>
  );
}
