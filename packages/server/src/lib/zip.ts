import { setImmediate } from 'node:timers/promises';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

/**
 * The files of a ZIP archive (an .xlsx workbook, a zipped attachment): found through the central directory, inflated
 * as a stream and only as far as the bytes a budget allows, whatever sizes the archive declares (a 463 KB file can
 * declare little and inflate to 450 MB). Parts a reader does not ask for are never inflated.
 */

const END = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 10_000;
const STORED_CHUNK = 64 * 1024;

export interface ZipPart {
  name: string;
  method: number;
  data: Buffer;
}

/** The archive cannot be read within the limits, or is not one the reader takes; `message` says which. */
export class ZipRefused extends Error {}

/** The bytes still allowed to be inflated for one file, across all its parts. */
export class InflateBudget {
  constructor(public remaining: number) {}

  take(bytes: number): void {
    this.remaining -= bytes;
    if (this.remaining < 0) throw new ZipRefused('the file is too large once unpacked');
  }
}

/** The archive's files by name, or null when the bytes are not a ZIP archive. */
export function zipParts(zip: Buffer): Map<string, ZipPart> | null {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  const centralAt = zip.readUInt32LE(end + 16);
  if (count === 0xffff || centralAt === 0xffffffff) throw new ZipRefused('ZIP64 archives are not read');
  if (count > MAX_ENTRIES) throw new ZipRefused(`the archive holds more than ${MAX_ENTRIES} files`);
  const parts = new Map<string, ZipPart>();
  let at = centralAt;
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) return null;
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const packed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip
      .subarray(at + 46, at + 46 + nameLength)
      .toString('utf8')
      .replace(/^\/+/, '');
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (flags & 1) throw new ZipRefused('the file is encrypted (saved with a password)');
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) return null;
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + packed > zip.length) return null;
    parts.set(name, { name, method, data: zip.subarray(start, start + packed) });
  }
  return parts;
}

/** A part's bytes, chunk by chunk as they are inflated; stops (and throws) once the budget is spent. */
export async function* partChunks(part: ZipPart, budget: InflateBudget): AsyncGenerator<Buffer> {
  if (part.method === 0) {
    for (let at = 0; at < part.data.length; at += STORED_CHUNK) {
      const chunk = part.data.subarray(at, at + STORED_CHUNK);
      budget.take(chunk.length);
      yield chunk;
      // Stored bytes need no thread-pool work: give the event loop its turn between chunks.
      await setImmediate();
    }
    return;
  }
  if (part.method !== 8) throw new ZipRefused(`${part.name} is packed with method ${part.method}, not deflate`);
  const inflater = createInflateRaw();
  inflater.end(part.data);
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      budget.take(chunk.length);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ZipRefused) throw error;
    throw new ZipRefused(`${part.name} is damaged (${(error as NodeJS.ErrnoException).code ?? 'inflate failed'})`);
  } finally {
    inflater.destroy();
  }
}

/** A small part whole, as text (workbook and relationship parts). */
export async function partText(part: ZipPart, budget: InflateBudget): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of partChunks(part, budget)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The one file of an archive that holds exactly one (stored or deflated), inflated whole up to `maxBytes`; null when
 * the bytes are not such an archive or the file would be larger.
 */
export function onlyFileOf(zip: Buffer, maxBytes: number): Buffer | null {
  let parts: Map<string, ZipPart> | null;
  try {
    parts = zipParts(zip);
  } catch {
    return null;
  }
  const files = [...(parts?.values() ?? [])].filter((part) => !part.name.endsWith('/'));
  const [only, ...others] = files;
  if (!only || others.length > 0) return null;
  if (only.method === 0) return only.data.length <= maxBytes ? Buffer.from(only.data) : null;
  if (only.method !== 8) return null;
  try {
    return inflateRawSync(only.data, { maxOutputLength: Math.max(1, maxBytes) });
  } catch {
    return null;
  }
}
