/**
 * Keeps `ps_daily` equal to the sum of every stored dossier's contribution: when a dossier changes, its old
 * contribution is taken away and its new one added, in the same transaction as the change.
 */
import type { Calendar } from '../metrics/clock.ts';
import { contributionOf, DAILY_COUNTERS, type DailyCounts, emptyCounts, endedAt } from '../metrics/contribution.ts';
import { type DossierFacts, type DossierRowLike, factsOf } from '../metrics/facts.ts';
import type { DailyDelta } from './daily.repo.ts';

export class DailyChanges {
  private readonly deltas = new Map<string, DailyDelta>();

  constructor(private readonly calendar: Calendar) {}

  /**
   * Takes away what `before` added (if it was stored) and adds what `after` adds (if it stays). Returns the end of
   * processing of `after` as stored (`ended_at`), read from the same facts.
   */
  change(before: DossierRowLike | null | undefined, after: DossierRowLike | null): string | null {
    if (before) this.add(factsOf(before), -1);
    if (!after) return null;
    const facts = factsOf(after);
    this.add(facts, 1);
    const ended = endedAt(facts);
    return ended === null ? null : new Date(ended).toISOString();
  }

  private add(facts: DossierFacts, sign: 1 | -1): void {
    const agency = facts.agency;
    const unitId = facts.unitId ?? '';
    for (const { day, counts } of contributionOf(facts, this.calendar)) {
      const key = `${day}\u0000${agency}\u0000${unitId}`;
      let delta = this.deltas.get(key);
      if (!delta) {
        delta = { day, agency, unitId, counts: emptyCounts() };
        this.deltas.set(key, delta);
      }
      for (const [k, v] of Object.entries(counts) as [keyof DailyCounts, number][]) delta.counts[k] += sign * v;
    }
  }

  /** The non-zero deltas (a dossier re-synced unchanged in its counts writes nothing). */
  list(): DailyDelta[] {
    return [...this.deltas.values()].filter((d) => DAILY_COUNTERS.some((k) => Math.abs(d.counts[k]) > 1e-9));
  }
}

/** The stored `ended_at` of a row, by the same rule the daily counts use. */
export function endedAtOf(row: DossierRowLike): string | null {
  const at = endedAt(factsOf(row));
  return at === null ? null : new Date(at).toISOString();
}
