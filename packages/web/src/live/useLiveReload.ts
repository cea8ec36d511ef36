import type { BusEvent, EventName } from '@ioc/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { type QueryTarget, refreshQueries } from '../api/queries.ts';
import { useLive } from './LiveContext.tsx';
import { type ReloadTiming, reloadScheduler } from './reloadScheduler.ts';

/** Most pages: a burst of changes moves the page 300 ms after it settles, and at least every 1.5 s. */
const DEFAULT_TIMING: ReloadTiming = { delay: 300, maxWait: 1500 };

interface LiveReloadOptions<N extends EventName> extends Partial<ReloadTiming> {
  /** Only the events that concern what is shown (the task of an open panel). */
  when?(event: BusEvent<N>): boolean;
}

/** The queries to ask again: routes or single requests, or a function naming them when the burst ends. */
export type LiveTargets = readonly QueryTarget[] | (() => readonly QueryTarget[]);

/**
 * Asks the page's `targets` again when any of `events` arrives, once per burst (see `reloadScheduler`), never after
 * the component is gone. The targets may change between renders; the latest ones are asked. The returned function
 * asks the same, for changes the page makes itself.
 */
export function useLiveReload<N extends EventName>(
  events: N | readonly N[],
  targets: LiveTargets,
  options: LiveReloadOptions<N> = {},
): () => void {
  const client = useQueryClient();
  const { subscribe } = useLive();
  const latest = useRef({ targets, when: options.when });
  useEffect(() => {
    latest.current = { targets, when: options.when };
  });
  const delay = options.delay ?? DEFAULT_TIMING.delay;
  const maxWait = options.maxWait ?? DEFAULT_TIMING.maxWait;
  const scheduler = useMemo(
    () =>
      reloadScheduler(
        () => {
          const { targets: current } = latest.current;
          void refreshQueries(client, typeof current === 'function' ? current() : current);
        },
        { delay, maxWait },
      ),
    [client, delay, maxWait],
  );
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
