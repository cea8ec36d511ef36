import type { EChartsCoreOption } from 'echarts/core';
import { escapeHtml } from '../charts/escapeHtml.ts';
import { cssVar } from '../components/theme.tsx';
import type { MapData } from '../map/mapData.ts';
import { colourReader, noDataHatch, unitMapSeries } from '../map/mapOption.ts';
import { NO_DATA, type Shading } from './mapShading.ts';

/** Registered apart from the unit map's, so the two pages never redraw each other's geometry. */
export const INDICATOR_MAP = 'ha-tinh-indicators';

export type MapTooltip = (unit: string) => string[];

interface ItemParams {
  name: string;
}

/** The communes coloured by `shading`; the selected one outlined. Discs stand in for missing boundaries. */
export function buildIndicatorMapOption(
  data: MapData,
  shading: Shading,
  selectedUnit: string,
  describe: MapTooltip,
  unitName: (code: string) => string,
): EChartsCoreOption {
  const colours = {
    border: cssVar('--map-border'),
    text: cssVar('--text'),
    surface: cssVar('--surface'),
    selected: cssVar('--ind-selected'),
  };
  const colour = colourReader();
  const noData = noDataHatch(colour('--choro-hatch'));

  return {
    backgroundColor: 'transparent',
    tooltip: {
      trigger: 'item',
      backgroundColor: colours.surface,
      borderColor: colour('--border'),
      textStyle: { color: colours.text, fontSize: 12 },
      formatter: (params: ItemParams) => {
        const lines = describe(params.name);
        return lines.length > 0
          ? [`<strong>${escapeHtml(lines[0]!)}</strong>`, ...lines.slice(1).map(escapeHtml)].join('<br/>')
          : '';
      },
    },
    series: [
      unitMapSeries({
        map: INDICATOR_MAP,
        data,
        margin: 12,
        colours: { ...colours, hover: colour('--map-hover') },
        nameOf: unitName,
        items: data.units.map((unit) => {
          const selected = unit.code === selectedUnit;
          const shade = shading.colourOf.get(unit.code) ?? NO_DATA;
          return {
            name: unit.code,
            itemStyle: {
              areaColor: colour(shade),
              ...(shade === NO_DATA ? { decal: noData } : {}),
              opacity: unit.hasBoundary ? 1 : 0.9,
              borderType: unit.hasBoundary ? 'solid' : 'dashed',
              ...(selected ? { borderColor: colours.selected, borderWidth: 3, borderType: 'solid' } : {}),
            },
          };
        }),
      }),
    ],
  };
}
