import type { DataElement, DataSet, SaveDataSetBody } from '@ioc/shared';
import { useMemo, useState } from 'react';
import { ApiError, apiCall } from '../../api/client.ts';
import { compareUnits, isLocalUnit, useActiveUnits } from '../../api/orgUnits.ts';
import { useRootUnit } from '../../auth/AuthContext.tsx';
import { CheckboxList } from '../../components/CheckboxList.tsx';
import { TextField } from '../../components/Field.tsx';
import { localName, type Translate, useI18n } from '../../i18n/index.tsx';
import { kindLabel } from '../../units/kind.ts';
import { unitLabel } from '../unitLabels.ts';
import { CatalogueDialog, CodeField, NameFields } from './CatalogueDialog.tsx';
import { codeAndNameProblems, FREQUENCIES, FREQUENCY_LABEL, labelOf } from './catalogue.ts';
import {
  elementsOfFrequency,
  keepElementsOfFrequency,
  type ReportingMode,
  reportingMode,
  unitsToSave,
} from './dataSets.ts';
import { ChoiceGroup, SelectField } from './fields.tsx';
import { ScheduleText } from './ScheduleText.tsx';
import { useCatalogueSave } from './useCatalogueSave.ts';

const FIELDS = ['name', 'nameEn', 'frequency', 'dueDays', 'dueTime', 'lockDays', 'elements', 'units'] as const;
const FORM_ID = 'dataset-form';
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** The server names a refused element or unit by its index in the list sent; say which one and why. */
function memberErrors(cause: unknown, sent: SaveDataSetBody, t: Translate): Record<string, string> {
  if (!(cause instanceof ApiError)) return {};
  const elements: string[] = [];
  const units: string[] = [];
  for (const problem of cause.fieldErrors) {
    const match = /^\/(elements|units)\/(\d+)$/.exec(problem.field);
    if (!match) continue;
    const index = Number(match[2]);
    if (match[1] === 'elements') {
      const code = sent.elements[index] ?? '';
      elements.push(
        problem.rule === 'frequency'
          ? t('catalogue.dataSet.elementFrequency', {
              code,
              frequency: labelOf(t, FREQUENCY_LABEL, String(problem.limit ?? '')).toLowerCase(),
            })
          : t('catalogue.dataSet.elementUnknown', { code }),
      );
    } else {
      units.push(t('catalogue.dataSet.unitUnknown', { code: sent.units?.[index] ?? '' }));
    }
  }
  const found: Record<string, string> = {};
  if (elements.length > 0) found.elements = elements.join(' ');
  if (units.length > 0) found.units = units.join(' ');
  return found;
}

interface DataSetDialogProps {
  /** Absent: a new data set. */
  dataSet?: DataSet;
  dataSets: readonly DataSet[];
  elements: readonly DataElement[];
  onClose(): void;
  onSaved(dataSet: DataSet): void;
}

export function DataSetDialog({ dataSet, dataSets, elements, onClose, onSaved }: DataSetDialogProps) {
  const { t, lang } = useI18n();
  const root = useRootUnit().code;
  const { busy, errors, check, save } = useCatalogueSave(FIELDS);
  const { units } = useActiveUnits();
  const [code, setCode] = useState(dataSet?.code ?? '');
  const [name, setName] = useState(dataSet?.name ?? '');
  const [nameEn, setNameEn] = useState(dataSet?.nameEn ?? '');
  const [frequency, setFrequency] = useState(dataSet?.frequency ?? 'month');
  const [dueDays, setDueDays] = useState(String(dataSet?.dueDays ?? 24));
  const [dueTime, setDueTime] = useState(dataSet?.dueTime ?? '23:59');
  const [lockDays, setLockDays] = useState(
    dataSet?.lockDays === null || dataSet?.lockDays === undefined ? '' : String(dataSet.lockDays),
  );
  const [members, setMembers] = useState<string[]>(dataSet?.elements ?? []);
  const [dropped, setDropped] = useState<string[]>([]);
  const [chosenUnits, setChosenUnits] = useState<string[]>(dataSet?.units ?? []);
  const [mode, setMode] = useState<ReportingMode | null>(null);

  const sortedUnits = useMemo(
    () => units.filter((unit) => unit.id === root || isLocalUnit(unit)).sort(compareUnits),
    [units, root],
  );
  const communeIds = useMemo(() => sortedUnits.filter(isLocalUnit).map((unit) => unit.id), [sortedUnits]);
  // Until the units have loaded, an existing list cannot be told apart from "all communes".
  const reporting: ReportingMode =
    mode ?? (communeIds.length > 0 ? reportingMode(dataSet?.units ?? [], communeIds) : 'all');

  const elementOptions = useMemo(
    () =>
      elementsOfFrequency(elements, frequency).map((element) => ({
        value: element.code,
        label: localName(lang, element.name, element.nameEn),
        detail: [element.code, unitLabel(element.unit, lang)].filter(Boolean).join(' · '),
      })),
    [elements, frequency, lang],
  );
  const unitOptions = useMemo(
    () =>
      sortedUnits.map((unit) => ({
        value: unit.id,
        label: localName(lang, unit.name, unit.nameEn),
        detail: `${kindLabel(t, unit.kind)} · ${unit.code}`,
      })),
    [sortedUnits, lang, t],
  );

  const unitsUntouched =
    dataSet !== undefined &&
    mode === null &&
    chosenUnits.length === dataSet.units.length &&
    chosenUnits.every((unit) => dataSet.units.includes(unit));

  const changeFrequency = (next: string) => {
    const { kept, dropped: out } = keepElementsOfFrequency(members, elements, next);
    setFrequency(next);
    setMembers(kept);
    setDropped(out);
  };

  const days = /^\d{1,3}$/.test(dueDays.trim()) ? Number(dueDays) : null;
  const lock = lockDays.trim() === '' ? null : /^\d{1,3}$/.test(lockDays.trim()) ? Number(lockDays) : Number.NaN;
  const schedule =
    days !== null && days <= 400 && TIME.test(dueTime) && !Number.isNaN(lock)
      ? { frequency, dueDays: days, dueTime, lockDays: lock }
      : null;

  const submit = async () => {
    const found = codeAndNameProblems(t, { code, name, nameEn }, dataSet, dataSets);
    if (days === null || days > 400) found.dueDays = t('catalogue.dataSet.dueDaysRule');
    if (!TIME.test(dueTime)) found.dueTime = t('catalogue.dataSet.dueTimeRule');
    if (Number.isNaN(lock) || (lock !== null && lock > 800)) found.lockDays = t('catalogue.dataSet.lockDaysRule');
    else if (lock !== null && days !== null && lock <= days) found.lockDays = t('catalogue.dataSet.lockBeforeDue');
    if (members.length === 0) found.elements = t('catalogue.dataSet.elementsRequired');
    if (reporting === 'list' && chosenUnits.length === 0) found.units = t('catalogue.dataSet.unitsRequired');
    if (!check(found) || days === null) return;
    const body: SaveDataSetBody = {
      name: name.trim(),
      nameEn: nameEn.trim(),
      frequency: frequency as SaveDataSetBody['frequency'],
      dueDays: days,
      dueTime,
      lockDays: lock,
      elements: members,
      // Left as they were, the units are not sent: the server keeps them (and the list may not have loaded yet).
      units: unitsUntouched ? undefined : unitsToSave(reporting, chosenUnits, dataSet?.units ?? [], communeIds),
    };
    await save(
      async () => onSaved(await apiCall('PUT /api/v1/data-sets/:code', { params: { code }, body })),
      (cause, named) => {
        const all = { ...named, ...memberErrors(cause, body, t) };
        if (all.elements || all.units) delete all.form;
        return all;
      },
    );
  };

  return (
    <CatalogueDialog
      title={dataSet ? t('catalogue.dataSet.editTitle', { code: dataSet.code }) : t('catalogue.dataSet.newTitle')}
      formId={FORM_ID}
      busy={busy}
      formError={errors.form}
      onClose={onClose}
      onSubmit={submit}
    >
      <CodeField
        value={code}
        onChange={setCode}
        fixed={dataSet !== undefined}
        error={errors.code}
        data-testid="dataset-code"
      />
      <SelectField
        label={t('catalogue.frequency')}
        value={frequency}
        onChange={changeFrequency}
        options={FREQUENCIES.map((value) => ({ value, label: labelOf(t, FREQUENCY_LABEL, value) }))}
        error={errors.frequency}
        data-testid="dataset-frequency"
      />
      <NameFields name={name} onName={setName} nameEn={nameEn} onNameEn={setNameEn} errors={errors} testId="dataset" />
      <div className="form-span schedule-fields">
        <TextField
          label={t('catalogue.dataSet.dueDays')}
          value={dueDays}
          onChange={setDueDays}
          inputMode="numeric"
          hint={t('catalogue.dataSet.dueDaysHint')}
          error={errors.dueDays}
          data-testid="dataset-due-days"
        />
        <TextField
          label={t('catalogue.dataSet.dueTime')}
          value={dueTime}
          inputMode="numeric"
          maxLength={5}
          placeholder="23:59"
          onChange={setDueTime}
          hint={t('catalogue.dataSet.dueTimeHint')}
          error={errors.dueTime}
          data-testid="dataset-due-time"
        />
        <TextField
          label={t('catalogue.dataSet.lockDays')}
          value={lockDays}
          onChange={setLockDays}
          inputMode="numeric"
          hint={t('catalogue.dataSet.lockDaysHint')}
          error={errors.lockDays}
          data-testid="dataset-lock-days"
        />
      </div>
      {schedule && (
        <div className="form-span notice notice-info schedule-preview" aria-live="polite" data-testid="dataset-preview">
          <div>
            <strong>{t('catalogue.dataSet.deadline')}:</strong> <ScheduleText schedule={schedule} part="deadline" />
          </div>
          <div>
            <strong>{t('catalogue.dataSet.lock')}:</strong> <ScheduleText schedule={schedule} part="lock" />
          </div>
        </div>
      )}
      <div className="form-span">
        {dropped.length > 0 && (
          <p className="notice notice-warning" role="status">
            {t('catalogue.dataSet.dropped', { count: dropped.length, codes: dropped.join(', ') })}
          </p>
        )}
        <CheckboxList
          legend={t('catalogue.dataSet.elements', {
            frequency: labelOf(t, FREQUENCY_LABEL, frequency).toLowerCase(),
          })}
          options={elementOptions}
          selected={members}
          onChange={setMembers}
          filterable
          error={errors.elements}
        />
      </div>
      <div className="form-span">
        <ChoiceGroup
          legend={t('catalogue.dataSet.units')}
          name="reporting"
          value={reporting}
          onChange={(value) => setMode(value === 'list' ? 'list' : 'all')}
          choices={[
            {
              value: 'all',
              label: t('catalogue.dataSet.allCommunes', { count: communeIds.length }),
              detail: t('catalogue.dataSet.allCommunesHint'),
            },
            {
              value: 'list',
              label: t('catalogue.dataSet.chosenUnits'),
              detail: t('catalogue.dataSet.chosenUnitsHint'),
            },
          ]}
          data-testid="dataset-reporting"
        />
        {reporting === 'list' && (
          <CheckboxList
            legend={t('catalogue.dataSet.unitList')}
            options={unitOptions}
            selected={chosenUnits}
            onChange={setChosenUnits}
            filterable
            error={errors.units}
          />
        )}
        {reporting === 'all' && errors.units && <small className="field-error">{errors.units}</small>}
      </div>
    </CatalogueDialog>
  );
}
