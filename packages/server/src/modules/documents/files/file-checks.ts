import { createHash } from 'node:crypto';
import type { InlineFile } from '@ioc/shared';
import { AppError, invalid } from '../../../errors.ts';

/** What an official document or report may carry, by extension: the type it is stored as and how its bytes start. */
const KINDS: Record<string, { mime: string; magic: ((b: Buffer) => boolean) | null }> = {
  pdf: { mime: 'application/pdf', magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: isZip },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: isZip },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: isZip },
  odt: { mime: 'application/vnd.oasis.opendocument.text', magic: isZip },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', magic: isZip },
  zip: { mime: 'application/zip', magic: isZip },
  doc: { mime: 'application/msword', magic: isOle },
  xls: { mime: 'application/vnd.ms-excel', magic: isOle },
  png: { mime: 'image/png', magic: (b) => b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])) },
  jpg: { mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  jpeg: { mime: 'image/jpeg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  txt: { mime: 'text/plain', magic: isText },
  csv: { mime: 'text/csv', magic: isText },
  xml: { mime: 'application/xml', magic: isText },
};

function isZip(b: Buffer): boolean {
  return b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}
function isOle(b: Buffer): boolean {
  return b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
}
function isText(b: Buffer): boolean {
  return !b.subarray(0, 8192).includes(0);
}

export const ALLOWED_EXTENSIONS = Object.keys(KINDS);

export interface CheckedFile {
  name: string;
  mime: string;
  content: Buffer;
  size: number;
  sha256: string;
}

/**
 * A file is kept only if its name has an allowed extension, its bytes are what that extension claims (a renamed
 * executable is refused) and it fits the upload limit. The stored type comes from the extension, not the sender.
 */
export function checkFile(name: string, content: Buffer, maxBytes: number, field: string): CheckedFile {
  const clean = name.replace(/[\\/]/g, '_').trim();
  const extension = /\.([a-z0-9]+)$/i.exec(clean)?.[1]?.toLowerCase() ?? '';
  const kind = KINDS[extension];
  if (!kind) {
    throw invalid(`File "${clean}": .${extension || '?'} files are not accepted (${ALLOWED_EXTENSIONS.join(', ')})`, [
      { field, message: 'type not allowed', rule: 'fileType' },
    ]);
  }
  if (content.length === 0) {
    throw invalid(`File "${clean}" is empty`, [{ field, message: 'empty file', rule: 'minSize' }]);
  }
  if (content.length > maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', `File "${clean}" is ${content.length} bytes; the limit is ${maxBytes}`, [
      { field, message: 'too large', rule: 'maxSize' },
    ]);
  }
  if (kind.magic && !kind.magic(content)) {
    throw invalid(`File "${clean}" does not contain what a .${extension} file contains`, [
      { field, message: 'content does not match its type', rule: 'fileType' },
    ]);
  }
  return {
    name: clean,
    mime: kind.mime,
    content,
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

/** Strict base64: Node's decoder skips junk, so a corrupted upload would otherwise be stored as other bytes. */
export function decodeBase64(text: string, field: string): Buffer {
  const compact = text.replace(/\s+/g, '');
  const bytes = Buffer.from(compact, 'base64');
  if (compact.length === 0 || bytes.toString('base64') !== compact) {
    throw invalid(`${field} is not valid base64`, [{ field, message: 'not base64', rule: 'base64' }]);
  }
  return bytes;
}

/** Inline files of a request, checked as a whole before anything is stored. */
export function checkInlineFiles(files: readonly InlineFile[] | undefined, maxBytes: number): CheckedFile[] {
  return (files ?? []).map((file, i) =>
    checkFile(file.name, decodeBase64(file.contentBase64, `/files/${i}/contentBase64`), maxBytes, `/files/${i}`),
  );
}
