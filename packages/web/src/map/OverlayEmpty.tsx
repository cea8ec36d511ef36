import { formatPeriod } from '../calendar/periods.ts';
import { useI18n } from '../i18n/index.tsx';
import type { OverlayChoice } from './overlay.ts';
import type { MapOverlay } from './useMapOverlay.ts';

/** Over the map, why the overlay colours nothing (or that it is still loading); the communes stay drawn beneath. */
export function OverlayEmpty({
  choice,
  overlay,
  period,
}: {
  choice: OverlayChoice;
  overlay: MapOverlay;
  period: string;
}) {
  const { t, lang } = useI18n();
  if (choice.kind === 'units') return null;
  if (overlay.loading) {
    return (
      <p className="map-overlay-state" role="status">
        {t('map.overlay.loading')}
      </p>
    );
  }
  if (!overlay.empty) return null;
  const text =
    choice.kind === 'alerts'
      ? t('map.empty.alerts')
      : overlay.indicator
        ? t('map.empty.indicator', { period: formatPeriod(period, lang) })
        : t('map.empty.indicators');
  return (
    <div className="map-overlay-state" role="status" data-testid="map-overlay-empty">
      <p>{text}</p>
      {choice.kind === 'indicator' && overlay.indicator && (
        <p className="muted small">{t('map.empty.indicatorHint')}</p>
      )}
    </div>
  );
}
