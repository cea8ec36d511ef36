import { inflateRawSync } from 'node:zlib';

/** Formats that are ZIP files themselves: their bytes are kept as they are. */
const ZIP_FORMATS = new Set(['zip', 'docx', 'xlsx', 'pptx', 'odt', 'ods']);
const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/** The one file of a ZIP archive (stored or deflated, not ZIP64), or null when it is not exactly that. */
function onlyFileOf(zip: Buffer, maxBytes: number): Buffer | null {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const centralAt = zip.readUInt32LE(end + 16);
  const files: number[] = [];
  let at = centralAt;
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (!name.endsWith('/')) files.push(at);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  const [entry, ...others] = files;
  if (entry === undefined || others.length > 0) return null;
  const method = zip.readUInt16LE(entry + 10);
  const packed = zip.readUInt32LE(entry + 20);
  const size = zip.readUInt32LE(entry + 24);
  const local = zip.readUInt32LE(entry + 42);
  if (size > maxBytes || local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) return null;
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const data = zip.subarray(start, start + packed);
  if (data.length !== packed) return null;
  if (method === 0) return size === packed ? Buffer.from(data) : null;
  if (method !== 8) return null;
  try {
    const out = inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
    return out.length === size ? out : null;
  } catch {
    return null;
  }
}

/**
 * Some exchange systems zip each file before encoding it (a PDF arrives as a ZIP holding that PDF): a file whose name
 * is not itself a ZIP format but whose bytes are a ZIP of one file is given that file's bytes. Anything else is kept
 * as it came, for the file checks to judge.
 */
export function unzippedAttachment(name: string, content: Buffer, maxBytes: number): Buffer {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (ZIP_FORMATS.has(extension) || content.length < 22 || content.readUInt32LE(0) !== LOCAL) return content;
  return onlyFileOf(content, maxBytes) ?? content;
}
