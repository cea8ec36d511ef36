import type { ImportProblem } from '@ioc/shared';
import ExcelJS from 'exceljs';
import { CODE_ROW, columnLetter, FIRST_DATA_ROW, FIRST_VALUE_COLUMN, META_ROW, UNIT_COLUMN } from './layout.ts';

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

type CellValue = ExcelJS.CellValue;

/** The plain content of a cell: formulas give their result, rich text its text, errors stay errors. */
function plain(value: CellValue): string | number | boolean | Date | { error: string } | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !(value instanceof Date)) {
    if ('result' in value) return plain((value as { result?: CellValue }).result ?? null);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('error' in value) return { error: String(value.error) };
    if ('text' in value) return String(value.text);
    return null;
  }
  return value;
}

const DECIMAL_POINT = /^-?\d+(\.\d+)?$/;
const DECIMAL_COMMA = /^-?\d+,\d+$/;

/** A number typed as text is accepted only when unambiguous: 12.5 or 12,5, never 1.234,5 or 1,234. */
export function readNumber(raw: ReturnType<typeof plain>): { value: number } | { problem: string } | null {
  if (raw === null) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw } : { problem: 'not a finite number' };
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text === '') return null;
    if (DECIMAL_POINT.test(text)) return { value: Number(text) };
    if (DECIMAL_COMMA.test(text)) return { value: Number(text.replace(',', '.')) };
    return { problem: `'${text.slice(0, 40)}' is not a number` };
  }
  if (typeof raw === 'object' && raw !== null && 'error' in raw)
    return { problem: `the cell holds the error ${raw.error}` };
  return { problem: 'not a number' };
}

/** Reads a filled template: the meta row, the code row, then every unit row; cells left empty are not values. */
export async function readSheet(buffer: Buffer, knownColumns: ReadonlySet<string>): Promise<SheetRead> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: 'The file is not an .xlsx workbook', problems: [] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, message: 'The workbook has no sheet', problems: [] };
  const text = (row: number, column: number) => {
    const raw = plain(sheet.getCell(row, column).value);
    return raw === null ? '' : String(raw).trim();
  };
  const dataSet = text(META_ROW, 2);
  const period = text(META_ROW, 4);
  if (!dataSet || !period) {
    return {
      ok: false,
      message: 'Cells B2 (data set) and D2 (period) are empty: start from the downloaded template',
      problems: [],
    };
  }

  const columns: { column: number; element: string; category: string }[] = [];
  const structure: ImportProblem[] = [];
  const lastColumn = sheet.getRow(CODE_ROW).cellCount;
  for (let column = FIRST_VALUE_COLUMN; column <= lastColumn; column++) {
    const code = text(CODE_ROW, column);
    if (code === '') continue;
    if (!knownColumns.has(code)) {
      structure.push({
        row: CODE_ROW,
        cell: `${columnLetter(column)}${CODE_ROW}`,
        field: 'element',
        rule: 'unknown',
        message: `unknown column code '${code}'`,
      });
      continue;
    }
    const [element, category = ''] = code.split('.') as [string, string?];
    columns.push({ column, element, category });
  }
  if (structure.length > 0)
    return {
      ok: false,
      message: 'The code row (row 5) names columns this data set does not have',
      problems: structure,
    };

  const values: SheetValue[] = [];
  const problems: ImportProblem[] = [];
  let rows = 0;
  for (let rowNumber = FIRST_DATA_ROW; rowNumber <= sheet.rowCount; rowNumber++) {
    const row = sheet.getRow(rowNumber);
    const unit = text(rowNumber, UNIT_COLUMN);
    const filled = columns.filter(
      (c) => plain(row.getCell(c.column).value) !== null && text(rowNumber, c.column) !== '',
    );
    if (unit === '' && filled.length === 0) continue;
    rows++;
    if (unit === '') {
      problems.push({
        row: rowNumber,
        cell: `A${rowNumber}`,
        field: 'unit',
        rule: 'required',
        message: 'the unit code is empty',
      });
      continue;
    }
    for (const c of filled) {
      const cell = `${columnLetter(c.column)}${rowNumber}`;
      const read = readNumber(plain(row.getCell(c.column).value));
      if (read === null) continue;
      if ('problem' in read) {
        problems.push({ row: rowNumber, cell, field: 'value', rule: 'type', message: read.problem });
        continue;
      }
      values.push({ sheetRow: rowNumber, cell, unit, element: c.element, category: c.category, value: read.value });
    }
  }
  return { ok: true, dataSet, period, rows, values, problems };
}
