/**
 * RFC 4180 CSV as spreadsheets save it: a header row, fields quoted when they hold the separator, a quote or a line
 * break ("" for a quote), CRLF or LF line ends. A header with semicolons and no comma is read with ';' (Excel in a
 * Vietnamese locale, where the comma is the decimal sign, saves it so), one with tabs only with a tab (Excel's
 * "Unicode text"). Bytes are decoded by `decodeCsv`; a cell the IOC's writer protected with a leading quote (see
 * http/csv.ts) is read back without it.
 */
import { decodeCsv } from './csv-encoding.ts';

export interface CsvRecord {
  /** Row number as a spreadsheet shows it: the header is row 1, a record with line breaks inside counts once. */
  row: number;
  cells: string[];
}

export type CsvRead =
  | { ok: true; header: string[]; records: CsvRecord[]; encoding: string }
  | { ok: false; row: number; message: string };

function separatorOf(text: string): string {
  const end = text.search(/\r|\n/);
  const firstLine = end === -1 ? text : text.slice(0, end);
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes(';')) return ';';
  return firstLine.includes('\t') ? '\t' : ',';
}

/** The writer's guard against formulas, taken off: one quote before quotes and a character that starts a formula. */
function unguarded(cell: string): string {
  if (cell[0] !== "'") return cell;
  const quotes = /^'*/.exec(cell)?.[0].length ?? 0;
  return /^[=+\-@\t\r]/.test(cell.slice(quotes)) ? cell.slice(1) : cell;
}

/** Reads CSV text, or bytes in UTF-8, UTF-16 (with its byte-order mark), Windows-1258 or Windows-1252. */
export function readCsv(input: string | Uint8Array): CsvRead {
  let text: string;
  let encoding = 'utf-8';
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeCsv(input);
    if (!decoded.ok) return decoded;
    ({ text, encoding } = decoded);
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const separator = separatorOf(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let row = 1;
  let quoteRow = 1;
  const endRecord = () => {
    cells.push(cell);
    // A blank line (one empty cell) is no record; it still takes a row number, as a spreadsheet shows it.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ row, cells: cells.map(unguarded) });
    cells = [];
    cell = '';
    row++;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') {
      quoted = true;
      quoteRow = row;
    } else if (ch === separator) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else cell += ch;
  }
  if (quoted) return { ok: false, row: quoteRow, message: 'a quoted field is not closed' };
  if (cell !== '' || cells.length > 0) endRecord();
  const [header, ...rest] = records;
  if (header?.row !== 1) return { ok: false, row: 1, message: 'the header row is missing' };
  return { ok: true, header: header.cells.map((h) => h.trim().toLowerCase()), records: rest, encoding };
}
