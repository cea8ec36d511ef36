import { formatPeriod } from '../calendar/periods.ts';
import { useI18n } from '../i18n/index.tsx';
import type { MapData } from './mapData.ts';
import type { OverlayChoice, OverlayClass } from './overlay.ts';
import type { MapOverlay } from './useMapOverlay.ts';

interface OverlayLegendProps {
  data: MapData;
  choice: OverlayChoice;
  overlay: MapOverlay;
  period: string;
}

/** The legend over the map: the kinds of unit, or the overlay's classes with what they count; the province outline. */
export function OverlayLegend({ data, choice, overlay, period }: OverlayLegendProps) {
  const { t, lang } = useI18n();
  const wards = data.units.filter((unit) => unit.kind === 'ward').length;
  const withoutBoundary = data.units.filter((unit) => !unit.hasBoundary).length;
  const { shading } = overlay;

  const countLabel = (c: OverlayClass) =>
    c.to === null
      ? t('map.legend.countAtLeast', { from: c.from })
      : c.to === c.from
        ? t('map.legend.count', { from: c.from })
        : t('map.legend.countRange', { from: c.from, to: c.to });
  const valueLabel = (c: OverlayClass) =>
    t('map.legend.range', { from: overlay.formatValue(c.from), to: overlay.formatValue(c.to ?? c.from) });

  const title =
    choice.kind === 'alerts'
      ? t('map.legend.alerts')
      : choice.kind === 'indicator' && overlay.indicator
        ? lang === 'en'
          ? overlay.indicator.nameEn
          : overlay.indicator.name
        : t('map.legend.title');

  return (
    <aside className="map-legend" aria-label={title} data-testid="map-legend" data-overlay={choice.kind}>
      <h2>{title}</h2>
      <ul>
        {choice.kind === 'units' && (
          <>
            <li>
              <span className="swatch swatch-ward" aria-hidden="true" />
              {t('kind.ward')} ({wards})
            </li>
            <li>
              <span className="swatch swatch-commune" aria-hidden="true" />
              {t('kind.commune')} ({data.units.length - wards})
            </li>
          </>
        )}
        {choice.kind !== 'units' &&
          shading?.classes.map((c) => (
            <li key={`${c.from}-${c.to}`} data-testid="map-legend-class">
              <span className="swatch" style={{ background: `var(${c.colour})` }} aria-hidden="true" />
              {choice.kind === 'alerts' ? countLabel(c) : valueLabel(c)}
            </li>
          ))}
        {choice.kind === 'indicator' && shading?.missing && (
          <li>
            <span className="swatch swatch-nodata" aria-hidden="true" />
            {t('map.legend.noValue')}
          </li>
        )}
        {withoutBoundary > 0 && (
          <li>
            <span className="swatch swatch-disc" aria-hidden="true" />
            {t('map.legend.disc')}
          </li>
        )}
        {data.outline && (
          <li>
            <span className="swatch swatch-outline" aria-hidden="true" />
            {t('map.outline.legend')}
          </li>
        )}
      </ul>
      {choice.kind === 'indicator' && shading && shading.classes.length > 0 && (
        <p className="muted small">{t('map.legend.indicatorNote', { period: formatPeriod(period, lang) })}</p>
      )}
      {choice.kind === 'alerts' && overlay.alerts && (
        <>
          <p className="muted small">{t('map.legend.alertsTotal', { count: overlay.alerts.total })}</p>
          {overlay.alerts.elsewhere > 0 && (
            <p className="muted small">{t('map.legend.alertsElsewhere', { count: overlay.alerts.elsewhere })}</p>
          )}
          {overlay.alerts.capped && <p className="muted small">{t('map.legend.alertsCapped', { count: 500 })}</p>}
        </>
      )}
      <p className="muted small">{t('map.legend.hint')}</p>
    </aside>
  );
}
