import { useCallback, useEffect, useState } from 'react';
import { api } from './client.ts';

export interface Resource<T> {
  /** The answer for the current path only: a previous path's data is never shown as this one's. */
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
  /** Replaces the loaded value after a write answered with the new state, without a round trip. */
  setData(update: (current: T | undefined) => T | undefined): void;
}

interface Loaded<T> {
  path: string | null;
  value: T | undefined;
}

/** GETs `path` (null: nothing to load yet) and reloads when it changes; a stale answer never overwrites a newer one. */
export function useResource<T>(path: string | null): Resource<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ path: null, value: undefined });
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` changes on reload(), to fetch the same path again.
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    api
      .get<T>(path, { signal: controller.signal })
      .then((value) => {
        setLoaded({ path, value });
        setLoading(false);
      })
      .catch((cause: unknown) => {
        if (controller.signal.aborted) return;
        setError(cause);
        setLoading(false);
      });
    return () => controller.abort();
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  const setData = useCallback(
    (update: (current: T | undefined) => T | undefined) =>
      setLoaded((current) => ({ path: current.path, value: update(current.value) })),
    [],
  );

  return { data: loaded.path === path ? loaded.value : undefined, error, loading, reload, setData };
}
