import { cssVar } from '../components/theme.tsx';
import type { DocumentColours } from './summaryOption.ts';

/** The documents chart's colours, read from the stylesheet. */
export function documentColours(): DocumentColours {
  return {
    text: cssVar('--text'),
    muted: cssVar('--text-muted'),
    border: cssVar('--border'),
    surface: cssVar('--surface'),
    incoming: cssVar('--doc-incoming'),
    outgoing: cssVar('--doc-outgoing'),
  };
}
