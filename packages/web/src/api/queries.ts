import type { ApiQuery, ApiReadRoute, ApiRequest, ApiResponse } from '@ioc/shared';
import {
  QueryClient,
  type QueryKey,
  skipToken,
  type UseQueryResult,
  useInfiniteQuery,
  useQuery,
} from '@tanstack/react-query';
import { apiRead } from './client.ts';

/**
 * The app's one cache. A failed read is not retried (the page says why, with a retry button where asking again can
 * help) nor is a read asked again on window focus: live events keep the pages current.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } } });
}

/** The key of a read: its route, then its params and query as the URL carries them (empty values left out). */
export function apiKey<K extends ApiReadRoute>(route: K, request?: ApiRequest<K>): QueryKey {
  const query = Object.fromEntries(
    Object.entries(request?.query ?? {}).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  );
  return [route, { params: request?.params ?? {}, query }];
}

/** What a page reads: null while it has nothing to ask yet. */
type ReadArgs<K extends ApiReadRoute> =
  object extends ApiRequest<K>
    ? [request?: ApiRequest<K> | null, options?: ReadOptions]
    : [request: ApiRequest<K> | null, options?: ReadOptions];

interface ReadOptions {
  /** How long an answer stays fresh, for data that does not change while the app is open. */
  staleTime?: number;
}

/** A read of route K as a component holds it: data, error, loading and fetching states, refetch. */
export type ApiQueryResult<K extends ApiReadRoute> = UseQueryResult<ApiResponse<K>>;

/**
 * Reads a route through the one query cache: two components asking the same thing share one request, and an answer
 * for another request is never shown as this one's.
 */
export function useApiQuery<K extends ApiReadRoute>(
  route: K,
  ...[request, options = {}]: ReadArgs<K>
): ApiQueryResult<K> {
  return useQuery({
    queryKey: request === null ? [route, null] : apiKey(route, request),
    queryFn: request === null ? skipToken : ({ signal }) => apiRead(route, request, signal),
    staleTime: options.staleTime,
  });
}

/** Reads a route now, whatever the cache holds, and keeps the answer for the components showing it. */
export function readNow<K extends ApiReadRoute>(
  client: QueryClient,
  route: K,
  request: ApiRequest<K>,
): Promise<ApiResponse<K>> {
  return client.fetchQuery({
    queryKey: apiKey(route, request),
    queryFn: ({ signal }) => apiRead(route, request, signal),
  });
}

const PAGES = 'pages';

/** How a paged list asks for its next page: the query field taking the cursor, and where a page gives the next one. */
export interface PageCursor<K extends ApiReadRoute> {
  param: keyof ApiQuery<K> & string;
  next(page: ApiResponse<K>): number | null;
}

/**
 * Reads a list page by page through the cache: more pages are asked with the cursor, and a refresh asks again every
 * page shown. Its key ends in 'pages', apart from a plain read of the same request.
 */
export function useApiPages<K extends ApiReadRoute>(route: K, request: ApiRequest<K>, cursor: PageCursor<K>) {
  return useInfiniteQuery({
    queryKey: [...apiKey(route, request), PAGES],
    initialPageParam: null as number | null,
    queryFn: ({ pageParam, signal }) => {
      const query =
        pageParam === null ? request.query : { ...(request.query as object | undefined), [cursor.param]: pageParam };
      return apiRead(route, { ...request, query } as ApiRequest<K>, signal);
    },
    getNextPageParam: (page) => cursor.next(page),
  });
}

/** A route's queries whatever their request, or one request's (its params or query may be partial). */
export type QueryTarget = ApiReadRoute | QueryKey;

function filterOf(target: QueryTarget): { queryKey: QueryKey } {
  return { queryKey: typeof target === 'string' ? [target] : target };
}

/**
 * Asks the targets' shown queries again. One already being fetched is not cancelled (on a busy server a stream of
 * events would never let it finish) but asked once more after it answers, so no change is missed.
 */
export async function refreshQueries(client: QueryClient, targets: readonly QueryTarget[]): Promise<void> {
  await Promise.all(
    targets.map(async (target) => {
      const filters = filterOf(target);
      const running = client.getQueryCache().findAll({ ...filters, fetchStatus: 'fetching' });
      await client.invalidateQueries(filters, { cancelRefetch: false });
      await Promise.all(
        running.map((query) =>
          client.invalidateQueries({ queryKey: query.queryKey, exact: true }, { cancelRefetch: false }),
        ),
      );
    }),
  );
}

/**
 * Puts what a write answered into every cached read of the route (or of one request), without a round trip. Paged
 * reads hold pages, not one answer: they are left to their refresh.
 */
export function updateQueries<K extends ApiReadRoute>(
  client: QueryClient,
  route: K,
  update: (current: ApiResponse<K> | undefined) => ApiResponse<K> | undefined,
  request?: ApiRequest<K>,
): void {
  client.setQueriesData<ApiResponse<K>>(
    {
      queryKey: request ? apiKey(route, request) : [route],
      predicate: (query) => query.queryKey.at(-1) !== PAGES,
    },
    update,
  );
}
