/**
 * Calls `action` once a burst of calls has been quiet for `delay` ms, but at least every `maxWait` ms while the burst
 * goes on: a steady stream of synced dossiers must still move the counts.
 */
export function debounce(action: () => void, delay: number, maxWait: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending: number | null = null;
  const run = () => {
    clearTimeout(timer);
    timer = undefined;
    firstPending = null;
    action();
  };
  return {
    call() {
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
