import type { Selectable } from 'kysely';
import type { AlertSilenceTable } from '../../db/schema.ts';

/** What a silence looks at: the alert's kind, rule, unit (with its path, for the units under a silenced one), labels. */
export interface SilenceTarget {
  kind: string;
  rule_id: number | null | undefined;
  unit_id: string | null | undefined;
  path: string | null;
  labels: string | null | undefined;
}

/** A kind matcher ending in '*' matches by prefix ('rule.*'); otherwise exactly. */
const kindMatches = (pattern: string, kind: string) =>
  pattern.endsWith('*') ? kind.startsWith(pattern.slice(0, -1)) : pattern === kind;

/** Whether one silence in force matches: every matcher it sets must match (an unset one matches anything). */
export function silencedBy(silences: readonly Selectable<AlertSilenceTable>[], alert: SilenceTarget): boolean {
  let labels: Record<string, unknown> | null = null;
  return silences.some((s) => {
    if (s.kind !== null && !kindMatches(s.kind, alert.kind)) return false;
    if (s.rule_id !== null && s.rule_id !== alert.rule_id) return false;
    if (s.unit_id !== null && !(alert.path ?? '').includes(`/${s.unit_id}/`)) return false;
    if (s.label_name !== null) {
      labels ??= alert.labels ? (JSON.parse(alert.labels) as Record<string, unknown>) : {};
      const value = labels[s.label_name];
      if (typeof value !== 'string' || (s.label_value !== null && value !== s.label_value)) return false;
    }
    return true;
  });
}
