import { type AppError, invalid } from '../../../errors.ts';

/** edXML nests about eight deep; a few hundred recipients and files make a few thousand elements. */
export const MAX_DEPTH = 64;
export const MAX_ELEMENTS = 100_000;
/** Text longer than this (a file in base64) is set aside before the XML is checked and parsed, then put back. */
const LONG_TEXT = 64 * 1024;
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
const MARK = /\uE000(\d+)\n*\uE001/g;

export interface LongText {
  text: string;
  /** CDATA content: taken as it is, without entity references. */
  raw: boolean;
}

/** The document with its long texts replaced by marks (keeping their line breaks, so lines are counted alike). */
export interface XmlSkeleton {
  xml: string;
  long: LongText[];
}

function tooLarge(what: string, limit: number): AppError {
  const message = `The edXML file is not accepted: ${what} (at most ${limit.toLocaleString('en')})`;
  return invalid(message, [{ field: 'body', message, rule: 'xmlLimit', limit }]);
}

const TAG = /<(\/?)[A-Za-z_][\w.:-]*(?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(\/?)>/y;

function mark(index: number, text: string): string {
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return `${MARK_OPEN}${index}${'\n'.repeat(lines)}${MARK_CLOSE}`;
}

/**
 * One pass over the document before anything is built from it: refuses more than MAX_DEPTH levels or MAX_ELEMENTS
 * elements (a body of millions of tiny elements took gigabytes to parse), and sets long texts aside, so the checks
 * and the parser see kilobytes where a 50 MB attachment was (they took gigabytes for it). Malformed markup ends the
 * pass where it is: the XML check that follows names it.
 */
export function xmlSkeleton(xml: string): XmlSkeleton {
  const markable = !xml.includes(MARK_OPEN);
  const pieces: string[] = [];
  const long: LongText[] = [];
  let copiedTo = 0;
  let depth = 0;
  let elements = 0;
  const setAside = (from: number, to: number, raw: boolean) => {
    if (!markable || to - from < LONG_TEXT) return;
    const text = xml.slice(from, to);
    pieces.push(xml.slice(copiedTo, from), mark(long.length, text));
    long.push({ text, raw });
    copiedTo = to;
  };
  let at = xml.indexOf('<');
  if (at > 0) setAside(0, at, false);
  while (at !== -1) {
    let next = -1;
    if (xml.startsWith('<!--', at)) next = xml.indexOf('-->', at + 4) + 3;
    else if (xml.startsWith('<![CDATA[', at)) {
      const end = xml.indexOf(']]>', at + 9);
      if (end !== -1) {
        setAside(at + 9, end, true);
        next = end + 3;
      }
    } else if (xml.startsWith('<?', at)) next = xml.indexOf('?>', at + 2) + 2;
    else if (!xml.startsWith('<!', at)) {
      TAG.lastIndex = at;
      const tag = TAG.exec(xml);
      if (tag) {
        next = TAG.lastIndex;
        if (tag[1]) depth--;
        else {
          elements++;
          if (!tag[2]) depth++;
        }
        if (depth > MAX_DEPTH) throw tooLarge(`elements are nested more than ${MAX_DEPTH} deep`, MAX_DEPTH);
        if (elements > MAX_ELEMENTS) throw tooLarge(`more than ${MAX_ELEMENTS} elements`, MAX_ELEMENTS);
      }
    }
    if (next <= at) break;
    at = xml.indexOf('<', next);
    setAside(next, at === -1 ? xml.length : at, false);
  }
  if (long.length === 0) return { xml, long };
  pieces.push(xml.slice(copiedTo));
  return { xml: pieces.join(''), long };
}

/** A text of the parsed skeleton with its long texts back in place; `decode` resolves entity references. */
export function restoreText(text: string, long: readonly LongText[], decode: (text: string) => string): string {
  if (long.length === 0 || !text.includes(MARK_OPEN)) return decode(text);
  let out = '';
  let from = 0;
  for (const match of text.matchAll(MARK)) {
    const piece = long[Number(match[1])];
    out += decode(text.slice(from, match.index));
    out += piece ? (piece.raw ? piece.text : decode(piece.text)) : '';
    from = match.index + match[0].length;
  }
  return out + decode(text.slice(from));
}
