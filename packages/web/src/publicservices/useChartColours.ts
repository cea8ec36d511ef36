import { useEffect, useState } from 'react';
import { useTheme } from '../components/theme.tsx';
import { type PsColours, psColours } from './charts.ts';

/**
 * The chart colours of the current theme. They are read in an effect, not while rendering: the theme provider sets
 * the stylesheet's theme in a layout effect, which runs after the render that follows a theme change.
 */
export function usePsColours(): PsColours {
  const { theme } = useTheme();
  const [colours, setColours] = useState(psColours);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the colours are read from the stylesheet, which `theme` switches.
  useEffect(() => {
    const next = psColours();
    setColours((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
  }, [theme]);
  return colours;
}
