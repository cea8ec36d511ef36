/**
 * Citizens' feedback and petitions (PAKN) figures of a period [from, to), per Decision 766:
 *
 * - received: feedback received in the period (received_at in [from, to)), in remit or not; receivedOutOfRemit: of
 *   those, the ones that are not the province's to handle.
 * - answered: in-remit feedback answered in the period, whatever its deadline (the work done in the period).
 * Every other figure is over the in-remit feedback JUDGED in the period. An item is judged once, at the moment its
 * outcome is known: its answer, when answered by the deadline (answered_at ≤ due_at); otherwise its deadline, the
 * moment it became overdue. So an item lands in the period whose deadline it missed, or in which it was answered on
 * time — the brief "due in the period or answered in the period", without counting an item in two periods (an
 * answer ahead of a deadline in the next period, or a late answer after a deadline in the previous one): the figures
 * of consecutive periods add up to those of the whole.
 * - due: in-remit items judged in the period (the denominator);
 * - answeredOnTime: of those, answered on or before their deadline;
 * - overdue: of those, not answered by their deadline (answered after it, or not at all);
 * - unsatisfied: of those, rated unsatisfied by the citizen; unsatisfiedOrOverdue: either, an item counted once;
 * - open: in-remit items received before `to` and not judged by then (neither answered nor past due).
 * - paknOnTime = answeredOnTime ÷ due × 100; paknSatisfaction = (due − unsatisfiedOrOverdue) ÷ due × 100.
 * Rates are percentages, unrounded, null when `due` is 0. For a period not over yet, pass `to` = now: an item due
 * later in the period is then open, not overdue.
 */
import type { RateKey } from '../metrics/scoring-rules.ts';

export interface FeedbackFacts {
  /** ISO instants. */
  receivedAt: string;
  dueAt: string;
  answeredAt: string | null;
  inRemit: boolean;
  satisfaction: 'satisfied' | 'neutral' | 'unsatisfied' | null;
}

export interface PaknCounts {
  received: number;
  receivedOutOfRemit: number;
  answered: number;
  due: number;
  answeredOnTime: number;
  overdue: number;
  unsatisfied: number;
  unsatisfiedOrOverdue: number;
  open: number;
}

export type PaknFigures = PaknCounts & Record<Extract<RateKey, 'paknOnTime' | 'paknSatisfaction'>, number | null>;

const rate = (part: number, whole: number) => (whole === 0 ? null : (part / whole) * 100);

export function paknFigures(items: readonly FeedbackFacts[], period: { from: string; to: string }): PaknFigures {
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) {
    throw new RangeError(`Invalid period ${period.from} → ${period.to}`);
  }
  const within = (t: number) => t >= from && t < to;
  const counts: PaknCounts = {
    received: 0,
    receivedOutOfRemit: 0,
    answered: 0,
    due: 0,
    answeredOnTime: 0,
    overdue: 0,
    unsatisfied: 0,
    unsatisfiedOrOverdue: 0,
    open: 0,
  };
  for (const item of items) {
    const received = Date.parse(item.receivedAt);
    if (within(received)) {
      counts.received++;
      if (!item.inRemit) counts.receivedOutOfRemit++;
    }
    if (!item.inRemit) continue;
    const due = Date.parse(item.dueAt);
    const answered = item.answeredAt === null ? null : Date.parse(item.answeredAt);
    if (answered !== null && within(answered)) counts.answered++;
    const onTime = answered !== null && answered <= due;
    const judged = onTime ? answered : due;
    if (judged >= to) {
      if (received < to) counts.open++;
      continue;
    }
    if (judged < from) continue;
    counts.due++;
    const unsatisfied = item.satisfaction === 'unsatisfied';
    if (onTime) counts.answeredOnTime++;
    else counts.overdue++;
    if (unsatisfied) counts.unsatisfied++;
    if (unsatisfied || !onTime) counts.unsatisfiedOrOverdue++;
  }
  return {
    ...counts,
    paknOnTime: rate(counts.answeredOnTime, counts.due),
    paknSatisfaction: rate(counts.due - counts.unsatisfiedOrOverdue, counts.due),
  };
}
