import { GaugeChart, PieChart } from 'echarts/charts';
import { echarts } from '../charts/echarts.ts';
import { cssVar } from '../components/theme.tsx';
import type { ScoreBand } from './score.ts';

// The kit draws bars, lines, axes and legends; this page adds the gauge and the donut.
echarts.use([GaugeChart, PieChart]);

/** Colours read from the stylesheet when an option is built, so both themes draw right. */
export interface PsColours {
  text: string;
  muted: string;
  border: string;
  surface: string;
  track: string;
  score: string;
  possible: string;
  onTime: string;
  bands: Record<ScoreBand, string>;
  channels: { inPerson: string; online: string; postal: string; unknown: string };
}

export function psColours(): PsColours {
  return {
    text: cssVar('--text'),
    muted: cssVar('--text-muted'),
    border: cssVar('--border'),
    surface: cssVar('--surface'),
    track: cssVar('--surface-hover'),
    score: cssVar('--ps-score'),
    possible: cssVar('--ps-possible'),
    onTime: cssVar('--ps-on-time'),
    bands: {
      weak: cssVar('--ps-band-weak'),
      average: cssVar('--ps-band-average'),
      good: cssVar('--ps-band-good'),
      excellent: cssVar('--ps-band-excellent'),
    },
    channels: {
      inPerson: cssVar('--ps-channel-in-person'),
      online: cssVar('--ps-channel-online'),
      postal: cssVar('--ps-channel-postal'),
      unknown: cssVar('--ps-channel-unknown'),
    },
  };
}
