import type { OrgUnit } from '@ioc/shared';
import { useId, useMemo } from 'react';
import { compareUnits, useActiveUnits } from '../api/orgUnits.ts';
import { localName, useI18n } from '../i18n/index.tsx';
import { kindLabel } from '../units/kind.ts';
import { FieldShell } from './Field.tsx';

interface UnitSelectProps {
  label: string;
  value: string;
  onChange(code: string): void;
  error?: string | undefined;
  required?: boolean;
}

/** Picks a unit valid today (the province, wards, communes), grouped by kind; typing a letter jumps in the list. */
export function UnitSelect({ label, value, onChange, error, required = false }: UnitSelectProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const { units } = useActiveUnits();

  const groups = useMemo(() => {
    const byKind = new Map<string, OrgUnit[]>();
    for (const unit of [...units].sort(compareUnits)) {
      const list = byKind.get(unit.kind) ?? [];
      list.push(unit);
      byKind.set(unit.kind, list);
    }
    return [...byKind.entries()];
  }, [units]);

  const known = units.some((unit) => unit.code === value);

  return (
    <FieldShell id={id} label={label} error={error}>
      <select
        id={id}
        value={value}
        required={required}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
      >
        <option value="">{t('common.choose')}</option>
        {value && !known && <option value={value}>{value}</option>}
        {groups.map(([kind, list]) => (
          <optgroup key={kind} label={kindLabel(t, kind)}>
            {list.map((unit) => (
              <option key={unit.code} value={unit.code}>
                {localName(lang, unit.name, unit.nameEn)} ({unit.code})
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </FieldShell>
  );
}
