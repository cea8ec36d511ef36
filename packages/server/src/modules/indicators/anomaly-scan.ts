import { type Period, previousPeriod } from '@ioc/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AlertService } from '../alerts/alerts.service.ts';
import { unitGraph } from '../orgunits/orgunits.repo.ts';
import { type Aggregation, aggregateValues } from './aggregate.ts';
import { judgeValue, K } from './anomaly.ts';
import { type DataElementRow, listDataElements } from './catalogue.repo.ts';
import type { UnitGraph } from './compute.ts';
import { periodLabel } from './period-label.ts';
import { valuesInRange } from './values.repo.ts';

/** How far back a value is compared: three years of months, three of quarters, ten years. */
const HISTORY: Record<string, { count: number; season: number }> = {
  month: { count: 36, season: 12 },
  quarter: { count: 12, season: 4 },
  year: { count: 10, season: 0 },
};

export interface ScannedValue {
  element: string;
  unit: string;
  period: string;
  parsed: Period;
  value: number | null;
}

const formatNumber = (n: number, locale: string) =>
  n.toLocaleString(locale, { maximumFractionDigits: Math.abs(n) >= 100 ? 0 : 2 });

interface HistorySource {
  id: string;
  weight: number;
  closedOn: string | null;
}

/**
 * Where a unit's history is stored: the unit itself, and the units closed in 2025 that were merged into it (by
 * share), so a ward formed in July 2025 is compared with three years of its predecessors' figures, not four months.
 */
function historySources(graph: UnitGraph, units: readonly string[]): Map<string, HistorySource[]> {
  const closedOn = new Map(graph.units.map((u) => [u.id, u.valid_to]));
  const result = new Map<string, HistorySource[]>(
    units.map((u) => [u, [{ id: u, weight: 1, closedOn: closedOn.get(u) ?? null }]]),
  );
  for (const m of graph.mappings) {
    result.get(m.new_id)?.push({ id: m.old_id, weight: Number(m.share), closedOn: closedOn.get(m.old_id) ?? null });
  }
  return result;
}

/** `count` periods before `period`, oldest first. */
export function periodsBefore(period: Period, count: number): Period[] {
  const out: Period[] = [];
  let cursor = period;
  for (let i = 0; i < count; i++) {
    cursor = previousPeriod(cursor);
    out.unshift(cursor);
  }
  return out;
}

/** The reason an anomaly alert resolves when its value, scanned again, is no longer unusual (or was removed). */
export const VALUE_CORRECTED = 'value corrected';

/**
 * Compares stored totals with their own history (anomaly.ts) and raises an alert for each value far from it,
 * critical when twice the threshold; the alert of a value scanned again and found usual (corrected, or removed)
 * resolves by itself. Returns how many alerts were raised or refreshed.
 */
export async function detectAnomalies(
  db: Kysely<Database>,
  alerts: Pick<AlertService, 'raise' | 'resolve'>,
  values: readonly ScannedValue[],
  /** The catalogue and unit tree the caller already read, if it did. */
  known?: { elements: readonly DataElementRow[]; graph: UnitGraph },
  /** The agency code of an element's owning department ('Sở Y tế' → SYT), so its officers see the alert. */
  agencyOf?: (owner: string) => string | null,
): Promise<number> {
  const keyOf = (v: Pick<ScannedValue, 'element' | 'unit' | 'period'>) =>
    `indicator.anomaly:${v.element}:${v.unit}:${v.period}`;
  const candidates = values.filter((v) => v.value !== null && HISTORY[v.parsed.type]);
  const cleared = new Set(values.map(keyOf));
  if (candidates.length === 0) {
    if (cleared.size > 0) await alerts.resolve([...cleared], VALUE_CORRECTED);
    return 0;
  }
  const [elementRows, graph] = known
    ? [known.elements, known.graph]
    : await Promise.all([listDataElements(db), unitGraph(db)]);
  const elements = new Map(elementRows.map((e) => [e.code, e]));
  const found: Parameters<AlertService['raise']>[0][number][] = [];
  const byType = new Map<string, ScannedValue[]>();
  for (const v of candidates) byType.set(v.parsed.type, [...(byType.get(v.parsed.type) ?? []), v]);

  for (const [type, group] of byType) {
    const { count, season } = HISTORY[type]!;
    const earliest = group.reduce((a, b) => (a.parsed.start < b.parsed.start ? a : b)).parsed;
    const from = periodsBefore(earliest, count)[0]!.start;
    const to = group.reduce((a, b) => (a.parsed.end > b.parsed.end ? a : b)).parsed.end;
    const units = [...new Set(group.map((v) => v.unit))];
    const sourcesOf = historySources(graph, units);
    const sourceIds = [...new Set(units.flatMap((u) => sourcesOf.get(u)!.map((s) => s.id)))];
    const history = await valuesInRange(db, {
      elementCodes: [...new Set(group.map((v) => v.element))],
      periodType: type,
      from,
      to,
      ...(sourceIds.length <= 500 ? { unitIds: sourceIds } : {}),
    });
    const stored = new Map<string, number>();
    for (const h of history)
      if (h.category === '') stored.set(`${h.element_code}|${h.unit_id}|${h.period_start}`, h.value);

    // A unit's figure for a past period, merged units included; many values of a batch share them, so once each.
    const aggregated = new Map<string, number | null>();
    const historyAt = (element: string, unit: string, start: string): number | null => {
      const key = `${element}|${unit}|${start}`;
      if (aggregated.has(key)) return aggregated.get(key) ?? null;
      const aggregation = (elements.get(element)?.aggregation ?? 'sum') as Aggregation;
      const contributions = sourcesOf.get(unit)!.flatMap((source) => {
        const value = stored.get(`${element}|${source.id}|${start}`);
        return value === undefined
          ? []
          : [{ unitId: source.id, periodStart: start, value, weight: source.weight, closedOn: source.closedOn }];
      });
      const value = aggregateValues(aggregation, contributions);
      aggregated.set(key, value);
      return value;
    };

    // Many values share a period: work out each period's history dates once.
    const startsBefore = new Map<string, string[]>();
    for (const v of group) {
      let starts = startsBefore.get(v.period);
      if (!starts) {
        starts = periodsBefore(v.parsed, count).map((p) => p.start);
        startsBefore.set(v.period, starts);
      }
      const series = starts.map((start) => historyAt(v.element, v.unit, start));
      const verdict = judgeValue(v.value as number, series, season, elements.get(v.element)?.value_type === 'integer');
      if (!verdict || verdict.score <= K) continue;
      const element = elements.get(v.element);
      const agency = element?.owner && agencyOf ? agencyOf(element.owner) : null;
      cleared.delete(keyOf(v));
      found.push({
        kind: 'indicator.anomaly',
        severity: verdict.score > 2 * K ? 'critical' : 'warning',
        unit: v.unit,
        title: `Số liệu bất thường: ${element?.name ?? v.element} ${periodLabel(v.period)} là ${formatNumber(v.value as number, 'vi-VN')} (thường khoảng ${formatNumber(verdict.expected, 'vi-VN')})`,
        titleEn: `Unusual figure: ${element?.name_en ?? v.element} for ${periodLabel(v.period, 'en')} is ${formatNumber(v.value as number, 'en-GB')} (usually about ${formatNumber(verdict.expected, 'en-GB')})`,
        detail: {
          element: v.element,
          period: v.period,
          value: v.value,
          expected: verdict.expected,
          score: verdict.score,
          basis: verdict.basis,
          owner: element?.owner ?? null,
        },
        dedupeKey: keyOf(v),
        link: { kind: 'indicator', ref: v.element },
        labels: { element: v.element, period: v.period },
        ...(agency ? { agencies: [agency] } : {}),
      });
    }
  }
  if (found.length > 0) await alerts.raise(found);
  if (cleared.size > 0) await alerts.resolve([...cleared], VALUE_CORRECTED);
  return found.length;
}
