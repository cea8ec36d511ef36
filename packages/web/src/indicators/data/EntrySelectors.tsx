import type { DataSet, OrgUnit, Period } from '@ioc/shared';
import { useId, useMemo } from 'react';
import { formatPeriod } from '../../calendar/periods.ts';
import { FieldShell } from '../../components/Field.tsx';
import { localName, useI18n } from '../../i18n/index.tsx';
import { currentReportingPeriod, isPeriodType, PICKER_LENGTH, recentPeriods } from './periods.ts';
import type { EntryTab } from './selection.ts';

interface EntrySelectorsProps {
  sets: readonly DataSet[];
  set: DataSet;
  /** The units to pick from; null hides the picker (an import covers every unit in scope). */
  units: readonly OrgUnit[] | null;
  unit: string;
  period: Period;
  onChange(patch: Partial<{ set: string; unit: string; period: string; tab: EntryTab }>): void;
}

export function EntrySelectors({ sets, set, units, unit, period, onChange }: EntrySelectorsProps) {
  const { t, lang } = useI18n();
  const setId = useId();
  const unitId = useId();
  const periodId = useId();

  const periods = useMemo(() => {
    if (!isPeriodType(set.frequency)) return [period];
    const latest = currentReportingPeriod(set.frequency, set, new Date());
    const list = recentPeriods(latest, PICKER_LENGTH[set.frequency]);
    return list.some((candidate) => candidate.id === period.id) ? list : [period, ...list];
  }, [set, period]);

  return (
    <div className="form form-grid filters entry-selectors">
      <FieldShell id={setId} label={t('data.dataSet')}>
        <select
          id={setId}
          value={set.code}
          onChange={(event) => onChange({ set: event.target.value })}
          data-testid="entry-dataset"
        >
          {sets.map((candidate) => (
            <option key={candidate.code} value={candidate.code}>
              {localName(lang, candidate.name, candidate.nameEn)}
            </option>
          ))}
        </select>
      </FieldShell>
      {units && (
        <FieldShell id={unitId} label={t('data.unit')}>
          <select
            id={unitId}
            value={unit}
            onChange={(event) => onChange({ unit: event.target.value })}
            data-testid="entry-unit"
            disabled={units.length === 1 && units[0]?.id === unit}
          >
            {!unit && <option value="">{t('common.choose')}</option>}
            {units.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {localName(lang, candidate.name, candidate.nameEn)} ({candidate.id})
              </option>
            ))}
          </select>
        </FieldShell>
      )}
      <FieldShell id={periodId} label={t('data.period')}>
        <select
          id={periodId}
          value={period.id}
          onChange={(event) => onChange({ period: event.target.value })}
          data-testid="entry-period"
        >
          {periods.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {formatPeriod(candidate.id, lang, 'arabic')}
            </option>
          ))}
        </select>
      </FieldShell>
    </div>
  );
}
