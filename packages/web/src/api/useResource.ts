import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './client.ts';

export interface Resource<T> {
  /** The answer for the current path only: a previous path's data is never shown as this one's. */
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Asks again; a request still running is not cancelled (on a busy server it would never finish) but followed. */
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
  // A reload asked while a request runs waits for its answer, then asks once more.
  const running = useRef(false);
  const reloadAfter = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` changes on reload(), to fetch the same path again.
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    const settle = () => {
      running.current = false;
      if (!reloadAfter.current) return;
      reloadAfter.current = false;
      setGeneration((value) => value + 1);
    };
    running.current = true;
    reloadAfter.current = false;
    setLoading(true);
    setError(null);
    api
      .get<T>(path, { signal: controller.signal })
      .then((value) => {
        setLoaded({ path, value });
        setLoading(false);
        settle();
      })
      .catch((cause: unknown) => {
        if (controller.signal.aborted) return;
        setError(cause);
        setLoading(false);
        settle();
      });
    return () => {
      running.current = false;
      controller.abort();
    };
  }, [path, generation]);

  const reload = useCallback(() => {
    if (running.current) reloadAfter.current = true;
    else setGeneration((value) => value + 1);
  }, []);
  const setData = useCallback(
    (update: (current: T | undefined) => T | undefined) =>
      setLoaded((current) => ({ path: current.path, value: update(current.value) })),
    [],
  );

  return { data: loaded.path === path ? loaded.value : undefined, error, loading, reload, setData };
}
