import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/** Minimal .xlsx files written by hand for the import's limits: a ZIP of the parts the reader needs, each deflated. */

export interface ZipFile {
  name: string;
  /** Deflated already (a bomb built in pieces, with its CRC and size), or text/bytes to deflate here. */
  deflated?: { data: Buffer; crc: number; size: number };
  content?: string | Buffer;
}

export function zip(files: ZipFile[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const raw = file.content === undefined ? Buffer.alloc(0) : Buffer.from(file.content);
    const data = file.deflated?.data ?? deflateRawSync(raw);
    const name = Buffer.from(file.name);
    const size = file.deflated?.size ?? raw.length;
    const crc = file.deflated?.crc ?? crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const column = (n: number) => String.fromCharCode(64 + n);

/** A cell as Excel writes it: numbers as `<v>`, text inline. */
function cell(reference: string, value: string | number): string {
  return typeof value === 'number'
    ? `<c r="${reference}"><v>${value}</v></c>`
    : `<c r="${reference}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
}

/** The template's head: B2 data set, D2 period, row 5 the codes (UNIT, NAME, then the value columns). */
function head(dataSet: string, period: string, codes: string[]): string {
  const meta = `<row r="2">${cell('A2', 'Bộ số liệu')}${cell('B2', dataSet)}${cell('C2', 'Kỳ')}${cell('D2', period)}</row>`;
  const codeRow = ['UNIT', 'NAME', ...codes].map((code, i) => cell(`${column(i + 1)}5`, code)).join('');
  return `${meta}<row r="5">${codeRow}</row>`;
}

const WORKBOOK_PARTS: ZipFile[] = [
  {
    name: '[Content_Types].xml',
    content:
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
  },
  {
    name: '_rels/.rels',
    content:
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  },
  {
    name: 'xl/workbook.xml',
    content:
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="SoLieu" sheetId="1" r:id="rId1"/></sheets></workbook>',
  },
  {
    name: 'xl/_rels/workbook.xml.rels',
    content:
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  },
];

const SHEET_OPEN =
  '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_CLOSE = '</sheetData></worksheet>';

/** A filled template whose data rows are `rows` (unit code, then values in the code columns' order). */
export function workbook(dataSet: string, period: string, codes: string[], rows: (string | number)[][]): Buffer {
  const data = rows
    .map((values, i) => {
      const r = 6 + i;
      return `<row r="${r}">${values.map((value, c) => cell(`${column(c + 1)}${r}`, value)).join('')}</row>`;
    })
    .join('');
  return zip([
    ...WORKBOOK_PARTS,
    { name: 'xl/worksheets/sheet1.xml', content: `${SHEET_OPEN}${head(dataSet, period, codes)}${data}${SHEET_CLOSE}` },
  ]);
}

/** Deflates `count` copies of `piece` after `start` and before `end`, a piece at a time (never all of it in memory). */
async function deflatedRepeat(start: Buffer, piece: Buffer, count: number, end: Buffer) {
  const deflater = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflater.on('end', resolve));
  let crc = 0;
  let size = 0;
  const write = (chunk: Buffer) => {
    crc = crc32(chunk, crc);
    size += chunk.length;
    return new Promise<void>((resolve) => (deflater.write(chunk) ? resolve() : deflater.once('drain', resolve)));
  };
  await write(start);
  for (let i = 0; i < count; i++) await write(piece);
  crc = crc32(end, crc);
  size += end.length;
  deflater.end(end);
  await done;
  return { data: Buffer.concat(out), crc, size };
}

/** A template whose sheet holds, after its head and `lead`, `filler` repeated to `megabytes` once inflated. */
export async function bomb(
  dataSet: string,
  period: string,
  codes: string[],
  filler: string,
  megabytes: number,
  lead = '',
): Promise<Buffer> {
  const piece = Buffer.from(filler.repeat(Math.ceil((1024 * 1024) / filler.length)).slice(0, 1024 * 1024));
  const start = Buffer.from(`${SHEET_OPEN}${head(dataSet, period, codes)}${lead}`);
  const deflated = await deflatedRepeat(start, piece, megabytes, Buffer.from(SHEET_CLOSE));
  return zip([...WORKBOOK_PARTS, { name: 'xl/worksheets/sheet1.xml', deflated }]);
}
