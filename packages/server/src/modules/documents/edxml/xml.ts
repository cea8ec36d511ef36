import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { type AppError, invalid } from '../../../errors.ts';
import { type LongText, restoreText, xmlSkeleton } from './xml-shape.ts';

/** An element by its local name (any namespace prefix dropped), its child elements and its text (CDATA included). */
export interface XNode {
  name: string;
  children: XNode[];
  text: string;
}

/** An element to write: a leaf with text (empty → `<x/>`) or a parent of further elements. */
export interface XOut {
  name: string;
  text?: string | null | undefined;
  children?: XOut[];
  /** Namespace prefix of this element and, unless they set their own, its descendants; null: none. */
  prefix?: string | null;
  /** Attributes (namespace declarations included), written in order; values are escaped. */
  attrs?: Record<string, string>;
}

function notWellFormed(reason: string): AppError {
  const message = `The edXML file is not well-formed XML: ${reason}`;
  return invalid(message, [{ field: 'body', message, rule: 'xml' }]);
}

function decodeInput(input: string | Buffer): string {
  let text: string;
  if (typeof input === 'string') {
    text = input;
  } else if (input[0] === 0xff && input[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(input.subarray(2));
  } else if (input[0] === 0xfe && input[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(input.subarray(2));
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      throw notWellFormed('the bytes are not valid UTF-8');
    }
  }
  // XML processors see one line-feed for CRLF / CR (XML 1.0 §2.11); a BOM is not content.
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** The parser runs with entity processing off; this resolves the five predefined entities and character references. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g, (_all, ref: string) => {
    if (ref.startsWith('#')) {
      const cp = ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      if (!isXmlChar(cp)) throw notWellFormed(`&${ref}; is not a valid character reference`);
      return String.fromCodePoint(cp);
    }
    const value = PREDEFINED[ref];
    if (value === undefined) throw notWellFormed(`the entity &${ref}; is not defined`);
    return value;
  });
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: false,
  htmlEntities: false,
  cdataPropName: '#cdata',
});

type Ordered = Record<string, unknown>;

const asIs = (text: string) => text;

function toNode(name: string, items: Ordered[], long: readonly LongText[]): XNode {
  const node: XNode = { name: name.slice(name.indexOf(':') + 1), children: [], text: '' };
  for (const item of items) {
    for (const [key, value] of Object.entries(item)) {
      if (key === ':@') continue;
      if (key === '#text') node.text += restoreText(String(value), long, decodeEntities);
      else if (key === '#cdata') {
        node.text += (value as Ordered[]).map((c) => restoreText(String(c['#text'] ?? ''), long, asIs)).join('');
      } else node.children.push(toNode(key, value as Ordered[], long));
    }
  }
  return node;
}

/**
 * Reads an XML document into a tree of local names. A DOCTYPE is refused outright (no entity can then be declared, so
 * none can expand), and entity processing in the parser is off: only the predefined entities and character references
 * are resolved. Depth and element count are bounded, and long texts set aside while the markup is checked (xml-shape.ts).
 */
export function readXml(input: string | Buffer): XNode {
  const { xml, long } = xmlSkeleton(decodeInput(input));
  const bare = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(bare)) {
    const message = 'The edXML file contains a DOCTYPE declaration; DOCTYPEs and entity declarations are not accepted';
    throw invalid(message, [{ field: 'body', message, rule: 'doctype' }]);
  }
  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) {
    const { msg, line, col } = verdict.err;
    // Several elements left open: the validator lists them as JSON at "line 1"; say it plainly, at the file's end.
    const open = /^Invalid '\[(.*)\]' found\.$/.exec(msg);
    if (open) {
      const names = [...open[1]!.matchAll(/"([^"]*)"/g)].map((m) => `'${m[1]}'`).join(', ');
      throw notWellFormed(`Unclosed tags ${names} (at the end, line ${xml.split('\n').length})`);
    }
    throw notWellFormed(`${msg} (line ${line}${col ? `, column ${col}` : ''})`);
  }
  let items: Ordered[];
  try {
    items = parser.parse(xml) as Ordered[];
  } catch (error) {
    throw notWellFormed(error instanceof Error ? error.message : String(error));
  }
  const root = toNode('#document', items, long);
  if (root.text.trim() !== '') throw notWellFormed('text outside the root element');
  const [first, ...others] = root.children;
  if (!first) throw notWellFormed('there is no root element');
  if (others.length > 0) throw notWellFormed('more than one root element');
  return first;
}

export const childOf = (node: XNode | undefined, name: string): XNode | undefined =>
  node?.children.find((c) => c.name === name);

export const childrenOf = (node: XNode | undefined, name: string): XNode[] =>
  node ? node.children.filter((c) => c.name === name) : [];

/** Escapes text for element content; characters XML 1.0 cannot carry are dropped, CR is kept as a reference. */
export function escapeText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

/**
 * Writes an element tree indented two spaces, leaves on one line. Each element takes the prefix it sets, else its
 * parent's (`prefix` here for the root).
 */
export function writeXml(node: XOut, prefix: string | null, depth = 0): string {
  const pad = '  '.repeat(depth);
  const own = node.prefix === undefined ? prefix : node.prefix;
  const tag = own ? `${own}:${node.name}` : node.name;
  const attrs = Object.entries(node.attrs ?? {})
    .map(([name, value]) => ` ${name}="${escapeText(value)}"`)
    .join('');
  const open = `${tag}${attrs}`;
  if (node.children) {
    if (node.children.length === 0) return `${pad}<${open}/>`;
    const inner = node.children.map((c) => writeXml(c, own, depth + 1)).join('\n');
    return `${pad}<${open}>\n${inner}\n${pad}</${tag}>`;
  }
  const text = node.text ?? '';
  return text === '' ? `${pad}<${open}/>` : `${pad}<${open}>${escapeText(text)}</${tag}>`;
}
