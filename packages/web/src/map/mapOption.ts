import type { EChartsCoreOption } from 'echarts/core';
import { escapeHtml } from '../charts/escapeHtml.ts';
import { cssVar } from '../components/theme.tsx';
import type { Translate } from '../i18n/index.tsx';
import { kindLabel } from '../units/kind.ts';
import type { MapData, MapUnit } from './mapData.ts';

export const MAP_NAME = 'ha-tinh';

interface TooltipParams {
  name: string;
}

/**
 * The map series both maps share: the communes by code, zoomable, true to the latitude, a bold name on hover.
 * `data` gives each unit its colours; `margin` is the space around the province.
 */
export function unitMapSeries(options: {
  map: string;
  data: MapData;
  margin: number;
  colours: { border: string; text: string; surface: string; hover: string };
  nameOf(code: string): string;
  items: { name: string; value?: number | null; itemStyle: Record<string, unknown> }[];
}) {
  const { map, data, margin, colours, nameOf, items } = options;
  return {
    type: 'map',
    map,
    nameProperty: 'code',
    roam: true,
    scaleLimit: { min: 0.8, max: 12 },
    aspectScale: Math.cos((data.latitude * Math.PI) / 180),
    top: margin,
    bottom: margin,
    left: margin,
    right: margin,
    selectedMode: false,
    label: { show: false },
    itemStyle: { borderColor: colours.border, borderWidth: 0.8 },
    emphasis: {
      label: {
        show: true,
        color: colours.text,
        fontWeight: 'bold',
        textBorderColor: colours.surface,
        textBorderWidth: 3,
        formatter: (params: TooltipParams) => nameOf(params.name),
      },
      itemStyle: { areaColor: colours.hover, borderColor: colours.text, borderWidth: 1.5 },
    },
    data: items,
  };
}

/** The ECharts option for the unit map; colours come from the stylesheet so both themes look right. */
export function buildMapOption(
  data: MapData,
  t: Translate,
  formatArea: (km2: number | null) => string,
): EChartsCoreOption {
  const byCode = new Map(data.units.map((unit) => [unit.code, unit]));
  const colours = {
    ward: cssVar('--map-ward'),
    commune: cssVar('--map-commune'),
    border: cssVar('--map-border'),
    hover: cssVar('--map-hover'),
    text: cssVar('--text'),
    surface: cssVar('--surface'),
    muted: cssVar('--text-muted'),
  };
  const areaColour = (unit: MapUnit) => (unit.kind === 'ward' ? colours.ward : colours.commune);

  const tooltip = (params: TooltipParams) => {
    const unit = byCode.get(params.name);
    if (!unit) return '';
    const lines = [
      `<strong>${escapeHtml(unit.name)}</strong>`,
      `${escapeHtml(kindLabel(t, unit.kind))} · ${t('map.tooltip.code')} ${escapeHtml(unit.code)}`,
      `${t('map.tooltip.area')}: ${escapeHtml(formatArea(unit.areaKm2))}`,
    ];
    if (!unit.hasBoundary) lines.push(`<em>${escapeHtml(t('map.tooltip.noBoundary'))}</em>`);
    return lines.join('<br/>');
  };

  return {
    backgroundColor: 'transparent',
    tooltip: {
      trigger: 'item',
      backgroundColor: colours.surface,
      borderColor: colours.border,
      textStyle: { color: colours.text },
      formatter: tooltip,
    },
    series: [
      unitMapSeries({
        map: MAP_NAME,
        data,
        margin: 24,
        colours,
        nameOf: (code) => byCode.get(code)?.name ?? code,
        items: data.units.map((unit) => ({
          name: unit.code,
          value: unit.areaKm2,
          itemStyle: {
            areaColor: areaColour(unit),
            opacity: unit.hasBoundary ? 1 : 0.85,
            borderType: unit.hasBoundary ? 'solid' : 'dashed',
          },
        })),
      }),
    ],
  };
}
