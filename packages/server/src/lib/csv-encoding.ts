/**
 * The text of a CSV file as spreadsheet programs save it: UTF-8 (with or without a byte-order mark), UTF-16 (Excel's
 * "Unicode text", with its mark), or the Windows "ANSI" code page of the computer that saved it — Windows-1258 in a
 * Vietnamese locale, Windows-1252 in a Western one. Those two agree on ASCII and most Latin letters; Windows-1258
 * writes most Vietnamese tones as combining marks after the letter (ệ = ê + U+0323), so its text is NFC-normalised.
 */

export type CsvText = { ok: true; text: string; encoding: string } | { ok: false; row: number; message: string };

const SAVE_AS_UTF8 = 'save it as "CSV UTF-8 (Comma delimited)" and send it again';

/** Bytes that Windows-1258 uses for tone marks (grave, hook, tilde, acute, dot below): they follow a letter. */
const TONE_MARKS = new Set([0xcc, 0xd2, 0xde, 0xec, 0xf2]);
/** Đ đ Ư ư ₫ in Windows-1258; Ð ð Ý ý þ in Windows-1252, which Western text seldom holds. */
const VIETNAMESE_LETTERS = new Set([0xd0, 0xf0, 0xdd, 0xfd, 0xfe]);

const isLetterByte = (b: number | undefined) =>
  b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b >= 0xc0);

/** Whether single-byte text reads as Vietnamese: a tone mark after a letter, or a letter only Vietnamese uses. */
function looksVietnamese(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (VIETNAMESE_LETTERS.has(b)) return true;
    if (TONE_MARKS.has(b) && isLetterByte(bytes[i - 1])) return true;
  }
  return false;
}

/** The spreadsheet row (header = 1) holding byte `at`: line breaks outside quoted fields end a row. */
export function rowOfByte(bytes: Uint8Array, at: number): number {
  let row = 1;
  let quoted = false;
  for (let i = 0; i < at && i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22) quoted = !quoted;
    else if (!quoted && b === 0x0a) row++;
    else if (!quoted && b === 0x0d && bytes[i + 1] !== 0x0a) row++;
  }
  return row;
}

/** The second byte's range after a lead byte (overlong forms, surrogates and > U+10FFFF excluded), by RFC 3629. */
function secondRange(lead: number): [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/** Where UTF-8 first goes wrong: the offset of the sequence holding the first invalid byte, or -1. */
export function firstBadUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length =
      lead < 0x80
        ? 1
        : lead >= 0xc2 && lead <= 0xdf
          ? 2
          : lead >= 0xe0 && lead <= 0xef
            ? 3
            : lead >= 0xf0 && lead <= 0xf4
              ? 4
              : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const [low, high] = k === 1 ? secondRange(lead) : [0x80, 0xbf];
      const next = bytes[i + k];
      if (next === undefined || next < low || next > high) return i;
    }
    i += length;
  }
  return -1;
}

function decoderFor(encoding: string): { decode(input: Uint8Array): string } | null {
  try {
    return new TextDecoder(encoding, { fatal: true });
  } catch {
    // A Node.js built with small ICU knows only the UTF encodings.
    return null;
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', skip: number): CsvText {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(skip)), encoding };
  } catch {
    return { ok: false, row: 1, message: `the file is not valid ${encoding.toUpperCase()} text; ${SAVE_AS_UTF8}` };
  }
}

export function decodeCsv(bytes: Uint8Array): CsvText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be', 2);
  // Header names are ASCII: UTF-16 without its mark shows a zero byte beside each of the first letters.
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) {
    return utf16(bytes, 'utf-16le', 0);
  }
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) {
    return utf16(bytes, 'utf-16be', 0);
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: a legacy code page, unless the mark said UTF-8.
  }
  const bad = firstBadUtf8Byte(bytes);
  const where = `row ${rowOfByte(bytes, bad)}, byte 0x${(bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
  if (hasBom) return { ok: false, row: rowOfByte(bytes, bad), message: `the file is not valid UTF-8 (${where})` };
  const encoding = looksVietnamese(bytes) ? 'windows-1258' : 'windows-1252';
  const decoder = decoderFor(encoding);
  if (!decoder) {
    return {
      ok: false,
      row: rowOfByte(bytes, bad),
      message: `the file is not UTF-8 (${where}) and this server cannot read ${encoding}; ${SAVE_AS_UTF8}`,
    };
  }
  return { ok: true, text: decoder.decode(bytes).normalize('NFC'), encoding };
}
