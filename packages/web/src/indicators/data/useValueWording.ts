import { useCallback } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { ValueProblem } from './valueChecks.ts';

/** What is wrong with a typed value, in the user's language; an ambiguous number gets both readings spelled out. */
export function useValueWording(): (problem: ValueProblem, typed: string) => string {
  const { t, lang } = useI18n();
  return useCallback(
    (problem: ValueProblem, typed: string) => {
      switch (problem.rule) {
        case 'type':
          return t('data.check.type');
        case 'ambiguous': {
          const text = typed.trim();
          const [grouping, decimal] = lang === 'vi' ? ['.', ','] : [',', '.'];
          return t('data.check.ambiguous', {
            typed: text,
            whole: text.replace(grouping, ''),
            decimal: text.replace(grouping, decimal),
          });
        }
        case 'integer':
          return t('data.check.integer');
        case 'minimum':
          return problem.limit === undefined
            ? t('validation.invalid')
            : t('validation.minimum', { limit: problem.limit });
        case 'maximum':
          return problem.limit === undefined
            ? t('validation.invalid')
            : t('validation.maximum', { limit: problem.limit });
      }
    },
    [t, lang],
  );
}
