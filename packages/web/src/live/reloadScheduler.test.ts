import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reloadScheduler } from './reloadScheduler.ts';

describe('reloading after live events', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reloads once after a burst has settled', () => {
    const reload = vi.fn();
    const scheduler = reloadScheduler(reload, { delay: 500, maxWait: 2000 });
    scheduler.request();
    vi.advanceTimersByTime(300);
    scheduler.request();
    vi.advanceTimersByTime(499);
    expect(reload).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('reloads once or twice, never a hundred times, for 100 events in a second', () => {
    for (const timing of [
      { delay: 300, maxWait: 1500 },
      { delay: 250, maxWait: 1000 },
      { delay: 100, maxWait: 500 },
    ]) {
      const reload = vi.fn();
      const scheduler = reloadScheduler(reload, timing);
      for (let event = 0; event < 100; event += 1) {
        scheduler.request();
        vi.advanceTimersByTime(10);
      }
      vi.advanceTimersByTime(timing.maxWait);
      expect(reload.mock.calls.length, JSON.stringify(timing)).toBeGreaterThanOrEqual(1);
      expect(reload.mock.calls.length, JSON.stringify(timing)).toBeLessThanOrEqual(2);
    }
  });

  it('still reloads every maxWait while events keep coming', () => {
    const reload = vi.fn();
    const scheduler = reloadScheduler(reload, { delay: 500, maxWait: 2000 });
    for (let elapsed = 0; elapsed < 10_000; elapsed += 100) {
      scheduler.request();
      vi.advanceTimersByTime(100);
    }
    // A stream with no pause of 500 ms: reloads at 2 s, 4 s, 6 s, 8 s and 10 s, not never.
    expect(reload).toHaveBeenCalledTimes(5);
  });

  it('does nothing once cancelled (the page was left)', () => {
    const reload = vi.fn();
    const scheduler = reloadScheduler(reload, { delay: 500, maxWait: 2000 });
    scheduler.request();
    scheduler.cancel();
    vi.advanceTimersByTime(5000);
    expect(reload).not.toHaveBeenCalled();
  });
});
