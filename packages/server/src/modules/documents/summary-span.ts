import { invalid } from '../../errors.ts';
import { localDateOf } from '../calendar/local-time.ts';

/** The days a summary covers: `from`–`to` if given, else a whole `year`, else this year so far. */
export function summarySpan(query: { year?: number; from?: string; to?: string }, now: Date) {
  const today = localDateOf(now.getTime());
  if (query.from || query.to) {
    const from = query.from ?? `${(query.to ?? today).slice(0, 4)}-01-01`;
    const to = query.to ?? today;
    if (from > to) throw invalid('from is after to', [{ field: '/from', message: 'after to', rule: 'range' }]);
    return { from, to, today };
  }
  const year = query.year ?? Number(today.slice(0, 4));
  return { from: `${year}-01-01`, to: `${year}-12-31`, today };
}
