import type { FastifyReply } from 'fastify';

/** What a spreadsheet program may run as a formula when a text cell starts with it (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet would take for a formula gets a leading single quote, which the program shows as text.
 * A text that already starts with quotes before such a character gets one more, so that `readCsv` can take exactly
 * one away and give back what was stored.
 */
export function neutraliseFormula(text: string): string {
  const quotes = /^'*/.exec(text)?.[0].length ?? 0;
  return FORMULA_START.test(text.slice(quotes)) ? `'${text}` : text;
}

/** One field: numbers we write stay numbers (a negative one too); text is neutralised, then quoted when it must be. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  const text = neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 CSV with a UTF-8 byte-order mark, so Excel opens Vietnamese text correctly. Every CSV the IOC writes goes
 * through here, so no cell reaches a spreadsheet as a formula.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Sends rows as a CSV download named `<name>.csv`. */
export function sendCsv(
  reply: FastifyReply,
  name: string,
  header: readonly string[],
  rows: readonly (readonly unknown[])[],
) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(toCsv(header, rows));
}
