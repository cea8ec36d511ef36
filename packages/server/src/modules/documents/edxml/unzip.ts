import { onlyFileOf } from '../../../lib/zip.ts';

/** Formats that are ZIP files themselves: their bytes are kept as they are. */
const ZIP_FORMATS = new Set(['zip', 'docx', 'xlsx', 'pptx', 'odt', 'ods']);
const LOCAL = 0x04034b50;

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
