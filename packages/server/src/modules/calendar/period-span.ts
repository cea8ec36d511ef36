import type { Period } from '@ioc/shared';
import { localDateOf, localMidnight } from './local-time.ts';

/** A period as instants: local midnights (UTC+7), the end cut to now while it runs. */
export interface PeriodSpan {
  id: string;
  from: string;
  to: string;
  running: boolean;
  /** Days of the daily counts to read: [fromDay, toDay). */
  fromDay: string;
  toDay: string;
}

export function spanOf(period: Period, now: Date): PeriodSpan {
  const from = Date.parse(localMidnight(period.start));
  const end = Date.parse(localMidnight(period.end));
  const to = Math.max(from, Math.min(end, now.getTime()));
  const running = to < end;
  // A running period counts today whole (nothing stored is dated after now); today + 1 never passes the end.
  const toDay = running ? localDateOf(to + 86_400_000) : period.end;
  return {
    id: period.id,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    running,
    fromDay: period.start,
    toDay,
  };
}
