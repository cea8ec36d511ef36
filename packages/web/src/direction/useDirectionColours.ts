import { useEffect, useState } from 'react';
import { cssVar, useTheme } from '../components/theme.tsx';
import type { DirectionColours } from './trendOption.ts';

function directionColours(): DirectionColours {
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

/** The chart colours of the current theme, read after the theme provider has switched the stylesheet. */
export function useDirectionColours(): DirectionColours {
  const { theme } = useTheme();
  const [colours, setColours] = useState(directionColours);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the colours are read from the stylesheet, which `theme` switches.
  useEffect(() => {
    const next = directionColours();
    setColours((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
  }, [theme]);
  return colours;
}
