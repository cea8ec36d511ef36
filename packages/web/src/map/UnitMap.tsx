import { useCallback, useMemo } from 'react';
import { echarts } from '../charts/echarts.ts';
import { useChart } from '../charts/useChart.ts';
import { useTheme } from '../components/theme.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { MapData } from './mapData.ts';
import { buildMapOption, MAP_NAME } from './mapOption.ts';

interface UnitMapProps {
  data: MapData;
  onSelect(code: string): void;
}

/** The communes and wards on an ECharts map drawn from GeoJSON: no tile server, works offline. */
export function UnitMap({ data, onSelect }: UnitMapProps) {
  const { t, fmt } = useI18n();
  const { theme } = useTheme();
  const formatArea = useCallback((km2: number | null) => (km2 === null ? '—' : `${fmt.number(km2)} km²`), [fmt]);
  const option = useMemo(() => {
    // `theme` is read through the stylesheet's variables, so a theme change must redraw.
    void theme;
    echarts.registerMap(MAP_NAME, data.collection as Parameters<typeof echarts.registerMap>[1]);
    return buildMapOption(data, t, formatArea);
  }, [data, t, formatArea, theme]);
  const container = useChart(option, onSelect);

  return (
    <div
      ref={container}
      className="unit-map"
      data-testid="unit-map"
      data-mode={data.mode}
      data-count={data.units.length}
      role="img"
      aria-label={t('map.ariaLabel', { count: data.units.length })}
    />
  );
}
