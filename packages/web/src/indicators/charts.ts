import { cssVar } from '../components/theme.tsx';

/** The colours of the indicators' charts, read from the stylesheet when an option is built. */
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
