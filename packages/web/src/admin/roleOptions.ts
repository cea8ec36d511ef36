import { BUILT_IN_ROLES } from '@ioc/shared';
import { useMemo } from 'react';
import { useApiQuery } from '../api/queries.ts';
import type { CheckboxOption } from '../components/CheckboxList.tsx';
import { type Lang, localName } from '../i18n/index.tsx';

/** Roles to choose from; the built-in list stands in when the user may not read roles. */
export function useRoleOptions(lang: Lang): { options: CheckboxOption[]; labelOf(code: string): string } {
  const roles = useApiQuery('GET /api/v1/roles');
  return useMemo(() => {
    const list: { code: string; vi: string; en: string }[] = roles.data
      ? roles.data.map((role) => ({ code: role.code, vi: role.nameVi, en: role.nameEn }))
      : Object.entries(BUILT_IN_ROLES).map(([code, role]) => ({ code, vi: role.vi, en: role.en }));
    const labels = new Map(list.map((role) => [role.code, localName(lang, role.vi, role.en)]));
    return {
      options: list.map((role) => ({ value: role.code, label: labels.get(role.code) ?? role.code, detail: role.code })),
      labelOf: (code) => labels.get(code) ?? code,
    };
  }, [roles.data, lang]);
}
