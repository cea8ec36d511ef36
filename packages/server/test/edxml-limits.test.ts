import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.ts';
import { EDXML_NS, parseEdxml } from '../src/modules/documents/edxml/edxml.ts';
import { readXml } from '../src/modules/documents/edxml/xml.ts';

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const rssMb = () => process.memoryUsage().rss / 1048576;

describe('edXML size and shape limits', () => {
  it('refuses elements nested deeper than 64, before building anything', () => {
    const deep = `<edXMLEnvelope>${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</edXMLEnvelope>`;
    const error = refusal(() => parseEdxml(Buffer.from(deep)));
    expect(error.message).toBe('The edXML file is not accepted: elements are nested more than 64 deep (at most 64)');
    expect(error.details).toEqual([expect.objectContaining({ field: 'body', rule: 'xmlLimit', limit: 64 })]);
  });

  it('refuses more than 100,000 elements, and the refusal costs little memory', () => {
    const many = Buffer.from(`<edXMLEnvelope xmlns="${EDXML_NS}">${'<a/>'.repeat(5_000_000)}</edXMLEnvelope>`);
    const before = rssMb();
    const error = refusal(() => parseEdxml(many));
    expect(error.message).toBe('The edXML file is not accepted: more than 100000 elements (at most 100,000)');
    // Parsing the whole of it took gigabytes (3.6 GB for 17 million elements).
    expect(rssMb() - before).toBeLessThan(500);
  });

  it('sets a 36 MB file (48 MB of base64) aside while the markup is checked, and gives it back whole', () => {
    const content = Buffer.alloc(36 * 1024 * 1024, 0x5a);
    const base64 = content.toString('base64').replace(/.{76}/g, '$&\n');
    const xml = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?>\n<root>\n<a>${'x &amp; y\n'.repeat(10_000)}</a>\n<file>${base64}</file>\n<b><![CDATA[${'&lt;'.repeat(20_000)}]]></b>\n</root>`,
    );
    const before = rssMb();
    const root = readXml(xml);
    // The same document parsed whole peaked at 2.4 GB.
    expect(rssMb() - before).toBeLessThan(1_000);
    expect(root.children.map((c) => c.name)).toEqual(['a', 'file', 'b']);
    expect(root.children[0]?.text).toBe('x & y\n'.repeat(10_000));
    expect(Buffer.from(root.children[1]?.text ?? '', 'base64').equals(content)).toBe(true);
    expect(root.children[2]?.text).toBe('&lt;'.repeat(20_000));
  });

  it('names the right line of a fault after a long text', () => {
    const lines = `${'QUJD\n'.repeat(30_000)}`;
    const error = refusal(() => readXml(`<root>\n<file>${lines}</file>\n<broken></root>`));
    expect(error.message).toMatch(/^The edXML file is not well-formed XML: .*\(line 30003/);
  });

  it('refuses an undefined entity inside a long text, as in a short one', () => {
    const error = refusal(() => readXml(`<root><a>${'x'.repeat(70_000)}&bogus;</a></root>`));
    expect(error.message).toContain('the entity &bogus; is not defined');
  });
});
