import type { Connector } from '@ioc/shared';

export type SourceState = 'ok' | 'late' | 'failing' | 'notRun' | 'off';

/** A connector is late when it has not read for three of its intervals (and at least 15 minutes). */
export function sourceState(connector: Connector): SourceState {
  if (!connector.enabled) return 'off';
  if (connector.health === 'failing') return 'failing';
  if (connector.health === 'not_run') return 'notRun';
  const allowed = Math.max(3 * connector.intervalSeconds, 900);
  return connector.lagSeconds !== null && connector.lagSeconds > allowed ? 'late' : 'ok';
}

/** Lag in words' parts: the largest whole unit (days, hours, minutes), at least one minute. */
export function lagParts(seconds: number): { value: number; unit: 'day' | 'hour' | 'minute' } {
  if (seconds >= 86_400) return { value: Math.floor(seconds / 86_400), unit: 'day' };
  if (seconds >= 3_600) return { value: Math.floor(seconds / 3_600), unit: 'hour' };
  return { value: Math.max(1, Math.floor(seconds / 60)), unit: 'minute' };
}
