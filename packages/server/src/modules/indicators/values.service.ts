import type { RuleViolation, ValuesBatchResult } from '@ioc/shared';
import type { Platform } from '../../platform.ts';
import type { AlertService } from '../alerts/alerts.service.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import type { Actor } from '../auth/actor.ts';
import { unitGraph } from '../orgunits/orgunits.repo.ts';
import { detectAnomalies } from './anomaly-scan.ts';
import { listDataElements } from './catalogue.repo.ts';
import { loadCatalogue } from './compute.ts';
import { listDataSets, listValidationRules, recordReports } from './datasets.repo.ts';
import { evaluateRules, ruleElements } from './rules.ts';
import { type CheckedValue, checkValues, type IncomingValue } from './value-checks.ts';
import { deleteValues, upsertValues } from './values.repo.ts';

export type { IncomingValue } from './value-checks.ts';

/** Rows in an audit entry beyond which only a summary is kept: a 10,000-row import is counted, not copied. */
const AUDIT_ROWS = 200;

class RefusedByRules extends Error {
  constructor(readonly violations: RuleViolation[]) {
    super('refused by validation rules');
  }
}

const cellOf = (unit: string, period: string) => `${unit}|${period}`;

/**
 * The one way values enter the IOC (API batch, entry form, spreadsheet import): every row is checked, then the
 * valid ones are written in one transaction with the reports they complete and an audit entry; blocking validation
 * rules are evaluated inside that transaction so a violating batch leaves nothing behind. Mode 'all' stores nothing
 * if any row is refused; 'valid' stores the rest and reports the refused.
 */
export class ValueService {
  constructor(
    private readonly platform: Platform,
    private readonly alerts: AlertService,
    /** Finds the agency an element's owning department names, so its anomalies reach that agency's officers. */
    private readonly agencyMatcher: () => Promise<(written: string) => { code: string } | null> = async () => () =>
      null,
  ) {}

  /** mode 'check' only reports the problems of each row, storing nothing (validation rules run only when storing). */
  async apply(
    actor: Actor,
    values: readonly IncomingValue[],
    mode: 'all' | 'valid' | 'check',
  ): Promise<ValuesBatchResult> {
    const { db, now } = this.platform;
    const [elements, sets, graph] = await Promise.all([listDataElements(db), listDataSets(db), unitGraph(db)]);
    const locksOf = new Map<string, { lock_days: number | null }[]>();
    for (const set of sets) for (const code of set.elements) locksOf.set(code, [...(locksOf.get(code) ?? []), set]);
    const { valid, problems } = checkValues(values, {
      elements: new Map(elements.map((e) => [e.code, e])),
      units: new Map(graph.units.map((u) => [u.id, u])),
      locksOf,
      scopeUnitId: actor.scope.unitId,
      canManage: actor.permissions.has('indicators.manage'),
      now: now(),
    });
    if ((problems.length > 0 && mode === 'all') || mode === 'check') {
      return { stored: 0, refused: problems, warnings: [], anomalies: 0 };
    }

    let rows = valid;
    let outcome: { warnings: RuleViolation[] } | undefined;
    try {
      outcome = await this.write(actor, rows, sets);
    } catch (error) {
      if (!(error instanceof RefusedByRules)) throw error;
      const blocked = new Map(error.violations.map((v) => [cellOf(v.unit, v.period), v]));
      for (const row of rows) {
        const violation = blocked.get(cellOf(row.unit, row.period));
        if (violation) {
          problems.push({
            row: row.row,
            field: 'value',
            rule: 'validationRule',
            message: `${violation.name}: ${violation.left} ${violation.operator} ${violation.right} is false`,
            limit: violation.rule,
          });
        }
      }
      if (mode !== 'valid') return { stored: 0, refused: problems, warnings: [], anomalies: 0 };
      rows = rows.filter((row) => !blocked.has(cellOf(row.unit, row.period)));
      // Removing a unit-period's rows cannot make another unit-period violate: rules read one unit and period.
      outcome = await this.write(actor, rows, sets);
    }

    const match = await this.agencyMatcher();
    // Removed values are scanned too: their anomaly alerts resolve.
    const anomalies = await detectAnomalies(
      db,
      this.alerts,
      rows.filter((r) => r.category === ''),
      { elements, graph },
      (owner) => match(owner)?.code ?? null,
    );
    await this.announce(rows);
    problems.sort((a, b) => a.row - b.row);
    return { stored: rows.length, refused: problems, warnings: outcome.warnings, anomalies };
  }

  private async write(
    actor: Actor,
    rows: CheckedValue[],
    sets: Awaited<ReturnType<typeof listDataSets>>,
  ): Promise<{ warnings: RuleViolation[] }> {
    const { db, now } = this.platform;
    if (rows.length === 0) return { warnings: [] };
    const at = now().toISOString();
    const summary = {
      values: rows.length,
      units: [...new Set(rows.map((r) => r.unit))].slice(0, 50),
      periods: [...new Set(rows.map((r) => r.period))],
      elements: [...new Set(rows.map((r) => r.element))],
      ...(rows.length <= AUDIT_ROWS
        ? {
            rows: rows.map(({ element, unit, period, category, value }) => ({
              element,
              unit,
              period,
              category,
              value,
            })),
          }
        : {}),
    };
    return auditedWrite(
      db,
      actor,
      { action: 'indicators.values.store', entityType: 'data_values', entityId: null },
      async (trx) => {
        const stored = rows.filter((r) => r.value !== null);
        await upsertValues(
          trx,
          stored.map((r) => ({
            element_code: r.element,
            unit_id: r.unit,
            period_id: r.period,
            period_type: r.parsed.type,
            period_start: r.parsed.start,
            category: r.category,
            value: r.value as number,
            stored_by: actor.name,
            stored_at: at,
          })),
        );
        await deleteValues(
          trx,
          rows
            .filter((r) => r.value === null)
            .map((r) => ({ element_code: r.element, unit_id: r.unit, period_id: r.period, category: r.category })),
        );
        await recordReports(trx, reportsCompleted(rows, sets), at, actor.name);

        const touched = new Set(rows.map((r) => r.element));
        const rules = (await listValidationRules(trx)).filter((rule) => ruleElements(rule).some((e) => touched.has(e)));
        const units = [...new Set(rows.map((r) => r.unit))];
        const periods = [...new Map(rows.map((r) => [r.period, r.parsed])).values()];
        const violations = await evaluateRules(trx, await loadCatalogue(trx), rules, units, periods);
        // Only cells this batch wrote: a unit-period the rules evaluate because of another row's unit is not ours.
        const written = new Set(rows.map((r) => cellOf(r.unit, r.period)));
        const mine = violations.filter((v) => written.has(cellOf(v.unit, v.period)));
        const errors = mine.filter((v) => v.severity === 'error');
        if (errors.length > 0) throw new RefusedByRules(errors);
        return { before: null, after: summary, result: { warnings: mine.filter((v) => v.severity !== 'error') } };
      },
      now,
    );
  }

  /** One live event per unit, so open indicator pages refresh; at most 100 per batch. */
  private async announce(rows: CheckedValue[]): Promise<void> {
    const byUnit = new Map<string, { periods: Set<string>; elements: Set<string> }>();
    for (const row of rows) {
      const entry = byUnit.get(row.unit) ?? { periods: new Set(), elements: new Set() };
      entry.periods.add(row.period);
      entry.elements.add(row.element);
      byUnit.set(row.unit, entry);
    }
    for (const [unit, entry] of [...byUnit].slice(0, 100)) {
      await this.platform.bus.publish(
        'indicators.values',
        { unit, periods: [...entry.periods].slice(0, 24), elements: [...entry.elements].slice(0, 50) },
        unit,
      );
    }
  }
}

/** The data set reports a batch completes: a set holding the element, of the value's period, for a unit that reports it. */
export function reportsCompleted(
  rows: readonly CheckedValue[],
  sets: readonly { code: string; frequency: string; elements: string[]; units: string[] }[],
): { data_set_code: string; unit_id: string; period_id: string }[] {
  const reports = new Map<string, { data_set_code: string; unit_id: string; period_id: string }>();
  for (const row of rows) {
    if (row.value === null) continue;
    for (const set of sets) {
      if (set.frequency !== row.parsed.type || !set.elements.includes(row.element)) continue;
      if (set.units.length > 0 && !set.units.includes(row.unit)) continue;
      const report = { data_set_code: set.code, unit_id: row.unit, period_id: row.period };
      reports.set(`${set.code}|${row.unit}|${row.period}`, report);
    }
  }
  return [...reports.values()];
}
