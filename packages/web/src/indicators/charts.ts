import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { cssVar } from '../components/theme.tsx';
import type { Lang } from '../i18n/index.tsx';
import { echarts } from '../map/echarts.ts';

export { escapeHtml } from '../map/mapOption.ts';

// The map module registers the map and the tooltip; the trend and the sparklines add bars, lines and axes.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent]);

export { echarts };

/** Colours read from the stylesheet when an option is built, so both themes draw right. */
export interface ChartColours {
  text: string;
  muted: string;
  border: string;
  surface: string;
  value: string;
  lastYear: string;
  yearToDate: string;
  target: string;
}

export function chartColours(): ChartColours {
  return {
    text: cssVar('--text'),
    muted: cssVar('--text-muted'),
    border: cssVar('--border'),
    surface: cssVar('--surface'),
    value: cssVar('--ind-value'),
    lastYear: cssVar('--ind-last-year'),
    yearToDate: cssVar('--ind-ytd'),
    target: cssVar('--ind-target'),
  };
}

/** Axis labels: `12 N`, `1,2 Tr` in Vietnamese; `12K`, `1.2M` in English. */
export function compactNumber(lang: Lang): (value: number) => string {
  const format = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  return (value) => format.format(value);
}
