import { useEffect, useRef } from 'react';
import { useTheme } from '../components/theme.tsx';
import { useI18n } from '../i18n/index.tsx';
import { echarts } from './echarts.ts';
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
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const select = useRef(onSelect);

  useEffect(() => {
    select.current = onSelect;
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (typeof params.name === 'string' && params.name) select.current(params.name);
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // `theme` is read through the stylesheet's variables, so a theme change must redraw.
    void theme;
    echarts.registerMap(MAP_NAME, data.collection as Parameters<typeof echarts.registerMap>[1]);
    const formatArea = (km2: number | null) => (km2 === null ? '—' : `${fmt.number(km2)} km²`);
    chart.current?.setOption(buildMapOption(data, t, formatArea), { notMerge: true });
  }, [data, t, fmt, theme]);

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
