import { StringDecoder } from 'node:string_decoder';
import { ZipRefused } from '../../../lib/zip.ts';

/**
 * SpreadsheetML read as a stream: the parts are machine-written, flat and regular (sheetData/row/c, sst/si), so each
 * `<row>` or `<si>` is cut out of the text as it arrives and read on its own; nothing holds the whole sheet. Element
 * names may carry a namespace prefix (`<x:row>`), as some producers write them.
 */

/** The most text one element may take: a row of a template is a few kilobytes. */
const MAX_ELEMENT_CHARS = 4 * 1024 * 1024;

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML entities and character references, then Excel's own `_xHHHH_` escapes of control characters. */
export function xmlText(raw: string): string {
  return raw
    .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (all, ref: string) => {
      if (ref[0] !== '#') return PREDEFINED[ref] ?? all;
      const code = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_all, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The value of an attribute of a start tag's attribute text, or undefined. */
export function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? xmlText(match[1] ?? match[2] ?? '') : undefined;
}

/** The text of every `<t>` inside an element (rich-text runs joined), phonetic guides (`<rPh>`) left out. */
export function runText(inner: string): string {
  const visible = inner.replace(/<(?:[\w.-]+:)?rPh(?=[\s>])[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '');
  let text = '';
  for (const match of visible.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g)) {
    text += xmlText(match[1] ?? '');
  }
  return text;
}

/**
 * Each complete `<tag …>…</tag>` (or `<tag …/>`) of a stream of UTF-8 chunks, in order: `attributes` is the text of
 * its start tag, `inner` what it holds.
 */
export async function* elements(
  chunks: AsyncIterable<Buffer>,
  tag: string,
): AsyncGenerator<{ attributes: string; inner: string }> {
  const decoder = new StringDecoder('utf8');
  const start = new RegExp(`<((?:[\\w.-]+:)?)${tag}(?=[\\s/>])([^>]*)>`, 'g');
  let pending = '';
  const cut = function* (): Generator<{ attributes: string; inner: string }> {
    let consumed = 0;
    let waitingFrom = -1;
    for (;;) {
      start.lastIndex = consumed;
      const open = start.exec(pending);
      if (!open) break;
      const [tagText, prefix = '', attributes = ''] = open;
      const afterStart = open.index + tagText.length;
      if (attributes.endsWith('/')) {
        yield { attributes: attributes.slice(0, -1), inner: '' };
        consumed = afterStart;
        continue;
      }
      const closing = `</${prefix}${tag}>`;
      const close = pending.indexOf(closing, afterStart);
      if (close < 0) {
        waitingFrom = open.index;
        break;
      }
      yield { attributes, inner: pending.slice(afterStart, close) };
      consumed = close + closing.length;
    }
    // Keep only what may still become an element: an open one, or a start tag cut off by the chunk's end.
    const lastTag = pending.lastIndexOf('<');
    const keepFrom = waitingFrom >= 0 ? waitingFrom : lastTag >= consumed ? lastTag : pending.length;
    pending = pending.slice(keepFrom);
  };
  for await (const chunk of chunks) {
    pending += decoder.write(chunk);
    yield* cut();
    if (pending.length > MAX_ELEMENT_CHARS) throw new ZipRefused(`a <${tag}> of the workbook is too large`);
  }
  pending += decoder.end();
  yield* cut();
}
