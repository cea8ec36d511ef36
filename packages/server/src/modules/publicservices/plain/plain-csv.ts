/**
 * Dossiers as CSV: one row per dossier, the plain JSON field names as the header, supplements in one cell as
 * `requestedAt|suppliedAt|reason; …` (a reason's own | and ; become commas). What the list exports, the import reads back.
 */
import type { PlainDossier, SyncProblem } from '@ioc/shared';
import { toCsv } from '../../../http/csv.ts';
import { readCsv } from '../../../lib/csv-reader.ts';

export const CSV_COLUMNS = [
  'code',
  'procedureCode',
  'procedureName',
  'fieldCode',
  'fieldName',
  'agency',
  'channel',
  'owner',
  'ownerKind',
  'summary',
  'submittedAt',
  'receivedAt',
  'dueAt',
  'status',
  'returnedAt',
  'finishedAt',
  'paidOnline',
  'digitised',
  'supplements',
] as const;
const REQUIRED = ['code', 'procedureCode', 'agency', 'receivedAt', 'status'];
const CHANNEL_WORDS: Record<string, PlainDossier['channel']> = {
  '1': 'inPerson',
  '2': 'online',
  '3': 'postal',
  inperson: 'inPerson',
  online: 'online',
  postal: 'postal',
};
const YES = ['1', 'true', 'yes', 'có', 'x'];
const NO = ['0', 'false', 'no', 'không', ''];

export interface CsvRow {
  /** The spreadsheet row number (header = 1). */
  row: number;
  value: Record<string, unknown>;
}

export type CsvDossiers = { ok: true; rows: CsvRow[]; problems: SyncProblem[] } | { ok: false; problem: SyncProblem };

function cellValue(column: string, text: string): { value?: unknown; problem?: string } {
  const cell = text.trim();
  switch (column) {
    case 'status': {
      const n = Number(cell);
      return Number.isInteger(n) ? { value: n } : { problem: `'${cell}' is not a status number 1–10` };
    }
    case 'channel': {
      const channel = CHANNEL_WORDS[cell.toLowerCase().replace(/[\s_-]/g, '')];
      return channel ? { value: channel } : { problem: `'${cell}' is not a channel (1/inPerson, 2/online, 3/postal)` };
    }
    case 'paidOnline':
    case 'digitised':
      if (YES.includes(cell.toLowerCase())) return { value: true };
      if (NO.includes(cell.toLowerCase())) return { value: false };
      return { problem: `'${cell}' is not yes/no (1/0)` };
    case 'supplements':
      return {
        value: cell
          .split(';')
          .map((part) => part.trim())
          .filter(Boolean)
          .map((part) => {
            const [requestedAt, suppliedAt, reason] = part.split('|').map((x) => x.trim());
            return { requestedAt, ...(suppliedAt ? { suppliedAt } : {}), ...(reason ? { reason } : {}) };
          }),
      };
    default:
      return { value: cell };
  }
}

export function readDossierCsv(file: string | Uint8Array): CsvDossiers {
  const read = readCsv(file);
  if (!read.ok)
    return { ok: false, problem: { index: read.row, code: null, field: '/', rule: 'csv', message: read.message } };
  // Header names are matched without case (the CSV reader lower-cases them).
  const canonical = new Map<string, string>(CSV_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const header = read.header.map((h) => canonical.get(h.trim().toLowerCase()) ?? h.trim());
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (unknown.length > 0 || missing.length > 0) {
    const parts = [
      ...(missing.length ? [`missing column(s) ${missing.join(', ')}`] : []),
      ...(unknown.length ? [`unknown column(s) ${unknown.join(', ')}`] : []),
    ];
    return {
      ok: false,
      problem: {
        index: 1,
        code: null,
        field: '/',
        rule: 'header',
        message: `${parts.join('; ')} (columns: ${CSV_COLUMNS.join(',')})`,
      },
    };
  }
  const rows: CsvRow[] = [];
  const problems: SyncProblem[] = [];
  for (const record of read.records) {
    const value: Record<string, unknown> = {};
    const code = record.cells[header.indexOf('code')]?.trim() || null;
    header.forEach((column, i) => {
      const cell = record.cells[i] ?? '';
      // Empty cells are absent fields, except yes/no columns where empty means no.
      if (cell.trim() === '' && column !== 'paidOnline' && column !== 'digitised') return;
      const { value: v, problem } = cellValue(column, cell);
      if (problem) problems.push({ index: record.row, code, field: `/${column}`, rule: 'format', message: problem });
      else value[column] = v;
    });
    rows.push({ row: record.row, value });
  }
  return { ok: true, rows, problems };
}

/** The list's dossiers as the import reads them; the shared writer neutralises text a spreadsheet would run. */
export function dossiersToCsv(dossiers: readonly PlainDossier[]): string {
  const rows = dossiers.map((d) =>
    CSV_COLUMNS.map((column) => {
      if (column === 'supplements')
        return (d.supplements ?? [])
          .map((s) => `${s.requestedAt}|${s.suppliedAt ?? ''}${s.reason ? `|${s.reason.replace(/[|;]/g, ',')}` : ''}`)
          .join('; ');
      if (column === 'paidOnline' || column === 'digitised') return d[column] ? 1 : 0;
      return d[column];
    }),
  );
  return toCsv(CSV_COLUMNS, rows);
}
