import { useMemo, useState } from 'react';
import type { Resource } from '../../api/useResource.ts';
import { matchesSearch } from '../../components/search.ts';
import { useToast } from '../../components/Toasts.tsx';
import { useT } from '../../i18n/index.tsx';
import { upsertByCode } from './catalogue.ts';

/** The filter typed over a section's table and the entries it keeps; `text` (a stable function) is what it searches. */
export function useCatalogueFilter<T>(entries: readonly T[] | undefined, text: (entry: T) => string) {
  const [filter, setFilter] = useState('');
  const visible = useMemo(
    () => (entries ?? []).filter((entry) => matchesSearch(text(entry), filter)),
    [entries, filter, text],
  );
  return { filter, setFilter, visible };
}

/**
 * The entry open in a section's dialog (`entry` absent: a new one), and what a save does: the dialog closes, the list
 * shows the saved entry and a toast names it with `label`.
 */
export function useCatalogueEditing<T extends { code: string }>(list: Resource<T[]>, label: (entry: T) => string) {
  const t = useT();
  const { showToast } = useToast();
  const [editing, setEditing] = useState<{ entry?: T } | null>(null);
  return {
    editing,
    startNew: () => setEditing({}),
    edit: (entry: T) => setEditing({ entry }),
    close: () => setEditing(null),
    saved: (saved: T) => {
      setEditing(null);
      list.setData((current) => upsertByCode(current, saved));
      showToast({ title: t('catalogue.savedTitle'), text: `${saved.code} — ${label(saved)}`, tone: 'success' });
    },
  };
}
