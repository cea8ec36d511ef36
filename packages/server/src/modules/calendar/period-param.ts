import { type Period, parsePeriod } from '@ioc/shared';
import { invalid } from '../../errors.ts';

/** A period id from a request, or a 400 naming the field (e.g. `querystring:/period`). */
export function requirePeriod(id: string, field: string): Period {
  const period = parsePeriod(id);
  if (!period) throw invalid(`${id} is not a period`, [{ field, message: 'is not a period', rule: 'pattern' }]);
  return period;
}
