import type { FieldError, Organ } from '@ioc/shared';
import { childOf, type XNode } from './xml.ts';

/** One problem: `short` names it in the message (MessageHeader/Subject), `detail.field` is the full path. */
export interface Problem {
  short: string;
  says: string;
  detail: FieldError;
}

/**
 * Reads fields out of the envelope, collecting every problem so that they are reported together. Paths are the local
 * element names from the header (or body) down, with `[n]` (from 1) for repeated elements.
 */
export class Reader {
  /** `top` is the header or body element; `named` says whether messages name it (the body) or not (the header). */
  constructor(
    private readonly top: string,
    private readonly named = false,
    readonly problems: Problem[] = [],
  ) {}

  /** A reader for another part of the envelope, reporting into the same list. */
  under(top: string, named: boolean): Reader {
    return new Reader(top, named, this.problems);
  }

  problem(path: string, says: string, detail: Omit<FieldError, 'field'>): void {
    const field = `${this.top}/${path}`;
    this.problems.push({ short: this.named ? field : path, says, detail: { field, ...detail } });
  }

  text(node: XNode | undefined, path: string, opts: { required?: boolean; max?: number } = {}): string | null {
    const value = node ? node.text.trim().normalize('NFC') : '';
    if (value === '') {
      if (opts.required) this.problem(path, 'is missing', { message: 'required', rule: 'required' });
      return null;
    }
    if (opts.max !== undefined && [...value].length > opts.max) {
      this.problem(path, `is longer than ${opts.max} characters`, {
        message: `must NOT have more than ${opts.max} characters`,
        rule: 'maxLength',
        limit: opts.max,
      });
      return null;
    }
    return value;
  }

  int(node: XNode | undefined, path: string, min: number, max: number): number | null {
    const value = this.text(node, path);
    if (value === null) return null;
    if (!/^[+-]?[0-9]{1,9}$/.test(value)) {
      this.problem(path, `is not a whole number (${value})`, { message: 'must be integer', rule: 'type' });
      return null;
    }
    const n = Number(value);
    if (n < min || n > max) {
      const rule = n < min ? 'minimum' : 'maximum';
      const limit = n < min ? min : max;
      this.problem(path, `must be between ${min} and ${max} (${value})`, {
        message: `must be ${n < min ? '>=' : '<='} ${limit}`,
        rule,
        limit,
      });
      return null;
    }
    return n;
  }

  /** yyyy/MM/dd (the standard) or yyyy-MM-dd, a real day → 'YYYY-MM-DD'. */
  date(node: XNode | undefined, path: string, required: boolean): string | null {
    const value = this.text(node, path, { required });
    if (value === null) return null;
    const m = /^([0-9]{4})([/-])([0-9]{2})\2([0-9]{2})$/.exec(value);
    if (!m || !isRealDay(Number(m[1]), Number(m[3]), Number(m[4]))) {
      this.problem(path, `is not a date as yyyy/MM/dd (${value})`, {
        message: 'must be a date yyyy/MM/dd',
        rule: 'format',
      });
      return null;
    }
    return `${m[1]}-${m[3]}-${m[4]}`;
  }

  /** A Timestamp → an ISO instant in Vietnam's time (2025-03-14T08:30:00+07:00); without a zone it is Vietnam's. */
  timestamp(node: XNode | undefined, path: string): string | null {
    const value = this.text(node, path, { required: true });
    if (value === null) return null;
    const at = vietnamInstant(value);
    if (at === null) {
      this.problem(path, `is not a date and time as yyyy/MM/dd HH:mm:ss (${value})`, {
        message: 'must be a date-time yyyy/MM/dd HH:mm:ss',
        rule: 'format',
      });
    }
    return at;
  }

  organ(node: XNode, path: string): Organ | null {
    const organId = this.text(childOf(node, 'OrganId'), `${path}/OrganId`, { max: 60 });
    const organName = this.text(childOf(node, 'OrganName'), `${path}/OrganName`, { required: true, max: 300 });
    return organName === null ? null : { organId, organName };
  }
}

function isRealDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const VN_OFFSET_MS = 7 * 3_600_000;

function vietnamInstant(value: string): string | null {
  const m =
    /^([0-9]{4})([/-])([0-9]{2})\2([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.[0-9]+)?)?)?\s*(Z|[+-][0-9]{2}:?[0-9]{2})?$/.exec(
      value,
    );
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[3], m[4], m[5] ?? '0', m[6] ?? '0', m[7] ?? '0'].map(Number) as number[];
  if (!isRealDay(y!, mo!, d!) || h! > 23 || mi! > 59 || s! > 59) return null;
  const wall = Date.UTC(y!, mo! - 1, d!, h, mi, s);
  const zone = m[8];
  let offsetMs = VN_OFFSET_MS;
  if (zone === 'Z') offsetMs = 0;
  else if (zone) {
    const digits = zone.replace(':', '');
    offsetMs = (digits[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
  }
  const local = new Date(wall - offsetMs + VN_OFFSET_MS);
  return `${local.toISOString().slice(0, 19)}+07:00`;
}

/** Strict base64: only the alphabet, correct padding, and the canonical encoding of what it decodes to. */
export function strictBase64(text: string): Buffer | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  const bytes = Buffer.from(compact, 'base64');
  return bytes.toString('base64') === compact ? bytes : null;
}
