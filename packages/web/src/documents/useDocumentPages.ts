import type { DocumentListItem, DocumentPage } from '@ioc/shared';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useResource } from '../api/useResource.ts';
import { appendPage } from './search.ts';

interface More {
  path: string;
  documents: DocumentListItem[];
  next: number | null;
}

export interface DocumentPages {
  documents: DocumentListItem[] | undefined;
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  loadMore(): void;
  /** Asks the first page again and forgets the pages loaded after it (a new document goes on top). */
  reload(): void;
}

/** A search's pages by cursor: the first is asked with the path, the next ones with `before` when asked for. */
export function useDocumentPages(path: string): DocumentPages {
  const first = useResource<DocumentPage>(path);
  const [more, setMore] = useState<More | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  const extra = more?.path === path ? more : null;
  const next = extra ? extra.next : (first.data?.next ?? null);
  const documents = first.data ? appendPage(first.data.documents, extra?.documents ?? []) : undefined;

  const loadMore = () => {
    if (next === null || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    const separator = path.includes('?') ? '&' : '?';
    api
      .get<DocumentPage>(`${path}${separator}before=${next}`)
      .then((page) => setMore({ path, documents: appendPage(extra?.documents ?? [], page.documents), next: page.next }))
      .catch(setMoreError)
      .finally(() => setLoadingMore(false));
  };

  return {
    documents,
    hasMore: next !== null,
    loading: first.loading,
    loadingMore,
    error: first.error ?? moreError,
    loadMore,
    reload: () => {
      setMore(null);
      first.reload();
    },
  };
}
