import { useEffect, useState } from 'react';
import { cssVar, useTheme } from '../components/theme.tsx';
import type { DocumentColours } from './summaryOption.ts';

function documentColours(): DocumentColours {
  return {
    text: cssVar('--text'),
    muted: cssVar('--text-muted'),
    border: cssVar('--border'),
    surface: cssVar('--surface'),
    incoming: cssVar('--doc-incoming'),
    outgoing: cssVar('--doc-outgoing'),
  };
}

/** The chart colours of the current theme, read after the theme provider has switched the stylesheet. */
export function useDocumentColours(): DocumentColours {
  const { theme } = useTheme();
  const [colours, setColours] = useState(documentColours);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the colours are read from the stylesheet, which `theme` switches.
  useEffect(() => {
    const next = documentColours();
    setColours((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
  }, [theme]);
  return colours;
}
