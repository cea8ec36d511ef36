/** The number written by text[from, to), NaN if a character is not a digit. */
function digitsOf(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    n = n * 10 + d;
  }
  return n;
}

/** The portal's `yyyyMMddHHmmss` in UTC+7 as an ISO UTC instant; null when it is not a real date and time. */
export function parsePortalDate(text: string): string | null {
  // Digit by digit rather than a regular expression: a million-dossier sync reads ten dates per dossier.
  if (text.length !== 14) return null;
  const year = digitsOf(text, 0, 4);
  const month = digitsOf(text, 4, 6);
  const day = digitsOf(text, 6, 8);
  const hour = digitsOf(text, 8, 10);
  const minute = digitsOf(text, 10, 12);
  const second = digitsOf(text, 12, 14);
  if (Number.isNaN(year + month + day + hour + minute + second)) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(local);
  // Date.UTC rolls 30 February over into March: a date that does not round-trip is not a date.
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  return new Date(local - 7 * 3_600_000).toISOString();
}
