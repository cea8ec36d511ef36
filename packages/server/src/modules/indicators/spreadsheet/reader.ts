import type { ImportProblem } from '@ioc/shared';
import { InflateBudget, ZipRefused, zipParts } from '../../../lib/zip.ts';
import { CODE_ROW, columnLetter, FIRST_DATA_ROW, FIRST_VALUE_COLUMN, META_ROW, UNIT_COLUMN } from './layout.ts';
import { type CellContent, locateParts, type SheetRow, sharedStrings, sheetRows } from './workbook.ts';

export interface SheetValue {
  sheetRow: number;
  cell: string;
  unit: string;
  element: string;
  category: string;
  value: number;
}

export type SheetRead =
  | { ok: true; dataSet: string; period: string; rows: number; values: SheetValue[]; problems: ImportProblem[] }
  | { ok: false; message: string; problems: ImportProblem[] };

export interface SheetLimits {
  /** Filled unit rows read at most (IOC_IMPORT_MAX_ROWS). */
  maxRows: number;
  /** Bytes inflated at most, all parts together. */
  maxInflatedBytes: number;
}

/** A template's parts unpacked hold a few megabytes even for thousands of units. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

const DECIMAL_POINT = /^-?\d+(\.\d+)?$/;
const DECIMAL_COMMA = /^-?\d+,\d+$/;

/** A number typed as text is accepted only when unambiguous: 12.5 or 12,5, never 1.234,5 or 1,234. */
export function readNumber(raw: CellContent): { value: number } | { problem: string } | null {
  if (raw === null) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw } : { problem: 'not a finite number' };
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return null;
    if (DECIMAL_POINT.test(text)) return { value: Number(text) };
    if (DECIMAL_COMMA.test(text)) return { value: Number(text.replace(',', '.')) };
    return { problem: `'${text.slice(0, 40)}' is not a number` };
  }
  if (typeof raw === 'object' && 'error' in raw) return { problem: `the cell holds the error ${raw.error}` };
  return { problem: 'not a number' };
}

const textOf = (row: SheetRow | undefined, column: number): string => {
  const raw = row?.cells.get(column);
  if (raw === null || raw === undefined) return '';
  return (typeof raw === 'object' ? raw.error : String(raw)).trim();
};

interface ValueColumn {
  column: number;
  element: string;
  category: string;
}

/** What the rows above the data say: the data set and period (B2, D2), the columns (row 5) and its problems. */
interface Header {
  dataSet: string;
  period: string;
  columns: ValueColumn[];
  problems: ImportProblem[];
}

/** The template's columns from its code row, or the problems with it. */
function codeColumns(codeRow: SheetRow | undefined, knownColumns: ReadonlySet<string>) {
  const columns: ValueColumn[] = [];
  const problems: ImportProblem[] = [];
  const last = Math.max(0, ...(codeRow?.cells.keys() ?? []));
  for (let column = FIRST_VALUE_COLUMN; column <= last; column++) {
    const code = textOf(codeRow, column);
    if (code === '') continue;
    if (!knownColumns.has(code)) {
      const cell = `${columnLetter(column)}${CODE_ROW}`;
      problems.push({
        row: CODE_ROW,
        cell,
        field: 'element',
        rule: 'unknown',
        message: `unknown column code '${code}'`,
      });
      continue;
    }
    const [element, category = ''] = code.split('.') as [string, string?];
    columns.push({ column, element, category });
  }
  return { columns, problems };
}

/**
 * Reads a filled template: the meta row, the code row, then every unit row as the sheet streams in; cells left empty
 * are not values. The file is refused, without reading further, once it unpacks past its budget or holds more
 * filled rows than allowed.
 */
export async function readSheet(
  buffer: Buffer,
  knownColumns: ReadonlySet<string>,
  limits: SheetLimits,
): Promise<SheetRead> {
  const budget = new InflateBudget(limits.maxInflatedBytes);
  try {
    const parts = zipParts(buffer);
    const located = parts ? await locateParts(parts, budget) : null;
    if (!located) return { ok: false, message: 'The file is not an .xlsx workbook', problems: [] };
    if (!located.sheet) return { ok: false, message: 'The workbook has no sheet', problems: [] };
    const strings = await sharedStrings(located.strings, budget);
    const head = new Map<number, SheetRow>();
    let header: Header | null = null;
    const values: SheetValue[] = [];
    const problems: ImportProblem[] = [];
    let rows = 0;
    const readHeader = (): Header => {
      const dataSet = textOf(head.get(META_ROW), 2);
      const period = textOf(head.get(META_ROW), 4);
      return { dataSet, period, ...codeColumns(head.get(CODE_ROW), knownColumns) };
    };
    for await (const row of sheetRows(located.sheet, strings, budget)) {
      if (row.row < FIRST_DATA_ROW) {
        head.set(row.row, row);
        continue;
      }
      header ??= readHeader();
      if (!header.dataSet || !header.period || header.problems.length > 0) break;
      const unit = textOf(row, UNIT_COLUMN);
      const filled = header.columns.filter((c) => textOf(row, c.column) !== '');
      if (unit === '' && filled.length === 0) continue;
      if (++rows > limits.maxRows) {
        const message = `The sheet has more than ${limits.maxRows} filled rows; a template has one row per unit (IOC_IMPORT_MAX_ROWS)`;
        return {
          ok: false,
          message,
          problems: [{ row: row.row, cell: null, field: 'rows', rule: 'maxRows', message, limit: limits.maxRows }],
        };
      }
      if (unit === '') {
        const message = 'the unit code is empty';
        problems.push({ row: row.row, cell: `A${row.row}`, field: 'unit', rule: 'required', message });
        continue;
      }
      for (const c of filled) {
        const cell = `${columnLetter(c.column)}${row.row}`;
        const read = readNumber(row.cells.get(c.column) ?? null);
        if (read === null) continue;
        if ('problem' in read) {
          problems.push({ row: row.row, cell, field: 'value', rule: 'type', message: read.problem });
          continue;
        }
        values.push({ sheetRow: row.row, cell, unit, element: c.element, category: c.category, value: read.value });
      }
    }
    header ??= readHeader();
    if (!header.dataSet || !header.period) {
      const message = 'Cells B2 (data set) and D2 (period) are empty: start from the downloaded template';
      return { ok: false, message, problems: [] };
    }
    if (header.problems.length > 0) {
      const message = 'The code row (row 5) names columns this data set does not have';
      return { ok: false, message, problems: header.problems };
    }
    return { ok: true, dataSet: header.dataSet, period: header.period, rows, values, problems };
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    const budgetMb = Math.round(limits.maxInflatedBytes / 1048576);
    const message = /too large once unpacked/.test(error.message)
      ? `The workbook is larger than ${budgetMb} MB once unpacked; a template is far smaller`
      : `The file cannot be read as an .xlsx workbook: ${error.message}`;
    return { ok: false, message, problems: [] };
  }
}
