import { type BusEvent, EVENT_NAMES, type EventName } from '@ioc/shared';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { apiPath } from '../api/client.ts';

export type LiveStatus = 'connecting' | 'open' | 'closed';

/** An event as the browser received it; `seq` tells apart two events with the same time. */
export type ReceivedEvent = BusEvent & { seq: number };

type Listener = (event: BusEvent) => void;

interface LiveValue {
  status: LiveStatus;
  /** The last events received, newest first. */
  recent: ReceivedEvent[];
  subscribe(name: EventName, listener: Listener): () => void;
}

const STREAM_URL = apiPath('GET /api/v1/stream');
const RECENT_LIMIT = 20;
/** After this many failed attempts in a row the link is shown as lost rather than reconnecting. */
const FAILURES_BEFORE_LOST = 3;
const MAX_RETRY_MS = 30_000;

const LiveContext = createContext<LiveValue | null>(null);

function parseEvent(name: EventName, data: unknown): BusEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed !== 'object' || parsed === null || !('payload' in parsed)) return null;
    const event = parsed as Partial<BusEvent>;
    return {
      name,
      payload: event.payload as BusEvent['payload'],
      orgUnit: event.orgUnit ?? null,
      at: typeof event.at === 'string' ? event.at : new Date().toISOString(),
    };
  } catch {
    return null;
  }
}

/** One EventSource for the whole app; it reconnects by itself and, after a fatal error, with a growing delay. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  const [recent, setRecent] = useState<ReceivedEvent[]>([]);
  const listeners = useRef(new Map<EventName, Set<Listener>>());

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let seq = 0;
    let stopped = false;

    const deliver = (name: EventName, message: MessageEvent) => {
      const event = parseEvent(name, message.data);
      if (!event) return;
      seq += 1;
      const received = { ...event, seq };
      setRecent((current) => [received, ...current].slice(0, RECENT_LIMIT));
      for (const listener of listeners.current.get(name) ?? []) listener(event);
    };

    const connect = () => {
      if (stopped) return;
      setStatus(failures >= FAILURES_BEFORE_LOST ? 'closed' : 'connecting');
      const current = new EventSource(STREAM_URL);
      source = current;
      current.onopen = () => {
        failures = 0;
        setStatus('open');
      };
      current.onerror = () => {
        failures += 1;
        if (current.readyState === EventSource.CLOSED) {
          setStatus('closed');
          current.close();
          const delay = Math.min(MAX_RETRY_MS, 1000 * 2 ** Math.min(failures, 5));
          retryTimer = setTimeout(connect, delay);
        } else {
          setStatus(failures >= FAILURES_BEFORE_LOST ? 'closed' : 'connecting');
        }
      };
      for (const name of EVENT_NAMES) {
        current.addEventListener(name, (message) => deliver(name, message));
      }
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(retryTimer);
      source?.close();
    };
  }, []);

  const subscribe = useCallback((name: EventName, listener: Listener) => {
    const set = listeners.current.get(name) ?? new Set<Listener>();
    set.add(listener);
    listeners.current.set(name, set);
    return () => {
      set.delete(listener);
    };
  }, []);

  const value = useMemo<LiveValue>(() => ({ status, recent, subscribe }), [status, recent, subscribe]);

  return <LiveContext value={value}>{children}</LiveContext>;
}

export function useLive(): LiveValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useLive outside LiveProvider');
  return value;
}

/** Calls `handler` for each event of that name; the handler may change between renders without resubscribing. */
export function useLiveEvent<N extends EventName>(name: N, handler: (event: BusEvent<N>) => void): void {
  const { subscribe } = useLive();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => subscribe(name, (event) => latest.current(event as BusEvent<N>)), [name, subscribe]);
}
