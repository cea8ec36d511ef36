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
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return null;
  }
  // UTC+7 → UTC by arithmetic; the day's text is cached (a batch has a few hundred distinct days, not dates).
  const utcSeconds = Date.UTC(year, month - 1, day) / 1000 + hour * 3600 + minute * 60 + second - 7 * 3600;
  const utcDay = Math.floor(utcSeconds / 86_400);
  const inDay = utcSeconds - utcDay * 86_400;
  return `${dayText(utcDay)}T${two(Math.floor(inDay / 3600))}:${two(Math.floor((inDay % 3600) / 60))}:${two(inDay % 60)}.000Z`;
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const dayTexts = new Map<number, string>();

function dayText(utcDay: number): string {
  let text = dayTexts.get(utcDay);
  if (text === undefined) {
    text = new Date(utcDay * 86_400_000).toISOString().slice(0, 10);
    if (dayTexts.size > 50_000) dayTexts.clear();
    dayTexts.set(utcDay, text);
  }
  return text;
}
