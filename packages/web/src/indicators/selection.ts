import { parseViewPeriod } from '../calendar/periods.ts';

/** What the page shows, kept in the URL (`?code=&unit=&period=`) so a view can be shared and Back works. */
export interface Selection {
  code: string | null;
  unit: string;
  /** null until the latest period with data is known. */
  period: string | null;
}

const CODE = /^[A-Z0-9_]{2,40}$/;
const UNIT = /^[0-9]{2,6}$/;

/** Reads the query; anything malformed falls back to the default (a hand-edited URL must not break the page). */
export function readSelection(params: URLSearchParams, defaultUnit: string): Selection {
  const code = params.get('code');
  const unit = params.get('unit');
  return {
    code: code && CODE.test(code) ? code : null,
    unit: unit && UNIT.test(unit) ? unit : defaultUnit,
    period: parseViewPeriod(params.get('period'))?.id ?? null,
  };
}

/** The query for a selection, in a stable order, leaving out what is not known yet. */
export function selectionSearch(selection: Selection): string {
  const params = new URLSearchParams();
  if (selection.code) params.set('code', selection.code);
  params.set('unit', selection.unit);
  if (selection.period) params.set('period', selection.period);
  return `?${params.toString()}`;
}
