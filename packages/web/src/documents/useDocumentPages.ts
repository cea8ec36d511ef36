import type { DocumentListItem, DocumentSearchQuery } from '@ioc/shared';
import { useMemo } from 'react';
import { type PageCursor, useApiPages } from '../api/queries.ts';
import { appendPage } from './search.ts';

const BEFORE: PageCursor<'GET /api/v1/documents'> = { param: 'before', next: (page) => page.next };

export interface DocumentPages {
  documents: DocumentListItem[] | undefined;
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
  loadMore(): void;
  retry(): void;
}

/** A search's pages by cursor: the first is asked with the query, the next ones with `before` when asked for. */
export function useDocumentPages(query: DocumentSearchQuery): DocumentPages {
  const pages = useApiPages('GET /api/v1/documents', { query }, BEFORE);
  const documents = useMemo(
    () => pages.data?.pages.reduce<DocumentListItem[]>((shown, page) => appendPage(shown, page.documents), []),
    [pages.data],
  );
  return {
    documents,
    hasMore: pages.hasNextPage,
    loading: pages.isLoading,
    loadingMore: pages.isFetchingNextPage,
    error: pages.error,
    loadMore: () => {
      if (!pages.isFetchingNextPage) void pages.fetchNextPage();
    },
    retry: () => void pages.refetch(),
  };
}
