import type { Indicator } from '@ioc/shared';
import { useMemo } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { fixedNumber, unitLabel, withUnit } from './format.ts';

export interface Figures {
  /** A number with exactly `decimals` digits. */
  fixed(value: number, decimals: number): string;
  /** The indicator's unit in the UI language. */
  unit(indicator: Indicator): string;
  /** A value of the indicator with its decimals and unit: `1.487,3 tỷ đồng`. */
  value(indicator: Indicator, value: number): string;
  /** `84,6%`. */
  percent(value: number): string;
}

export function useFigures(): Figures {
  const { lang } = useI18n();
  return useMemo(() => {
    const fixed = fixedNumber(lang);
    const unit = (indicator: Indicator) => unitLabel(indicator.unit, lang);
    return {
      fixed,
      unit,
      value: (indicator, value) => withUnit(fixed(value, indicator.decimals), unit(indicator)),
      percent: (value) => `${fixed(value, 1)}%`,
    };
  }, [lang]);
}
