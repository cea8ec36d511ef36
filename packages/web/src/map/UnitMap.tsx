import { useCallback, useMemo } from 'react';
import { echarts } from '../charts/echarts.ts';
import { useChart } from '../charts/useChart.ts';
import { useTheme } from '../components/theme.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { MapData } from './mapData.ts';
import { buildMapOption, MAP_NAME, type MapColouring, withOutline } from './mapOption.ts';

interface UnitMapProps {
  data: MapData;
  /** What colours the units; by default their kind. */
  colouring?: MapColouring;
  /** Names the overlay for tests and assistive text (`units`, `alerts`, `indicator:CODE`). */
  overlay?: string;
  onSelect(code: string): void;
}

/** The communes and wards on an ECharts map drawn from GeoJSON: no tile server, works offline. */
export function UnitMap({ data, colouring, overlay = 'units', onSelect }: UnitMapProps) {
  const { t, fmt, lang } = useI18n();
  const { theme } = useTheme();
  const formatArea = useCallback((km2: number | null) => (km2 === null ? '—' : `${fmt.number(km2)} km²`), [fmt]);
  const collection = useMemo(() => withOutline(data), [data]);
  const option = useMemo(() => {
    // `theme` is read through the stylesheet's variables, so a theme change must redraw.
    void theme;
    echarts.registerMap(MAP_NAME, collection as Parameters<typeof echarts.registerMap>[1]);
    return buildMapOption(data, t, formatArea, colouring, lang);
  }, [data, collection, t, formatArea, theme, colouring, lang]);
  const container = useChart(option, onSelect);

  return (
    <div
      ref={container}
      className="unit-map"
      data-testid="unit-map"
      data-mode={data.mode}
      data-count={data.units.length}
      data-regions={collection.features.length}
      data-outline={data.outline ? 'province' : 'none'}
      data-overlay={overlay}
      role="img"
      aria-label={t('map.ariaLabel', { count: data.units.length })}
    />
  );
}
