/** How long a burst of live events must be quiet before reloading, and the longest a reload may wait in a stream. */
export interface ReloadTiming {
  delay: number;
  maxWait: number;
}

export interface ReloadScheduler {
  /** One more event (or change) asks for a reload. */
  request(): void;
  /** Forgets a pending reload (the page was left). */
  cancel(): void;
}

/**
 * Calls `reload` once a burst of requests has been quiet for `delay` ms, but at least every `maxWait` ms while the
 * burst goes on: a spreadsheet import announcing 69 units reloads once, a steady stream still moves the figures.
 */
export function reloadScheduler(reload: () => void, { delay, maxWait }: ReloadTiming): ReloadScheduler {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending: number | null = null;
  const run = () => {
    clearTimeout(timer);
    timer = undefined;
    firstPending = null;
    reload();
  };
  return {
    request() {
      const now = Date.now();
      firstPending ??= now;
      clearTimeout(timer);
      timer = setTimeout(run, Math.max(0, Math.min(delay, firstPending + maxWait - now)));
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      firstPending = null;
    },
  };
}
