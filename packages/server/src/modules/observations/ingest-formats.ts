import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { AppError } from '../../errors.ts';
import { readCsv } from '../../lib/csv-reader.ts';
import { type IngestSession, isStreamKey, parseTime } from './ingest-session.ts';

/** The longest NDJSON line read: an observation is under 200 bytes; a longer line is no observation. */
const MAX_LINE = 64 * 1024;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads NDJSON as it arrives: each chunk is split into lines, each line parsed on its own (a bad one rejected with its
 * 1-based number, blank lines counted but skipped), and the session flushed between chunks — which also pauses the
 * reading while the writer is busy, so memory holds a chunk or two, never the body. A line in the usual compact form
 * is read without JSON.parse (see `quickLine`); any other goes the general way.
 */
export async function feedNdjson(body: Readable, session: IngestSession): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let line = 0;
  const take = (text: string, start: number, end: number) => {
    line++;
    if (quickLine(text, start, end, line, session)) return;
    const trimmed = text.slice(start, end).trim();
    if (trimmed === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      session.reject({ line, message: 'not JSON' });
      return;
    }
    session.add(line, parsed);
  };
  for await (const chunk of body) {
    rest += typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    let start = 0;
    for (let end = rest.indexOf('\n'); end >= 0; end = rest.indexOf('\n', start)) {
      take(rest, start, end);
      start = end + 1;
    }
    rest = rest.slice(start);
    if (rest.length > MAX_LINE) {
      throw new AppError('PAYLOAD_TOO_LARGE', `Line ${line + 1} is longer than ${MAX_LINE} bytes`);
    }
    if (session.full) await session.flush();
  }
  rest += decoder.end();
  if (rest.trim() !== '') take(rest, 0, rest.length);
}

const STREAM_OPEN = '{"stream":"';
const TIME_KEY = '","time":';
const VALUE_KEY = ',"value":';
const QUOTE = 34;
const CLOSE_BRACE = 125;
const CARRIAGE_RETURN = 13;

/** Whether `key` is written at `at` (a loop of char codes: startsWith with a position is slower on a long text). */
function isAt(text: string, at: number, key: string): boolean {
  for (let i = 0; i < key.length; i++) if (text.charCodeAt(at + i) !== key.charCodeAt(i)) return false;
  return true;
}

/**
 * The common line `{"stream":"s/m","time":<epoch ms or "ISO">,"value":<number>}` (no spaces, these keys in this order,
 * no escapes), read and checked in place, handed to the session and true; false for any other line, which the caller
 * then reads with JSON.parse and the session's general check — so a line means the same either way, only faster.
 */
export function quickLine(text: string, start: number, end: number, line: number, session: IngestSession): boolean {
  if (end > start && text.charCodeAt(end - 1) === CARRIAGE_RETURN) end--;
  if (end - start < 30 || text.charCodeAt(end - 1) !== CLOSE_BRACE || !isAt(text, start, STREAM_OPEN)) return false;
  const streamFrom = start + STREAM_OPEN.length;
  const streamTo = text.indexOf('"', streamFrom);
  if (streamTo < 0 || streamTo >= end || !isAt(text, streamTo, TIME_KEY)) return false;
  let at = streamTo + TIME_KEY.length;
  let t: number | null;
  if (text.charCodeAt(at) === QUOTE) {
    const timeTo = text.indexOf('"', at + 1);
    if (timeTo < 0 || timeTo >= end) return false;
    t = parseTime(text.slice(at + 1, timeTo));
    at = timeTo + 1;
  } else {
    const timeTo = jsonNumberEnd(text, at, end);
    if (timeTo < 0) return false;
    t = parseTime(numberAt(text, at, timeTo));
    at = timeTo;
  }
  if (t === null || !isAt(text, at, VALUE_KEY)) return false;
  at += VALUE_KEY.length;
  const valueTo = jsonNumberEnd(text, at, end);
  if (valueTo !== end - 1) return false;
  const value = numberAt(text, at, valueTo);
  if (!Number.isFinite(value)) return false;
  // A key of slug characters has no escapes: its text is its value. Any other is checked (and refused) the general way.
  const stream = text.slice(streamFrom, streamTo);
  if (!isStreamKey(stream)) return false;
  session.addChecked(line, stream, t, value);
  return true;
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * The JSON number written in [from, to) (checked by `jsonNumberEnd`). Up to 15 digits and no exponent: the integer of
 * its digits divided by a power of ten — both exact in a double, so the quotient is the correctly rounded value, the
 * very number JSON.parse gives; anything else is left to Number().
 */
function numberAt(text: string, from: number, to: number): number {
  let i = from;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i++;
  let digits = 0;
  let decimals = -1;
  let mantissa = 0;
  for (; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 46) {
      decimals = 0;
      continue;
    }
    if (code < 48 || code > 57) return Number(text.slice(from, to));
    mantissa = mantissa * 10 + (code - 48);
    digits++;
    if (decimals >= 0) decimals++;
  }
  if (digits > 15 || decimals > 15) return Number(text.slice(from, to));
  const magnitude = decimals > 0 ? mantissa / POWERS_OF_TEN[decimals]! : mantissa;
  return negative ? -magnitude : magnitude;
}

/** Where a JSON number that starts at `from` ends (-1 if none does): -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)? */
function jsonNumberEnd(text: string, from: number, end: number): number {
  let i = from;
  if (text.charCodeAt(i) === 45 /* - */) i++;
  const first = text.charCodeAt(i);
  if (first === 48 /* 0 */) i++;
  else if (first >= 49 && first <= 57) while (i < end && isDigit(text.charCodeAt(i))) i++;
  else return -1;
  if (text.charCodeAt(i) === 46 /* . */) {
    const digits = ++i;
    while (i < end && isDigit(text.charCodeAt(i))) i++;
    if (i === digits) return -1;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69 /* e E */) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 43 || sign === 45) i++;
    const digits = i;
    while (i < end && isDigit(text.charCodeAt(i))) i++;
    if (i === digits) return -1;
  }
  return i;
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/** CSV with a header naming `stream`, `time` and `value` (any order, other columns ignored); rows numbered as a spreadsheet does. */
export async function feedCsv(body: Buffer, session: IngestSession): Promise<void> {
  const read = readCsv(body);
  if (!read.ok) throw new AppError('VALIDATION_FAILED', `CSV row ${read.row}: ${read.message}`);
  const header = read.header.map((name) => name.trim().toLowerCase());
  const at = { stream: header.indexOf('stream'), time: header.indexOf('time'), value: header.indexOf('value') };
  if (at.stream < 0 || at.time < 0 || at.value < 0) {
    throw new AppError('VALIDATION_FAILED', 'The CSV header must name the columns stream, time and value', [
      { field: '/header', message: `found: ${read.header.join(', ')}` },
    ]);
  }
  for (const record of read.records) {
    const cell = (i: number) => (record.cells[i] ?? '').trim();
    const time = cell(at.time);
    const value = cell(at.value);
    session.add(record.row, {
      stream: cell(at.stream),
      time: /^\d+$/.test(time) ? Number(time) : time,
      value: NUMBER.test(value) ? Number(value) : value,
    });
    if (session.full) await session.flush();
  }
}
