import type { Indicator } from '@ioc/shared';
import { useId, useMemo } from 'react';
import { currentMonth } from '../calendar/days.ts';
import { PeriodPicker } from '../calendar/PeriodPicker.tsx';
import { shiftPeriod } from '../calendar/periods.ts';
import { useI18n } from '../i18n/index.tsx';

interface OverlayControlsProps {
  /** `units`, `alerts` or `indicator:CODE`. */
  choice: string;
  indicators: readonly Indicator[] | undefined;
  canAlerts: boolean;
  canIndicators: boolean;
  period: string;
  showPeriod: boolean;
  onChange(patch: { overlay?: string; period?: string }): void;
}

/** One select for what colours the map (native, so the keyboard works as everywhere), and the period for an indicator. */
export function OverlayControls(props: OverlayControlsProps) {
  const { choice, indicators, canAlerts, canIndicators, period, showPeriod, onChange } = props;
  const { t, lang } = useI18n();
  const id = useId();
  const newestMonth = useMemo(() => currentMonth(new Date()), []);
  const sorted = useMemo(
    () =>
      [...(indicators ?? [])].sort((a, b) =>
        (lang === 'en' ? a.nameEn : a.name).localeCompare(lang === 'en' ? b.nameEn : b.name, lang),
      ),
    [indicators, lang],
  );

  return (
    <div className="map-controls" data-testid="map-controls">
      <div className="field">
        <label htmlFor={id}>{t('map.overlay.label')}</label>
        <select
          id={id}
          value={choice}
          onChange={(event) => onChange({ overlay: event.target.value })}
          data-testid="map-overlay"
        >
          <option value="units">{t('map.overlay.units')}</option>
          {canAlerts && <option value="alerts">{t('map.overlay.alerts')}</option>}
          {canIndicators && sorted.length > 0 && (
            <optgroup label={t('map.overlay.indicators')}>
              {sorted.map((indicator) => (
                <option key={indicator.code} value={`indicator:${indicator.code}`}>
                  {lang === 'en' ? indicator.nameEn : indicator.name}
                  {indicator.unit ? ` (${indicator.unit})` : ''}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      {showPeriod && (
        <PeriodPicker
          value={period}
          newestMonth={newestMonth}
          latestMonth={shiftPeriod(newestMonth, -1)}
          coarsest="month"
          onChange={(next) => onChange({ period: next })}
        />
      )}
    </div>
  );
}
