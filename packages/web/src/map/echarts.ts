import { MapChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the app draws is bundled; add charts here as pages need them.
echarts.use([MapChart, TooltipComponent, CanvasRenderer]);

export { echarts };
