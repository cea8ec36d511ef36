import type { TaskUnit } from '@ioc/shared';
import { localName, useI18n } from '../../i18n/index.tsx';

/** The lead units in two groups, departments first, as the API lists them. */
export function UnitOptions({ units, exclude }: { units: readonly TaskUnit[]; exclude?: string }) {
  const { t, lang } = useI18n();
  const groups = [
    { label: t('task.units.departments'), units: units.filter((unit) => unit.kind !== 'commune') },
    { label: t('task.units.communes'), units: units.filter((unit) => unit.kind === 'commune') },
  ];
  return (
    <>
      {groups.map(
        (group) =>
          group.units.length > 0 && (
            <optgroup key={group.label} label={group.label}>
              {group.units
                .filter((unit) => unit.code !== exclude)
                .map((unit) => (
                  <option key={unit.code} value={unit.code}>
                    {localName(lang, unit.name, unit.nameEn)}
                  </option>
                ))}
            </optgroup>
          ),
      )}
    </>
  );
}
