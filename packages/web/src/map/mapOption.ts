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

/** The name of the province's outline among the map's regions: drawn as lines over the communes, never hovered. */
export const OUTLINE_REGION = '__outline__';

/** The communes' collection with the province outline added as lines, for echarts.registerMap. */
export function withOutline(data: MapData): MapData['collection'] {
  if (!data.outline) return data.collection;
  const outline = {
    type: 'Feature',
    id: OUTLINE_REGION,
    properties: { code: OUTLINE_REGION },
    geometry: { type: 'MultiLineString', coordinates: data.outline },
  };
  // A line feature is not in the unit schema: ECharts draws it, nothing else reads it.
  return { ...data.collection, features: [...data.collection.features, outline as never] };
}

/** How the units are coloured and what the tooltip adds for each: a stylesheet colour and a line of text. */
export interface MapColouring {
  colourOf(unit: MapUnit): string | null;
  /** A line under the unit's name and kind: the value shown, or null for none. */
  describe(unit: MapUnit): string | null;
}

/** The ECharts option for the unit map; colours come from the stylesheet so both themes look right. */
/** A reader of stylesheet colours that asks the stylesheet once per variable (a map shades 69 units from a few). */
export function colourReader(): (variable: string) => string {
  const cache = new Map<string, string>();
  return (variable) => {
    let value = cache.get(variable);
    if (value === undefined) {
      value = cssVar(variable);
      cache.set(variable, value);
    }
    return value;
  };
}

/** Hatching says "no value" in both themes, apart from any shade of the scale. */
export function noDataHatch(color: string) {
  return { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color };
}

export function buildMapOption(
  data: MapData,
  t: Translate,
  formatArea: (km2: number | null) => string,
  colouring?: MapColouring,
  lang: 'vi' | 'en' = 'vi',
): EChartsCoreOption {
  const nameOf = (unit: MapUnit) => (lang === 'en' && unit.nameEn ? unit.nameEn : unit.name);
  const byCode = new Map(data.units.map((unit) => [unit.code, unit]));
  const colours = {
    ward: cssVar('--map-ward'),
    commune: cssVar('--map-commune'),
    border: cssVar('--map-border'),
    hover: cssVar('--map-hover'),
    outline: cssVar('--map-outline'),
    noData: cssVar('--overlay-none'),
    hatch: cssVar('--overlay-hatch'),
    text: cssVar('--text'),
    surface: cssVar('--surface'),
    muted: cssVar('--text-muted'),
  };
  const colour = colourReader();
  const noData = noDataHatch(colours.hatch);
  const areaStyle = (unit: MapUnit) => {
    if (!colouring) return { areaColor: unit.kind === 'ward' ? colours.ward : colours.commune };
    const variable = colouring.colourOf(unit);
    return variable ? { areaColor: colour(variable) } : { areaColor: colours.noData, decal: noData };
  };

  const tooltip = (params: TooltipParams) => {
    const unit = byCode.get(params.name);
    if (!unit) return '';
    const lines = [
      `<strong>${escapeHtml(nameOf(unit))}</strong>`,
      `${escapeHtml(kindLabel(t, unit.kind))} · ${t('map.tooltip.code')} ${escapeHtml(unit.code)}`,
    ];
    const shown = colouring?.describe(unit);
    if (shown) lines.push(`<strong>${escapeHtml(shown)}</strong>`);
    else lines.push(`${t('map.tooltip.area')}: ${escapeHtml(formatArea(unit.areaKm2))}`);
    if (!unit.hasBoundary) lines.push(`<em>${escapeHtml(t('map.tooltip.noBoundary'))}</em>`);
    return lines.join('<br/>');
  };

  const items: { name: string; value?: number | null; itemStyle: Record<string, unknown> }[] = data.units.map(
    (unit) => ({
      name: unit.code,
      value: unit.areaKm2,
      itemStyle: {
        ...areaStyle(unit),
        opacity: unit.hasBoundary ? 1 : 0.85,
        borderType: unit.hasBoundary ? 'solid' : 'dashed',
      },
    }),
  );
  if (data.outline) {
    items.push({
      name: OUTLINE_REGION,
      silent: true,
      tooltip: { show: false },
      emphasis: { disabled: true },
      itemStyle: { borderColor: colours.outline, borderWidth: 2.4 },
    } as (typeof items)[number]);
  }

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
        nameOf: (code) => {
          const unit = byCode.get(code);
          return unit ? nameOf(unit) : code;
        },
        items,
      }),
    ],
  };
}
