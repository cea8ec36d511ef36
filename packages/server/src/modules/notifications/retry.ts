import type { NotificationSettings } from '../../config.ts';

/** No retry waits longer than this, whatever the factor and the number of attempts. */
export const MAX_RETRY_WAIT_MS = 6 * 3600_000;

/**
 * How long to wait after the n-th failed attempt (n ≥ 1): base × factor^(n−1), at most 6 h, less a random 0–50 %
 * ("equal jitter"), so that receivers coming back after an outage are not hit by every server at the same instant.
 */
export function retryDelayMs(
  failedAttempts: number,
  settings: Pick<NotificationSettings, 'backoffSeconds' | 'backoffFactor'>,
  random: () => number = Math.random,
): number {
  const full = Math.min(
    settings.backoffSeconds * 1000 * settings.backoffFactor ** Math.max(0, failedAttempts - 1),
    MAX_RETRY_WAIT_MS,
  );
  return Math.round(full * (1 - 0.5 * random()));
}
