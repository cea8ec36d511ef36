/** The one-stop dashboard of a period: figures for all dossiers, and per agency, field, procedure or org unit. */

import { type ClassifyOptions, classify, type Period } from './classify.ts';
import type { Calendar } from './clock.ts';
import type { DossierFacts } from './facts.ts';
import { addTo, emptyTally, type Figures, finish, type Tally } from './figures.ts';

export type GroupBy = 'agency' | 'field' | 'procedure' | 'unit';

export interface GroupFigures {
  /** null: dossiers without that attribute (no field code, no org unit). */
  key: string | null;
  figures: Figures;
}

export interface Summary {
  period: Period;
  total: Figures;
  /** Empty without groupBy; groups with nothing to show in the period are left out. Sorted by key, null last. */
  groups: GroupFigures[];
}

const keyOf: Record<GroupBy, (f: DossierFacts) => string | null> = {
  agency: (f) => f.agency,
  field: (f) => f.fieldCode,
  procedure: (f) => f.procedureCode,
  unit: (f) => f.unitId,
};

export function summarize(
  facts: readonly DossierFacts[],
  period: Period,
  calendar: Calendar,
  groupBy?: GroupBy,
  options: ClassifyOptions = {},
): Summary {
  const total = emptyTally();
  const groups = new Map<string | null, Tally>();
  for (const f of facts) {
    const c = classify(f, period, calendar, options);
    if (c.standing.kind === 'outside') continue;
    addTo(total, f, c);
    if (!groupBy) continue;
    const key = keyOf[groupBy](f);
    let tally = groups.get(key);
    if (!tally) {
      tally = emptyTally();
      groups.set(key, tally);
    }
    addTo(tally, f, c);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  return {
    period,
    total: finish(total),
    groups: keys.map((key) => ({ key, figures: finish(groups.get(key)!) })),
  };
}
