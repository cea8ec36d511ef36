/**
 * What a procedure must be, checked the same way for one saved through the API and for each row of a CSV import:
 * a commune-level procedure names no agency (every commune handles it); a provincial one names, if any, an agency of
 * the province (unit 42), not a commune's one-stop office.
 */
import type { ProcedureImportProblem } from '@ioc/shared';
import type { CsvRecord } from '../../../lib/csv-reader.ts';

export type ProcedureLevel = 'province' | 'commune';
export type OnlineLevel = 'full' | 'partial' | 'none';

export interface ProcedureInput {
  code: string;
  name: string;
  fieldCode: string;
  level: ProcedureLevel;
  agencyCode: string | null;
  onlineLevel: OnlineLevel;
  onlinePayment: boolean;
  deadlineDays: number | null;
  feeVnd: number | null;
}

export interface AgencyUnit {
  code: string;
  unitId: string;
}

export const CODE_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
export const COLUMNS = [
  'code',
  'name',
  'field_code',
  'field_name',
  'level',
  'agency_code',
  'online_level',
  'online_payment',
  'deadline_days',
  'fee_vnd',
] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: readonly Column[] = ['code', 'name', 'field_code', 'level', 'online_level'];
const LEVELS: readonly string[] = ['province', 'commune'];
const ONLINE_LEVELS: readonly string[] = ['full', 'partial', 'none'];
const TRUE_WORDS = ['1', 'true', 'yes', 'x'];
const FALSE_WORDS = ['', '0', 'false', 'no'];
const MAX_FEE = 2_000_000_000;

/** Why the agency does not fit the level, or null when it does. */
export function agencyProblem(
  level: ProcedureLevel,
  agencyCode: string | null,
  agencies: ReadonlyMap<string, AgencyUnit>,
  rootUnit: string,
): string | null {
  if (agencyCode === null) return null;
  if (level === 'commune') return 'a commune-level procedure is handled by every commune: leave the agency empty';
  const agency = agencies.get(agencyCode);
  if (!agency) return `unknown agency '${agencyCode}'`;
  if (agency.unitId !== rootUnit) return `'${agencyCode}' is not a provincial agency`;
  return null;
}

export interface CheckedImport {
  /** Rows that passed, with the field name their row gave (used to create a field the catalogue lacks). */
  rows: { row: number; procedure: ProcedureInput }[];
  /** Field code → name, for codes not in the catalogue that some row names. */
  newFields: Map<string, string>;
  problems: ProcedureImportProblem[];
}

/** Problems with the header itself (row 1): unknown or repeated columns, required ones missing. */
export function headerProblems(header: readonly string[]): ProcedureImportProblem[] {
  const problems: ProcedureImportProblem[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '') continue; // an empty trailing column, as spreadsheets save them
    if (!(COLUMNS as readonly string[]).includes(name)) {
      problems.push({
        row: 1,
        column: name,
        rule: 'unknown',
        message: `unknown column; expected ${COLUMNS.join(',')}`,
      });
    } else if (seen.has(name)) problems.push({ row: 1, column: name, rule: 'duplicate', message: 'column repeated' });
    seen.add(name);
  }
  for (const name of REQUIRED) {
    if (!seen.has(name)) problems.push({ row: 1, column: name, rule: 'required', message: 'required column missing' });
  }
  return problems;
}

function wholeNumber(text: string, max: number): number | null | 'bad' {
  if (text === '') return null;
  if (!/^[0-9]+$/.test(text)) return 'bad';
  const value = Number(text);
  return value <= max ? value : 'bad';
}

/** Every data row checked, each problem named by row and column, so one round trip shows all that is wrong. */
export function checkImportRows(
  header: readonly string[],
  records: readonly CsvRecord[],
  fields: ReadonlySet<string>,
  agencies: ReadonlyMap<string, AgencyUnit>,
  rootUnit: string,
): CheckedImport {
  const index = new Map(header.map((name, i) => [name, i]));
  const value = (record: CsvRecord, column: Column) => {
    const at = index.get(column);
    return at === undefined ? '' : (record.cells[at] ?? '').trim();
  };
  // A new field may be named on any of its rows.
  const newFields = new Map<string, string>();
  for (const record of records) {
    const code = value(record, 'field_code');
    const name = value(record, 'field_name');
    if (code && name && !fields.has(code) && !newFields.has(code)) newFields.set(code, name);
  }
  const problems: ProcedureImportProblem[] = [];
  const rows: CheckedImport['rows'] = [];
  const firstRowOf = new Map<string, number>();
  for (const record of records) {
    const found: ProcedureImportProblem[] = [];
    const bad = (column: Column | null, rule: string, message: string) =>
      found.push({ row: record.row, column, rule, message });
    if (record.cells.length > header.length) {
      bad(null, 'columns', `${record.cells.length} cells for ${header.length} columns`);
    }
    const code = value(record, 'code');
    if (!code) bad('code', 'required', 'is empty');
    else if (!CODE_RE.test(code)) bad('code', 'pattern', 'use letters, digits, . _ - (at most 100)');
    else if (firstRowOf.has(code)) bad('code', 'duplicate', `already in row ${firstRowOf.get(code)}`);
    else firstRowOf.set(code, record.row);
    const name = value(record, 'name');
    if (!name) bad('name', 'required', 'is empty');
    else if (name.length > 1000) bad('name', 'maxLength', 'longer than 1000 characters');
    const fieldCode = value(record, 'field_code');
    if (!fieldCode) bad('field_code', 'required', 'is empty');
    else if (!CODE_RE.test(fieldCode)) bad('field_code', 'pattern', 'use letters, digits, . _ - (at most 100)');
    else if (!fields.has(fieldCode) && !newFields.has(fieldCode)) {
      bad('field_code', 'unknown', `unknown field '${fieldCode}': give field_name to create it`);
    }
    if (value(record, 'field_name').length > 500) bad('field_name', 'maxLength', 'longer than 500 characters');
    const level = value(record, 'level').toLowerCase();
    if (!LEVELS.includes(level)) bad('level', 'enum', 'expected province or commune');
    const onlineLevel = value(record, 'online_level').toLowerCase();
    if (!ONLINE_LEVELS.includes(onlineLevel)) bad('online_level', 'enum', 'expected full, partial or none');
    const payment = value(record, 'online_payment').toLowerCase();
    if (!TRUE_WORDS.includes(payment) && !FALSE_WORDS.includes(payment)) {
      bad('online_payment', 'type', 'expected 1 or 0 (true/false, yes/no)');
    }
    const agencyCode = value(record, 'agency_code') || null;
    if (LEVELS.includes(level)) {
      const problem = agencyProblem(level as ProcedureLevel, agencyCode, agencies, rootUnit);
      if (problem) bad('agency_code', 'agency', problem);
    }
    const deadlineDays = wholeNumber(value(record, 'deadline_days'), 3650);
    if (deadlineDays === 'bad') bad('deadline_days', 'type', 'expected a whole number of working days (0–3650)');
    const feeVnd = wholeNumber(value(record, 'fee_vnd'), MAX_FEE);
    if (feeVnd === 'bad') bad('fee_vnd', 'type', 'expected a whole number of đồng, digits only');
    if (found.length > 0) {
      problems.push(...found);
      continue;
    }
    rows.push({
      row: record.row,
      procedure: {
        code,
        name,
        fieldCode,
        level: level as ProcedureLevel,
        agencyCode,
        onlineLevel: onlineLevel as OnlineLevel,
        onlinePayment: TRUE_WORDS.includes(payment),
        deadlineDays: deadlineDays as number | null,
        feeVnd: feeVnd as number | null,
      },
    });
  }
  return { rows, newFields, problems };
}
