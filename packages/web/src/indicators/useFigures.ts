import type { Indicator } from '@ioc/shared';
import { useMemo } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { unitLabel, withUnit } from './unitLabels.ts';

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

/** The kit's formatter with the indicators' own units: what every figure of subsystem 1 is written with. */
export function useFigures(): Figures {
  const { lang, fmt } = useI18n();
  return useMemo(() => {
    const unit = (indicator: Indicator) => unitLabel(indicator.unit, lang);
    return {
      fixed: fmt.fixed,
      unit,
      value: (indicator, value) => withUnit(fmt.fixed(value, indicator.decimals), unit(indicator)),
      percent: fmt.rate,
    };
  }, [lang, fmt]);
}
