import type { BusEvent, EventName } from '@ioc/shared';
import { useEffect, useMemo, useRef } from 'react';
import { useLive } from './LiveContext.tsx';
import { type ReloadTiming, reloadScheduler } from './reloadScheduler.ts';

/** Most pages: a burst of changes moves the page 300 ms after it settles, and at least every 1.5 s. */
const DEFAULT_TIMING: ReloadTiming = { delay: 300, maxWait: 1500 };

interface LiveReloadOptions<N extends EventName> extends Partial<ReloadTiming> {
  /** Only the events that concern what is shown (the task of an open panel). */
  when?(event: BusEvent<N>): boolean;
}

/**
 * Calls `reload` when any of `events` arrives, once per burst (see `reloadScheduler`), never after the component is
 * gone. `reload` may change between renders; the latest one runs. The returned function asks for the same reload,
 * for changes the page makes itself.
 */
export function useLiveReload<N extends EventName>(
  events: N | readonly N[],
  reload: () => void,
  options: LiveReloadOptions<N> = {},
): () => void {
  const { subscribe } = useLive();
  const latest = useRef({ reload, when: options.when });
  useEffect(() => {
    latest.current = { reload, when: options.when };
  });
  const delay = options.delay ?? DEFAULT_TIMING.delay;
  const maxWait = options.maxWait ?? DEFAULT_TIMING.maxWait;
  const scheduler = useMemo(() => reloadScheduler(() => latest.current.reload(), { delay, maxWait }), [delay, maxWait]);
  useEffect(() => () => scheduler.cancel(), [scheduler]);
  const names = typeof events === 'string' ? events : events.join(' ');
  useEffect(() => {
    const unsubscribe = names.split(' ').map((name) =>
      subscribe(name as N, (event) => {
        const { when } = latest.current;
        if (!when || when(event as BusEvent<N>)) scheduler.request();
      }),
    );
    return () => {
      for (const stop of unsubscribe) stop();
    };
  }, [names, subscribe, scheduler]);
  return scheduler.request;
}
