/**
 * RFC 4180 CSV as spreadsheets save it: a header row, fields quoted when they hold the separator, a quote or a line
 * break ("" for a quote), CRLF or LF line ends, an optional UTF-8 byte-order mark. A header with semicolons and no
 * comma is read with ';' (Excel in a Vietnamese locale, where the comma is the decimal sign, saves it so).
 */

export interface CsvRecord {
  /** Row number as a spreadsheet shows it: the header is row 1, a record with line breaks inside counts once. */
  row: number;
  cells: string[];
}

export type CsvRead =
  | { ok: true; header: string[]; records: CsvRecord[] }
  | { ok: false; row: number; message: string };

function separatorOf(text: string): string {
  const end = text.search(/\r|\n/);
  const firstLine = end === -1 ? text : text.slice(0, end);
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
}

export function readCsv(input: string): CsvRead {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
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
    if (!(cells.length === 1 && cells[0] === '')) records.push({ row, cells });
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
  return { ok: true, header: header.cells.map((h) => h.trim().toLowerCase()), records: rest };
}
