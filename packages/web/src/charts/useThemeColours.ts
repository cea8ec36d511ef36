import { useEffect, useState } from 'react';
import { useTheme } from '../components/theme.tsx';

/**
 * The colours a chart reads from the stylesheet (`read`, a function defined once at module level), for the current
 * theme. They are read in an effect, not while rendering: the theme provider switches the stylesheet's theme in a
 * layout effect, which runs after the render that follows a theme change.
 */
export function useThemeColours<Colours>(read: () => Colours): Colours {
  const { theme } = useTheme();
  const [colours, setColours] = useState(read);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the colours are read from the stylesheet, which `theme` switches.
  useEffect(() => {
    const next = read();
    setColours((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
  }, [theme, read]);
  return colours;
}
