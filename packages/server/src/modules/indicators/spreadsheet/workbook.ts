import { type InflateBudget, partChunks, partText, type ZipPart, ZipRefused } from '../../../lib/zip.ts';
import { attribute, elements, runText, xmlText } from './sheet-xml.ts';

/** A cell as the import reads it: text, a number, a yes/no, an error value (#DIV/0!), or nothing. */
export type CellContent = string | number | boolean | { error: string } | null;

/** One row of the first sheet: its number as Excel shows it, and its cells by column number (A = 1). */
export interface SheetRow {
  row: number;
  cells: Map<number, CellContent>;
}

/** The column number of a cell reference: `C7` → 3. */
function columnOf(reference: string): number {
  let column = 0;
  for (const letter of /^[A-Z]+/i.exec(reference)?.[0].toUpperCase() ?? '')
    column = column * 26 + letter.charCodeAt(0) - 64;
  return column;
}

/** A part's path from a relationship target, relative to the part that names it (`xl/workbook.xml` → `xl/…`). */
function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const path = from.split('/').slice(0, -1);
  for (const step of target.split('/')) {
    if (step === '..') path.pop();
    else if (step !== '.' && step !== '') path.push(step);
  }
  return path.join('/');
}

/** The relationships of a part: Id → { target path, type }. */
async function relationships(parts: Map<string, ZipPart>, of: string, budget: InflateBudget) {
  const path = resolveTarget(of, `_rels/${of.split('/').pop()}.rels`);
  const part = parts.get(path);
  const found = new Map<string, { target: string; type: string }>();
  if (!part) return found;
  const text = await partText(part, budget);
  for (const match of text.matchAll(/<(?:[\w.-]+:)?Relationship(?=[\s/>])([^>]*)>/g)) {
    const id = attribute(match[1] ?? '', 'Id');
    const target = attribute(match[1] ?? '', 'Target');
    if (id && target)
      found.set(id, { target: resolveTarget(of, target), type: attribute(match[1] ?? '', 'Type') ?? '' });
  }
  return found;
}

/** Where the first sheet and the shared strings are, by the package's relationships (xl/… when they are missing). */
export async function locateParts(parts: Map<string, ZipPart>, budget: InflateBudget) {
  const root = await relationships(parts, '', budget);
  const workbookPath = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbook = parts.get(workbookPath);
  if (!workbook) return null;
  const rels = await relationships(parts, workbookPath, budget);
  const firstSheet = /<(?:[\w.-]+:)?sheet(?=[\s/>])([^>]*)>/.exec(await partText(workbook, budget));
  const sheetId = firstSheet ? /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(firstSheet[1] ?? '')?.[1] : undefined;
  const sheetPath = sheetId ? rels.get(sheetId)?.target : undefined;
  const stringsPath =
    [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target ?? 'xl/sharedStrings.xml';
  return {
    sheet: firstSheet ? parts.get(sheetPath ?? 'xl/worksheets/sheet1.xml') : undefined,
    strings: parts.get(stringsPath),
  };
}

/** The shared strings, in order (cells of type `s` name them by index). */
export async function sharedStrings(part: ZipPart | undefined, budget: InflateBudget): Promise<string[]> {
  const strings: string[] = [];
  if (!part) return strings;
  for await (const si of elements(partChunks(part, budget), 'si')) strings.push(runText(si.inner).normalize('NFC'));
  return strings;
}

function cellContent(type: string | undefined, inner: string, strings: readonly string[]): CellContent {
  const value = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?v>/.exec(inner)?.[1];
  switch (type) {
    case 's':
      return value === undefined ? null : (strings[Number(value)] ?? '');
    case 'inlineStr':
      return runText(inner).normalize('NFC');
    case 'str':
    case 'd':
      return value === undefined ? null : xmlText(value);
    case 'b':
      return value === undefined ? null : value.trim() === '1';
    case 'e':
      return { error: xmlText(value ?? '#N/A') };
    default: {
      if (value === undefined || value.trim() === '') return null;
      const number = Number(value);
      return Number.isNaN(number) ? xmlText(value) : number;
    }
  }
}

/** The rows of a sheet part, one by one as they are inflated. */
export async function* sheetRows(
  part: ZipPart,
  strings: readonly string[],
  budget: InflateBudget,
): AsyncGenerator<SheetRow> {
  let previous = 0;
  for await (const row of elements(partChunks(part, budget), 'row')) {
    const number = Number(attribute(row.attributes, 'r') ?? previous + 1);
    if (!Number.isInteger(number) || number <= previous) throw new ZipRefused('the rows of the sheet are not in order');
    previous = number;
    const cells = new Map<number, CellContent>();
    let column = 0;
    for (const cell of row.inner.matchAll(/<(?:[\w.-]+:)?c(?=[\s/>])([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g)) {
      const attributes = cell[1] ?? '';
      const reference = attribute(attributes, 'r');
      column = reference ? columnOf(reference) : column + 1;
      const content = cellContent(attribute(attributes, 't'), cell[2] ?? '', strings);
      if (content !== null) cells.set(column, content);
    }
    yield { row: number, cells };
  }
}
