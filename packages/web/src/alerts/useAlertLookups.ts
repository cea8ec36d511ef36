import { useMemo } from 'react';
import { useActiveUnits } from '../api/orgUnits.ts';
import { useApiQuery } from '../api/queries.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { localName, useI18n } from '../i18n/index.tsx';
import type { DetailLookups } from './alertWords.ts';

const LONG = { staleTime: 10 * 60_000 };

/**
 * The names an alert's codes stand for, in the UI's language: units, agencies, data elements and
 * rules; each read only when the user may read it, a code without a name stays as it is.
 */
export function useAlertLookups(): DetailLookups {
  const { lang } = useI18n();
  const { can } = useAuth();
  const { units } = useActiveUnits();
  const agencies = useApiQuery('GET /api/v1/agencies', {}, { staleTime: Number.POSITIVE_INFINITY });
  const elements = useApiQuery('GET /api/v1/data-elements', can('indicators.read') ? {} : null, LONG);
  const rules = useApiQuery('GET /api/v1/alert-rules', can('alerts.read') ? {} : null);
  return useMemo(() => {
    const unitNames = new Map(units.map((unit) => [unit.id, localName(lang, unit.name, unit.nameEn)]));
    const agencyNames = new Map(
      (agencies.data ?? []).map((agency) => [agency.code, localName(lang, agency.name, agency.nameEn)]),
    );
    const elementNames = new Map(
      (elements.data ?? []).map((element) => [element.code, localName(lang, element.name, element.nameEn)]),
    );
    const ruleNames = new Map((rules.data ?? []).map((rule) => [rule.code, localName(lang, rule.name, rule.nameEn)]));
    return {
      lang,
      unitName: (code) => unitNames.get(code),
      agencyName: (code) => agencyNames.get(code),
      elementName: (code) => elementNames.get(code),
      ruleName: (code) => ruleNames.get(code),
    };
  }, [lang, units, agencies.data, elements.data, rules.data]);
}
