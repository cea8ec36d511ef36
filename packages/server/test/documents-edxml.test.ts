import type { DocumentDetail, FieldError } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.ts';
import { buildEdxml, EDXML_NS, type EdxmlAttachment, parseEdxml } from '../src/modules/documents/edxml/edxml.ts';

/** A few bytes that look like a PDF: the header, a binary comment line, one object. */
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n', 'latin1'),
  Buffer.from([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]),
  Buffer.from('1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1'),
]);
const PDF_BASE64 = 'JVBERi0xLjQKJeLjz9MKMSAwIG9iaiA8PCAvVHlwZSAvQ2F0YWxvZyA+PiBlbmRvYmoKJSVFT0YK';

interface Parts {
  subject?: string;
  codeNotation?: string;
  date?: string;
  priority?: string;
  content?: string;
  attachment?: string;
}

/** An envelope as a provincial People's Committee sends it to two departments; `parts` swaps in broken values. */
function sample(parts: Parts = {}): string {
  const subject =
    parts.subject ?? '<edXML:Subject>Về việc ban hành Kế hoạch phòng, chống thiên tai năm 2025</edXML:Subject>';
  const codeNotation = parts.codeNotation ?? '<edXML:CodeNotation>QĐ-UBND</edXML:CodeNotation>';
  const attachment =
    parts.attachment ??
    `<edXML:AttachmentContent>
        ${PDF_BASE64.slice(0, 40)}
        ${PDF_BASE64.slice(40)}
      </edXML:AttachmentContent>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- a sample written for these tests -->
<edXML:edXMLEnvelope xmlns:edXML="${EDXML_NS}">
  <edXML:edXMLHeader>
    <edXML:MessageHeader>
      <edXML:From>
        <edXML:OrganId>000.00.00.H23</edXML:OrganId>
        <edXML:OrganName>Ủy ban nhân dân tỉnh Hà Tĩnh</edXML:OrganName>
        <edXML:OrganAdd>Số 1 Nguyễn Tất Thành, TP Hà Tĩnh</edXML:OrganAdd>
        <edXML:Email/><edXML:Telephone/><edXML:Fax/><edXML:Website/>
      </edXML:From>
      <edXML:To>
        <edXML:OrganId>000.01.23.H23</edXML:OrganId>
        <edXML:OrganName>Sở Nông nghiệp và Môi trường</edXML:OrganName>
        <edXML:OrganAdd/><edXML:Email/><edXML:Telephone/><edXML:Fax/><edXML:Website/>
      </edXML:To>
      <edXML:To>
        <edXML:OrganId></edXML:OrganId>
        <edXML:OrganName>  Sở Tài chính  </edXML:OrganName>
      </edXML:To>
      <edXML:DocumentId>000.00.00.H23,2025/03/14,123/QĐ-UBND</edXML:DocumentId>
      <edXML:Code>
        <edXML:CodeNumber>123</edXML:CodeNumber>
        ${codeNotation}
      </edXML:Code>
      <edXML:PromulgationInfo>
        <edXML:Place>Hà Tĩnh</edXML:Place>
        <edXML:PromulgationDate>${parts.date ?? '2025/03/14'}</edXML:PromulgationDate>
      </edXML:PromulgationInfo>
      <edXML:DocumentType><edXML:Type>1</edXML:Type><edXML:TypeName>Quyết định</edXML:TypeName></edXML:DocumentType>
      ${subject}
      <edXML:Content>${parts.content ?? 'Ban hành kèm theo Quyết định này Kế hoạch &lt;PCTT&gt; &amp; TKCN năm 2025.'}</edXML:Content>
      <edXML:SignerInfo>
        <edXML:Competence>TM. ỦY BAN NHÂN DÂN</edXML:Competence>
        <edXML:Position>Chủ tịch</edXML:Position>
        <edXML:FullName>Nguyễn Văn A</edXML:FullName>
      </edXML:SignerInfo>
      <edXML:DueDate>2025-04-30</edXML:DueDate>
      <edXML:ToPlaces>
        <edXML:Place>Như Điều 3</edXML:Place>
        <edXML:Place>Lưu: VT, NL1</edXML:Place>
      </edXML:ToPlaces>
      <edXML:OtherInfo>
        <edXML:Priority>${parts.priority ?? '1'}</edXML:Priority>
        <edXML:SphereOfPromulgation/>
        <edXML:TyperNotation>NL1</edXML:TyperNotation>
        <edXML:PromulgationAmount>10</edXML:PromulgationAmount>
        <edXML:PageAmount>3</edXML:PageAmount>
      </edXML:OtherInfo>
      <edXML:SteeringType>0</edXML:SteeringType>
    </edXML:MessageHeader>
    <edXML:TraceHeaderList>
      <edXML:TraceHeader>
        <edXML:OrganId>000.00.00.H23</edXML:OrganId>
        <edXML:Timestamp>2025/03/14 08:30:00</edXML:Timestamp>
      </edXML:TraceHeader>
      <edXML:TraceHeader>
        <edXML:OrganId>000.01.23.H23</edXML:OrganId>
        <edXML:Timestamp>2025-03-14T02:05:00Z</edXML:Timestamp>
      </edXML:TraceHeader>
    </edXML:TraceHeaderList>
  </edXML:edXMLHeader>
  <edXML:edXMLBody>
    <edXML:DocumentAttachment>
      <edXML:AttachmentName>quyet-dinh-123.pdf</edXML:AttachmentName>
      <edXML:ContentType>application/pdf</edXML:ContentType>
      <edXML:Description>Bản ký số</edXML:Description>
      ${attachment}
    </edXML:DocumentAttachment>
  </edXML:edXMLBody>
</edXML:edXMLEnvelope>
`;
}

const expectedFields = {
  typeName: 'Quyết định',
  codeNumber: '123',
  codeNotation: 'QĐ-UBND',
  issuedDate: '2025-03-14',
  issuedPlace: 'Hà Tĩnh',
  organ: { organId: '000.00.00.H23', organName: 'Ủy ban nhân dân tỉnh Hà Tĩnh' },
  subject: 'Về việc ban hành Kế hoạch phòng, chống thiên tai năm 2025',
  content: 'Ban hành kèm theo Quyết định này Kế hoạch <PCTT> & TKCN năm 2025.',
  language: 'vi',
  pageAmount: 3,
  signer: { position: 'Chủ tịch', fullName: 'Nguyễn Văn A' },
  recipients: [
    { organId: '000.01.23.H23', organName: 'Sở Nông nghiệp và Môi trường' },
    { organId: null, organName: 'Sở Tài chính' },
  ],
  priority: 1,
  issuedAmount: 10,
  dueDate: '2025-04-30',
  steeringType: 0,
  toPlaces: ['Như Điều 3', 'Lưu: VT, NL1'],
  trace: [
    { organId: '000.00.00.H23', organName: null, at: '2025-03-14T08:30:00+07:00', note: null },
    { organId: '000.01.23.H23', organName: null, at: '2025-03-14T09:05:00+07:00', note: null },
  ],
};

/** Runs `fn`, which must throw the validation error; returns it. */
function refusal(fn: () => unknown): AppError & { details: FieldError[] } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('VALIDATION_FAILED');
    expect(appError.status).toBe(400);
    return appError as AppError & { details: FieldError[] };
  }
  throw new Error('expected the edXML to be refused');
}

describe('parseEdxml', () => {
  it('reads a full envelope into an incoming document’s fields and its attachment bytes', () => {
    const doc = parseEdxml(sample());
    expect(doc.fields).toEqual(expectedFields);
    expect(doc.documentId).toBe('000.00.00.H23,2025/03/14,123/QĐ-UBND');
    expect(doc.attachments).toHaveLength(1);
    const [pdf] = doc.attachments;
    expect(pdf).toMatchObject({ name: 'quyet-dinh-123.pdf', mime: 'application/pdf', description: 'Bản ký số' });
    expect(pdf!.content.equals(PDF)).toBe(true);
    expect(pdf!.content.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
  });

  it('reads the same envelope from bytes, with a UTF-8 byte-order mark and CRLF line ends', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(sample().replace(/\n/g, '\r\n'), 'utf8'),
    ]);
    const doc = parseEdxml(bytes);
    expect(doc.fields).toEqual(expectedFields);
    expect(doc.attachments[0]!.content.equals(PDF)).toBe(true);
  });

  it('reads an envelope without a prefix (default namespace), with CDATA and character references', () => {
    const xml = `<edXMLEnvelope xmlns="${EDXML_NS}">
  <edXMLHeader>
    <MessageHeader>
      <From><OrganId>000.00.00.G22</OrganId><OrganName>Văn phòng Chính phủ</OrganName></From>
      <Code><CodeNumber>45</CodeNumber><CodeNotation>CĐ-TTg</CodeNotation></Code>
      <PromulgationInfo><Place>Hà Nội</Place><PromulgationDate>2025-09-01</PromulgationDate></PromulgationInfo>
      <DocumentType><TypeName>Công điện</TypeName></DocumentType>
      <Subject><![CDATA[Về ứng phó bão số 5 & mưa lũ <khẩn>]]></Subject>
      <Content>H&#224; T&#x129;nh</Content>
    </MessageHeader>
  </edXMLHeader>
  <edXMLBody/>
</edXMLEnvelope>`;
    const doc = parseEdxml(xml);
    expect(doc.fields).toMatchObject({
      organ: { organId: '000.00.00.G22', organName: 'Văn phòng Chính phủ' },
      codeNumber: '45',
      codeNotation: 'CĐ-TTg',
      issuedDate: '2025-09-01',
      typeName: 'Công điện',
      subject: 'Về ứng phó bão số 5 & mưa lũ <khẩn>',
      content: 'Hà Tĩnh',
      recipients: [],
      priority: 0,
      signer: null,
      dueDate: null,
      pageAmount: null,
      issuedAmount: null,
      steeringType: null,
      toPlaces: [],
      trace: [],
    });
    expect(doc.documentId).toBeNull();
    expect(doc.attachments).toEqual([]);
  });

  it('reads the SOAP-style Envelope/Header/Body variant with another prefix', () => {
    const xml = sample()
      .replace(/edXML:edXMLEnvelope/g, 'SOAP-ENV:Envelope')
      .replace(/edXML:edXMLHeader/g, 'SOAP-ENV:Header')
      .replace(/edXML:edXMLBody/g, 'SOAP-ENV:Body')
      .replace(/edXML:/g, 'ed:')
      .replace('xmlns:edXML=', 'xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:ed=');
    const doc = parseEdxml(xml);
    expect(doc.fields).toEqual(expectedFields);
    expect(doc.attachments[0]!.content.equals(PDF)).toBe(true);
  });
});

describe('parseEdxml refusals', () => {
  it('refuses malformed XML with the parser’s message and line', () => {
    const xml = sample().replace('</edXML:Subject>', '');
    const error = refusal(() => parseEdxml(xml));
    expect(error.message).toMatch(/^The edXML file is not well-formed XML: .*line \d+/);
    expect(error.details).toEqual([{ field: 'body', message: error.message, rule: 'xml' }]);
    expect(error.message).toContain("instead of closing tag 'edXML:MessageHeader'. (line 51, column 5)");
  });

  it('refuses a file cut short, naming the tags left open', () => {
    const xml = sample().slice(0, sample().indexOf('<edXML:TraceHeaderList>'));
    const error = refusal(() => parseEdxml(xml));
    expect(error.message).toBe(
      "The edXML file is not well-formed XML: Unclosed tags 'edXML:edXMLEnvelope', 'edXML:edXMLHeader' (at the end, line 52)",
    );
    expect(error.details[0]).toMatchObject({ field: 'body', rule: 'xml' });
  });

  it('refuses an undefined entity', () => {
    const error = refusal(() => parseEdxml(sample({ content: 'A &nbsp; B' })));
    expect(error.details[0]).toMatchObject({ field: 'body', rule: 'xml' });
    expect(error.message).toContain('&nbsp;');
  });

  it('names a missing Subject', () => {
    const error = refusal(() => parseEdxml(sample({ subject: '' })));
    expect(error.message).toBe('edXML field MessageHeader/Subject is missing');
    expect(error.details).toEqual([
      { field: 'edXMLHeader/MessageHeader/Subject', message: 'required', rule: 'required' },
    ]);
  });

  it('names an empty CodeNotation', () => {
    const error = refusal(() => parseEdxml(sample({ codeNotation: '<edXML:CodeNotation>  </edXML:CodeNotation>' })));
    expect(error.message).toBe('edXML field MessageHeader/Code/CodeNotation is missing');
    expect(error.details).toEqual([
      { field: 'edXMLHeader/MessageHeader/Code/CodeNotation', message: 'required', rule: 'required' },
    ]);
  });

  it('refuses a day that does not exist', () => {
    const error = refusal(() => parseEdxml(sample({ date: '2025/02/30' })));
    expect(error.message).toContain('MessageHeader/PromulgationInfo/PromulgationDate');
    expect(error.details).toEqual([
      {
        field: 'edXMLHeader/MessageHeader/PromulgationInfo/PromulgationDate',
        message: 'must be a date yyyy/MM/dd',
        rule: 'format',
      },
    ]);
  });

  it('refuses a Priority outside 0–4', () => {
    const error = refusal(() => parseEdxml(sample({ priority: '7' })));
    expect(error.details).toEqual([
      { field: 'edXMLHeader/MessageHeader/OtherInfo/Priority', message: 'must be <= 4', rule: 'maximum', limit: 4 },
    ]);
  });

  it('refuses bad base64 in an attachment', () => {
    for (const content of ['JVBERi0x*LjQK', 'JVBERi0xLjQ', 'JVBERi0xLjR=']) {
      const attachment = `<edXML:AttachmentContent>${content}</edXML:AttachmentContent>`;
      const error = refusal(() => parseEdxml(sample({ attachment })));
      expect(error.message).toBe('edXML field edXMLBody/DocumentAttachment[1]/AttachmentContent is not valid base64');
      expect(error.details).toEqual([
        { field: 'edXMLBody/DocumentAttachment[1]/AttachmentContent', message: 'must be base64', rule: 'base64' },
      ]);
    }
  });

  it('refuses an attachment without a name or content', () => {
    const xml = sample()
      .replace('<edXML:AttachmentName>quyet-dinh-123.pdf</edXML:AttachmentName>', '')
      .replace('</edXML:DocumentAttachment>', '</edXML:DocumentAttachment><edXML:DocumentAttachment/>');
    const error = refusal(() => parseEdxml(xml));
    expect(error.details.map((d) => d.field)).toEqual([
      'edXMLBody/DocumentAttachment[1]/AttachmentName',
      'edXMLBody/DocumentAttachment[2]/AttachmentName',
      'edXMLBody/DocumentAttachment[2]/AttachmentContent',
    ]);
  });

  it('refuses a DOCTYPE, so no entity can expand', () => {
    const xml = sample().replace(
      '<!-- a sample written for these tests -->',
      '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>',
    );
    const error = refusal(() => parseEdxml(xml.replace('TKCN năm 2025.', '&lol2;')));
    expect(error.message).toContain('DOCTYPE');
    expect(error.details).toEqual([{ field: 'body', message: error.message, rule: 'doctype' }]);
  });

  it('refuses another root element', () => {
    const error = refusal(() => parseEdxml('<?xml version="1.0"?><Document><Subject>x</Subject></Document>'));
    expect(error.message).toContain('<Document>');
    expect(error.details).toEqual([
      { field: 'edXMLEnvelope', message: 'expected root element edXMLEnvelope', rule: 'root' },
    ]);
  });

  it('refuses an envelope without a MessageHeader', () => {
    const xml = `<edXML:edXMLEnvelope xmlns:edXML="${EDXML_NS}"><edXML:edXMLHeader/></edXML:edXMLEnvelope>`;
    const error = refusal(() => parseEdxml(xml));
    expect(error.details).toEqual([{ field: 'edXMLHeader/MessageHeader', message: 'required', rule: 'required' }]);
  });

  it('collects every problem into one error', () => {
    const xml = sample({ subject: '', codeNotation: '', date: '2025/13/01', priority: 'cao' }).replace(
      '<edXML:OrganName>Ủy ban nhân dân tỉnh Hà Tĩnh</edXML:OrganName>',
      '',
    );
    const error = refusal(() => parseEdxml(xml));
    expect(error.details.map((d) => `${d.field} ${d.rule}`)).toEqual([
      'edXMLHeader/MessageHeader/From/OrganName required',
      'edXMLHeader/MessageHeader/Code/CodeNotation required',
      'edXMLHeader/MessageHeader/PromulgationInfo/PromulgationDate format',
      'edXMLHeader/MessageHeader/Subject required',
      'edXMLHeader/MessageHeader/OtherInfo/Priority type',
    ]);
    expect(error.message.split('; ')).toHaveLength(5);
    expect(error.message).toContain('edXML field MessageHeader/Subject is missing');
  });

  it('refuses a value longer than the schema allows', () => {
    const error = refusal(() => parseEdxml(sample({ subject: `<edXML:Subject>${'á'.repeat(1001)}</edXML:Subject>` })));
    expect(error.details).toEqual([
      {
        field: 'edXMLHeader/MessageHeader/Subject',
        message: 'must NOT have more than 1000 characters',
        rule: 'maxLength',
        limit: 1000,
      },
    ]);
  });
});

describe('buildEdxml', () => {
  const doc: DocumentDetail = {
    id: 7,
    direction: 'outgoing',
    register: 'DI',
    year: 2025,
    number: 42,
    typeName: 'Công văn',
    codeNumber: '42',
    codeNotation: 'UBND-NL1',
    label: '42/UBND-NL1',
    issuedDate: '2025-06-02',
    organ: { organId: '000.00.00.H23', organName: 'UBND tỉnh Hà Tĩnh' },
    subject: 'V/v "kiểm tra" đê điều <khẩn> & báo cáo trước mùa mưa bão',
    priority: 3,
    dueDate: '2025-06-20',
    arrivalDate: null,
    createdAt: '2025-06-02T01:00:00.000Z',
    issuedPlace: 'Hà Tĩnh',
    content: 'Dòng 1: a < b && c > d\nDòng 2: \'trích\' "dẫn"\r\nDòng 3: ]]> kết thúc',
    language: 'vi',
    pageAmount: 2,
    description: null,
    signer: { position: 'KT. Chủ tịch — Phó Chủ tịch', fullName: 'Trần Thị B' },
    recipients: [
      { organId: '000.01.23.H23', organName: 'Sở Nông nghiệp và Môi trường' },
      { organId: null, organName: 'UBND các huyện, thị xã, thành phố' },
    ],
    issuedAmount: 15,
    steeringType: 1,
    toPlaces: ['Như trên', 'Lưu: VT'],
    trace: [
      { organId: '000.00.00.H23', organName: 'Văn phòng UBND tỉnh', at: '2025-06-02T08:15:00+07:00', note: null },
      { organId: '000.01.23.H23', organName: null, at: '2025-06-02T09:00:30+07:00', note: null },
    ],
    createdBy: 'vanthu',
    files: [],
    agencies: [],
  };
  const attachments: EdxmlAttachment[] = [
    { name: 'cong-van-42.pdf', mime: 'application/pdf', content: PDF, description: 'Bản chính' },
    { name: 'phụ lục & danh sách.txt', mime: 'text/plain', content: Buffer.from('Hà Tĩnh\n'), description: null },
  ];

  it('writes the envelope with the edXML prefix, the namespace and escaped text', () => {
    const xml = buildEdxml(doc, attachments);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<edXML:edXMLEnvelope xmlns:edXML="')).toBe(true);
    expect(xml).toContain(`xmlns:edXML="${EDXML_NS}"`);
    expect(xml).toContain('<edXML:PromulgationDate>2025/06/02</edXML:PromulgationDate>');
    expect(xml).toContain('<edXML:DueDate>2025/06/20</edXML:DueDate>');
    expect(xml).toContain('<edXML:Timestamp>2025/06/02 08:15:00</edXML:Timestamp>');
    expect(xml).toContain(
      '<edXML:Subject>V/v &quot;kiểm tra&quot; đê điều &lt;khẩn&gt; &amp; báo cáo trước mùa mưa bão</edXML:Subject>',
    );
    expect(xml).toContain('<edXML:OrganName>UBND tỉnh Hà Tĩnh</edXML:OrganName>');
    expect(xml).toContain(`<edXML:AttachmentContent>${PDF_BASE64}</edXML:AttachmentContent>`);
    expect(xml).not.toContain(']]>');
  });

  it('round-trips: parse(build(doc, files)) gives back the metadata and the files', () => {
    const parsed = parseEdxml(buildEdxml(doc, attachments));
    expect(parsed.fields).toEqual({
      typeName: doc.typeName,
      codeNumber: doc.codeNumber,
      codeNotation: doc.codeNotation,
      issuedDate: doc.issuedDate,
      issuedPlace: doc.issuedPlace,
      organ: doc.organ,
      subject: doc.subject,
      content: doc.content,
      language: doc.language,
      pageAmount: doc.pageAmount,
      signer: doc.signer,
      recipients: doc.recipients,
      priority: doc.priority,
      issuedAmount: doc.issuedAmount,
      dueDate: doc.dueDate,
      steeringType: doc.steeringType,
      toPlaces: doc.toPlaces,
      trace: doc.trace,
    });
    expect(parsed.documentId).toBeNull();
    expect(parsed.attachments).toEqual(attachments);
  });

  it('round-trips a sparse document without attachments', () => {
    const sparse: DocumentDetail = {
      ...doc,
      issuedPlace: null,
      content: null,
      pageAmount: null,
      signer: null,
      recipients: [],
      priority: 0,
      issuedAmount: null,
      dueDate: null,
      steeringType: null,
      toPlaces: [],
      trace: [],
    };
    const xml = buildEdxml(sparse);
    expect(xml).toContain('<edXML:edXMLBody/>');
    const parsed = parseEdxml(xml);
    expect(parsed.fields).toMatchObject({
      issuedPlace: null,
      content: null,
      signer: null,
      recipients: [],
      priority: 0,
      dueDate: null,
      steeringType: null,
      toPlaces: [],
      trace: [],
    });
    expect(parsed.attachments).toEqual([]);
  });

  it('writes trace instants given in UTC as Vietnam’s time', () => {
    const xml = buildEdxml({ ...doc, trace: [{ organId: null, at: '2025-06-02T17:30:00.000Z', note: 'x' }] });
    expect(xml).toContain('<edXML:Timestamp>2025/06/03 00:30:00</edXML:Timestamp>');
    expect(parseEdxml(xml).fields.trace).toEqual([
      { organId: null, organName: null, at: '2025-06-03T00:30:00+07:00', note: null },
    ]);
  });
});
