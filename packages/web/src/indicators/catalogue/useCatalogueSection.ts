import type { ApiResponse } from '@ioc/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { updateQueries } from '../../api/queries.ts';
import { matchesSearch } from '../../components/search.ts';
import { useToast } from '../../components/Toasts.tsx';
import { useT } from '../../i18n/index.tsx';
import { type CatalogueListRoute, upsertByCode } from './catalogue.ts';

/** The filter typed over a section's table and the entries it keeps; `text` (a stable function) is what it searches. */
export function useCatalogueFilter<T>(entries: readonly T[] | undefined, text: (entry: T) => string) {
  const [filter, setFilter] = useState('');
  const visible = useMemo(
    () => (entries ?? []).filter((entry) => matchesSearch(text(entry), filter)),
    [entries, filter, text],
  );
  return { filter, setFilter, visible };
}

/** An entry of a catalogue list. */
type CatalogueEntry<K extends CatalogueListRoute> =
  ApiResponse<K> extends readonly (infer E extends { code: string })[] ? E : never;

/**
 * The entry open in a section's dialog (`entry` absent: a new one), and what a save does: the dialog closes, the list
 * shows the saved entry and a toast names it with `label`.
 */
export function useCatalogueEditing<K extends CatalogueListRoute>(
  list: K,
  label: (entry: CatalogueEntry<K>) => string,
) {
  type Entry = CatalogueEntry<K>;
  const t = useT();
  const queryClient = useQueryClient();
  const { showToast } = useToast();
  const [editing, setEditing] = useState<{ entry?: Entry } | null>(null);
  return {
    editing,
    startNew: () => setEditing({}),
    edit: (entry: Entry) => setEditing({ entry }),
    close: () => setEditing(null),
    saved: (saved: Entry) => {
      setEditing(null);
      // Every catalogue list is an array of its entries: the saved one replaces the entry of its code.
      updateQueries(
        queryClient,
        list,
        (current) => upsertByCode(current as readonly Entry[] | undefined, saved) as ApiResponse<K>,
      );
      showToast({ title: t('catalogue.savedTitle'), text: `${saved.code} — ${label(saved)}`, tone: 'success' });
    },
  };
}
