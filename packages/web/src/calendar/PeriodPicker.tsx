import { useId } from 'react';
import { useI18n } from '../i18n/index.tsx';
import {
  convertPeriod,
  formatPeriod,
  isFiner,
  parseViewPeriod,
  periodOptions,
  VIEW_PERIOD_TYPES,
  type ViewPeriodType,
} from './periods.ts';

interface PeriodPickerProps {
  value: string;
  /** The newest month offered (the current one). */
  newestMonth: string;
  /** The limit when a quarter or a year becomes a month: the latest month with data. */
  latestMonth: string;
  /** The figures exist for this type and coarser only (GRDP: quarters and years). */
  coarsest: ViewPeriodType;
  /** Says why finer types are off, under the picker and on the disabled buttons. */
  coarsestNote?: string;
  onChange(period: string): void;
}

const TYPE_KEYS = { month: 'period.month', quarter: 'period.quarter', year: 'period.year' } as const;

/** Month, quarter or year, then which one; switching the type keeps the same moment (October → Q4 → 2026). */
export function PeriodPicker({ value, newestMonth, latestMonth, coarsest, coarsestNote, onChange }: PeriodPickerProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const type = parseViewPeriod(value)?.type ?? 'month';
  const options = periodOptions(type, newestMonth, value);

  const switchType = (next: ViewPeriodType) => {
    if (next !== type) onChange(convertPeriod(value, next, latestMonth));
  };

  return (
    <div className="field period-picker">
      <label htmlFor={id}>{t('period.label')}</label>
      <div className="period-picker-row">
        <fieldset className="segmented" aria-label={t('period.type')} data-testid="period-type">
          {VIEW_PERIOD_TYPES.map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={option === type}
              disabled={isFiner(option, coarsest)}
              title={isFiner(option, coarsest) ? coarsestNote : undefined}
              onClick={() => switchType(option)}
              data-testid={`period-type-${option}`}
            >
              {t(TYPE_KEYS[option])}
            </button>
          ))}
        </fieldset>
        <select id={id} value={value} onChange={(event) => onChange(event.target.value)} data-testid="period-picker">
          {options.map((period) => (
            <option key={period} value={period}>
              {formatPeriod(period, lang)}
            </option>
          ))}
        </select>
      </div>
      {coarsestNote && <small className="field-hint">{coarsestNote}</small>}
    </div>
  );
}
