import { cssVar } from '../../components/theme.tsx';
import type { DirectionColours } from './trendOption.ts';

/** The task charts' colours, read from the stylesheet. */
export function directionColours(): DirectionColours {
  return {
    text: cssVar('--text'),
    muted: cssVar('--text-muted'),
    border: cssVar('--border'),
    surface: cssVar('--surface'),
    open: cssVar('--dir-open'),
    overdue: cssVar('--dir-overdue'),
    assigned: cssVar('--dir-assigned'),
  };
}
