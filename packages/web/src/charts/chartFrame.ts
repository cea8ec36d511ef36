/** The colours a chart over time takes from the theme. */
export interface ChartFrameColours {
  text: string;
  muted: string;
  surface: string;
  border: string;
}

export interface ChartFrameInput {
  colours: ChartFrameColours;
  legend: string[];
  /** Category labels of the x axis (months, periods). */
  categories: string[];
  tooltip: (params: { dataIndex: number }[] | { dataIndex: number }) => string;
  legendItemWidth?: number;
  gridTop?: number;
  /** Lines only: points sit on the axis ticks rather than between them. */
  boundaryGap?: boolean;
}

/**
 * What every chart over time on the subsystem pages shares: transparent background, the legend top left, an axis
 * tooltip in the theme's colours, a category x axis and a count-or-rate y axis with the theme's grid lines.
 */
export function chartFrame(input: ChartFrameInput) {
  const { colours } = input;
  const axisLabel = { color: colours.muted, fontSize: 11 };
  return {
    backgroundColor: 'transparent',
    animationDuration: 300,
    textStyle: { fontFamily: 'inherit' },
    legend: {
      top: 0,
      left: 0,
      textStyle: { color: colours.text, fontSize: 12 },
      itemWidth: input.legendItemWidth ?? 18,
      itemHeight: 10,
      data: input.legend,
    },
    tooltip: {
      trigger: 'axis',
      backgroundColor: colours.surface,
      borderColor: colours.border,
      textStyle: { color: colours.text, fontSize: 12 },
      formatter: input.tooltip,
    },
    grid: { left: 8, right: 8, top: input.gridTop ?? 34, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: input.categories,
      ...(input.boundaryGap === false ? { boundaryGap: false } : {}),
      axisLine: { lineStyle: { color: colours.border } },
      axisTick: { show: false },
      axisLabel: { ...axisLabel, hideOverlap: true },
    },
  };
}
