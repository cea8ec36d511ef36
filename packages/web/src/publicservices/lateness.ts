import type { MessageKey, Translate } from '../i18n/index.tsx';

export type Lateness =
  | { kind: 'late'; days: number }
  | { kind: 'justLate' }
  | { kind: 'left'; days: number }
  | { kind: 'dueNow' }
  | { kind: 'noDue' };

/**
 * How late an open dossier is, from the API's working days (positive: past due; negative: still to go). Under a
 * tenth of a day rounds to "just overdue" / "due now" rather than "0.0 days late".
 */
export function lateness(workingDaysLate: number | null): Lateness {
  if (workingDaysLate === null || !Number.isFinite(workingDaysLate)) return { kind: 'noDue' };
  const days = Math.round(Math.abs(workingDaysLate) * 10) / 10;
  if (workingDaysLate > 0) return days < 0.1 ? { kind: 'justLate' } : { kind: 'late', days };
  return days < 0.1 ? { kind: 'dueNow' } : { kind: 'left', days };
}

const LATENESS_KEYS = {
  late: 'ps.open.late',
  justLate: 'ps.open.justLate',
  left: 'ps.open.left',
  dueNow: 'ps.open.dueNow',
  noDue: 'ps.open.noDue',
} as const satisfies Record<Lateness['kind'], MessageKey>;

/** `trễ 3,5 ngày làm việc`, `còn 1,5 ngày làm việc`, `vừa quá hạn`: the days keep their one decimal. */
export function latenessText(t: Translate, workingDaysLate: number | null): string {
  const late = lateness(workingDaysLate);
  return t(LATENESS_KEYS[late.kind], 'days' in late ? { days: late.days } : undefined);
}
