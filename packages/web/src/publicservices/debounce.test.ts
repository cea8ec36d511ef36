import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from './debounce.ts';

describe('refreshing after synced dossiers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs once after a burst has settled', () => {
    const action = vi.fn();
    const refresh = debounce(action, 500, 2000);
    refresh.call();
    vi.advanceTimersByTime(300);
    refresh.call();
    vi.advanceTimersByTime(499);
    expect(action).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(action).toHaveBeenCalledTimes(1);
  });

  it('still runs every maxWait while events keep coming', () => {
    const action = vi.fn();
    const refresh = debounce(action, 500, 2000);
    for (let elapsed = 0; elapsed < 4900; elapsed += 100) {
      refresh.call();
      vi.advanceTimersByTime(100);
    }
    expect(action).toHaveBeenCalledTimes(2);
  });

  it('does nothing once cancelled (the page was left)', () => {
    const action = vi.fn();
    const refresh = debounce(action, 500, 2000);
    refresh.call();
    refresh.cancel();
    vi.advanceTimersByTime(5000);
    expect(action).not.toHaveBeenCalled();
  });
});
