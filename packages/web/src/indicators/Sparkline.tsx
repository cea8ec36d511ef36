import { useMemo } from 'react';
import { useChart } from '../charts/useChart.ts';
import { useThemeColours } from '../charts/useThemeColours.ts';
import { chartColours } from './charts.ts';
import { buildSparklineOption } from './trendOption.ts';

/** The last periods of a KPI tile's figure, as a line under it. */
export function Sparkline({ values }: { values: (number | null)[] }) {
  const colours = useThemeColours(chartColours);
  const option = useMemo(() => buildSparklineOption(values, colours.value), [values, colours.value]);
  const container = useChart(option);
  return <div ref={container} className="kpi-spark" aria-hidden="true" />;
}
