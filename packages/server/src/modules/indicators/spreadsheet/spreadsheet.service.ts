import { type ImportProblem, type ImportReport, type OrgUnit, parsePeriod } from '@ioc/shared';
import { invalid, notFound } from '../../../errors.ts';
import type { Platform } from '../../../platform.ts';
import type { Actor } from '../../auth/actor.ts';
import type { OrgUnitService } from '../../orgunits/orgunits.service.ts';
import { listDataElements } from '../catalogue.repo.ts';
import { listDataSets } from '../datasets.repo.ts';
import { periodLabel } from '../period-label.ts';
import { storedValues } from '../values.repo.ts';
import type { ValueService } from '../values.service.ts';
import { MAX_INFLATED_BYTES, readSheet } from './reader.ts';
import { buildTemplate, type TemplateColumn } from './template.ts';

/** A report lists the first problems and warnings (by row) and counts the rest, so 5,000 bad rows answer in kilobytes. */
export const PROBLEMS_LISTED = 100;

/** The first problems, then one that says how many more there are (`rule: 'more'`, `limit`: their number). */
function listed(problems: ImportProblem[]): ImportProblem[] {
  if (problems.length <= PROBLEMS_LISTED) return problems;
  const more = problems.length - PROBLEMS_LISTED;
  const message = `and ${more} more problem(s), not listed: correct these and import again`;
  const last = problems[PROBLEMS_LISTED - 1]!;
  return [
    ...problems.slice(0, PROBLEMS_LISTED),
    { row: last.row, cell: null, field: 'file', rule: 'more', message, limit: more },
  ];
}

/** XLSX in and out for a data set: a pre-filled template per period, and the import of a filled one. */
export class SpreadsheetService {
  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
    private readonly values: ValueService,
  ) {}

  private async context(code: string, periodId: string) {
    const set = (await listDataSets(this.platform.db)).find((s) => s.code === code);
    if (!set) throw notFound(`Data set ${code}`);
    const period = parsePeriod(periodId);
    if (!period || period.type !== set.frequency) {
      throw invalid(`${code} is reported per ${set.frequency}`, [
        {
          field: 'querystring:/period',
          message: `must be a ${set.frequency}`,
          rule: 'frequency',
          limit: set.frequency,
        },
      ]);
    }
    const elements = new Map((await listDataElements(this.platform.db)).map((e) => [e.code, e]));
    const columns: TemplateColumn[] = set.elements.flatMap((code) => {
      const e = elements.get(code);
      if (!e) return [];
      const header = `${e.name}${e.unit ? ` (${e.unit})` : ''}`;
      const options = JSON.parse(e.categories) as string[];
      return [
        { code, header, valueType: e.value_type },
        ...options.map((option) => ({
          code: `${code}.${option}`,
          header: `${header} — ${option}`,
          valueType: e.value_type,
        })),
      ];
    });
    return { set, period, columns };
  }

  /** The set's reporting units the caller may enter for (all current communes when the set lists none). */
  private async unitsFor(actor: Actor, listed: string[]): Promise<OrgUnit[]> {
    const inScope = await this.orgUnits.currentInScope(actor.scope);
    return listed.length > 0
      ? inScope.filter((u) => listed.includes(u.id))
      : inScope.filter((u) => u.parentId === this.platform.config.rootUnit);
  }

  async template(actor: Actor, code: string, periodId: string): Promise<{ filename: string; body: Buffer }> {
    const { set, period, columns } = await this.context(code, periodId);
    const units = await this.unitsFor(actor, set.units);
    const stored = await storedValues(
      this.platform.db,
      set.elements,
      units.map((u) => u.id),
      [period.id],
    );
    const values = new Map(
      stored.map((v) => [`${v.unit_id}|${v.category ? `${v.element_code}.${v.category}` : v.element_code}`, v.value]),
    );
    const body = await buildTemplate({
      dataSet: { code: set.code, name: set.name },
      period: period.id,
      periodLabel: periodLabel(period.id),
      columns,
      units: units.map((u) => ({ id: u.id, name: u.name })),
      values,
    });
    return { filename: `${set.code}-${period.id}.xlsx`, body };
  }

  /**
   * Imports a filled template. Every cell is checked as an API value would be; a problem names the sheet row and
   * cell. mode 'all' stores nothing unless every cell is valid; 'valid' stores the valid cells.
   */
  async import(
    actor: Actor,
    code: string,
    periodId: string,
    mode: 'all' | 'valid',
    file: Buffer,
  ): Promise<ImportReport> {
    const { set, period, columns } = await this.context(code, periodId);
    const read = await readSheet(file, new Set(columns.map((c) => c.code)), {
      maxRows: this.platform.config.importMaxRows,
      maxInflatedBytes: MAX_INFLATED_BYTES,
    });
    if (!read.ok)
      throw invalid(
        read.message,
        read.problems.map((p) => ({ field: p.cell ?? p.field, message: p.message, rule: p.rule })),
      );
    if (read.dataSet !== set.code || read.period !== period.id) {
      throw invalid(`The file is for ${read.dataSet} ${read.period}, not ${set.code} ${period.id}`, [
        {
          field: 'B2',
          message: `the file is for ${read.dataSet} ${read.period}`,
          rule: 'mismatch',
          limit: `${read.dataSet} ${read.period}`,
        },
      ]);
    }
    const problems: ImportProblem[] = [...read.problems];
    const empty = {
      applied: false,
      rows: read.rows,
      values: read.values.length,
      stored: 0,
      warnings: [],
      anomalies: 0,
    };
    const result = await this.values.apply(
      actor,
      read.values.map((v, index) => ({
        row: index,
        element: v.element,
        unit: v.unit,
        period: period.id,
        category: v.category,
        value: v.value,
      })),
      // Unreadable cells already sink an all-or-nothing import: still check the rest, so one round trip shows everything.
      problems.length > 0 && mode === 'all' ? 'check' : mode,
    );
    // A wrong unit code is one problem for its row, not one per filled cell.
    const unitReported = new Set<number>();
    for (const p of result.refused) {
      const source = read.values[p.row]!;
      if (p.field === 'unit') {
        if (unitReported.has(source.sheetRow)) continue;
        unitReported.add(source.sheetRow);
        problems.push({
          row: source.sheetRow,
          cell: `A${source.sheetRow}`,
          field: 'unit',
          rule: p.rule,
          message: p.message,
        });
      } else if (p.rule === 'duplicate' && typeof p.limit === 'number') {
        // The batch names the first cell by its index; the sheet names it by its row.
        const first = read.values[p.limit]!;
        const message = `a second value for the same unit and column (first in row ${first.sheetRow}, ${first.cell})`;
        problems.push({
          row: source.sheetRow,
          cell: source.cell,
          field: p.field,
          rule: p.rule,
          message,
          limit: first.sheetRow,
        });
      } else {
        problems.push({
          row: source.sheetRow,
          cell: source.cell,
          field: p.field,
          rule: p.rule,
          message: p.message,
          ...(p.limit === undefined ? {} : { limit: p.limit }),
        });
      }
    }
    problems.sort((a, b) => a.row - b.row || (a.cell ?? '').localeCompare(b.cell ?? ''));
    if (result.stored === 0) return { ...empty, refused: listed(problems) };
    return {
      applied: true,
      rows: read.rows,
      values: read.values.length,
      stored: result.stored,
      refused: listed(problems),
      warnings: result.warnings.slice(0, PROBLEMS_LISTED),
      anomalies: result.anomalies,
    };
  }
}
