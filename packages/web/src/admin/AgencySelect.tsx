import { useId } from 'react';
import { useApiQuery } from '../api/queries.ts';
import { FieldShell } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';

interface AgencySelectProps {
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
}

/** The agency a user acts for in directed tasks (a department officer); empty for leaders and the operator. */
export function AgencySelect({ value, onChange, error }: AgencySelectProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const units = useApiQuery('GET /api/v1/tasks/units');
  return (
    <FieldShell id={id} label={t('users.agency')} error={error} hint={t('users.agencyHint')}>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        data-testid="user-agency"
      >
        <option value="">{t('users.agencyNone')}</option>
        {(units.data ?? []).map((unit) => (
          <option key={unit.code} value={unit.code}>
            {lang === 'en' ? unit.nameEn : unit.name}
          </option>
        ))}
        {value && !units.data?.some((u) => u.code === value) && <option value={value}>{value}</option>}
      </select>
    </FieldShell>
  );
}
