/**
 * edXML as the national document exchange's gateway carries it (issue 11): the `<edXML>` package around the
 * envelope, files in AttachmentEncoded referenced from the manifest by ContentId; read, refused, written, and
 * imported through the API with the document linked to the province's agencies.
 */
import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import type { CreateDocumentResult, DocumentDetail, FieldError, SaveAgencyResult } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.ts';
import { buildGatewayEdxml, EDXML_NS, parseEdxml } from '../src/modules/documents/edxml/edxml.ts';
import { unzippedAttachment } from '../src/modules/documents/edxml/unzip.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n', 'latin1'),
  Buffer.from([0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]),
  Buffer.from('1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n%%EOF\n', 'latin1'),
]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const GUID = '3f2c9a1e-7b4d-4c1a-9e52-0d8f6a1b2c3d';

interface Package {
  subject?: string;
  pdf?: string;
  contentId?: string;
  referenceId?: string;
}

/** A package as the gateway delivers one: Sở Tài chính writes to two departments, a PDF, a trace with its business. */
function gatewayPackage(p: Package = {}): string {
  const subject = p.subject ?? '<edXML:Subject>V/v lập dự toán ngân sách năm 2027</edXML:Subject>';
  const cid = p.contentId ?? `cid:${GUID}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<edXML xmlns="${EDXML_NS}">
  <edXML:edXMLEnvelope xmlns:edXML="${EDXML_NS}">
    <edXML:edXMLHeader>
      <edXML:MessageHeader>
        <edXML:From>
          <edXML:OrganId>000.04.27.H27</edXML:OrganId>
          <edXML:OrganizationInCharge>UBND tỉnh Hà Tĩnh</edXML:OrganizationInCharge>
          <edXML:OrganName>Sở Tài chính tỉnh Hà Tĩnh</edXML:OrganName>
          <edXML:OrganAdd>Hà Tĩnh</edXML:OrganAdd>
          <edXML:Email>stc@hatinh.gov.vn</edXML:Email><edXML:Telephone/><edXML:Fax/><edXML:Website/>
        </edXML:From>
        <edXML:To>
          <edXML:OrganId>000.15.27.H27</edXML:OrganId>
          <edXML:OrganizationInCharge>UBND tỉnh Hà Tĩnh</edXML:OrganizationInCharge>
          <edXML:OrganName>Sở Y tế tỉnh Hà Tĩnh</edXML:OrganName>
        </edXML:To>
        <edXML:To>
          <edXML:OrganId>000.09.27.H27</edXML:OrganId>
          <edXML:OrganizationInCharge>UBND tỉnh Hà Tĩnh</edXML:OrganizationInCharge>
          <edXML:OrganName>Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh</edXML:OrganName>
        </edXML:To>
        <edXML:DocumentId>${GUID}</edXML:DocumentId>
        <edXML:Code><edXML:CodeNumber>815</edXML:CodeNumber><edXML:CodeNotation>STC-NS</edXML:CodeNotation></edXML:Code>
        <edXML:PromulgationInfo>
          <edXML:Place>Hà Tĩnh</edXML:Place>
          <edXML:PromulgationDate>2026/07/15</edXML:PromulgationDate>
        </edXML:PromulgationInfo>
        <edXML:DocumentType>
          <edXML:Type>1</edXML:Type><edXML:TypeDetail>0</edXML:TypeDetail><edXML:TypeName>Công văn</edXML:TypeName>
        </edXML:DocumentType>
        ${subject}
        <edXML:Content>Đề nghị các sở xây dựng dự toán theo hướng dẫn.</edXML:Content>
        <edXML:SignerInfo>
          <edXML:Competence>KT. GIÁM ĐỐC</edXML:Competence>
          <edXML:Position>Phó Giám đốc</edXML:Position>
          <edXML:FullName>Lê Văn C</edXML:FullName>
        </edXML:SignerInfo>
        <edXML:DueDate>2026/08/01</edXML:DueDate>
        <edXML:ToPlaces><edXML:Place>Như trên</edXML:Place><edXML:Place>Lưu: VT, NS</edXML:Place></edXML:ToPlaces>
        <edXML:OtherInfo>
          <edXML:Priority>1</edXML:Priority>
          <edXML:SphereOfPromulgation>Lưu hành nội bộ</edXML:SphereOfPromulgation>
          <edXML:TyperNotation>NS</edXML:TyperNotation>
          <edXML:PromulgationAmount>5</edXML:PromulgationAmount>
          <edXML:PageAmount>2</edXML:PageAmount>
          <edXML:Direction>false</edXML:Direction>
          <edXML:Appendixes><edXML:Appendix>Biểu mẫu dự toán</edXML:Appendix></edXML:Appendixes>
        </edXML:OtherInfo>
        <edXML:SteeringType>1</edXML:SteeringType>
      </edXML:MessageHeader>
      <edXML:TraceHeaderList>
        <edXML:Business>
          <edXML:BusinessName>Gửi văn bản mới</edXML:BusinessName>
          <edXML:BusinessCode>0</edXML:BusinessCode>
          <edXML:StaffInfo><edXML:Department>Văn thư</edXML:Department><edXML:Staff>Nguyễn Thị D</edXML:Staff></edXML:StaffInfo>
        </edXML:Business>
        <edXML:TraceHeader>
          <edXML:OrganId>000.04.27.H27</edXML:OrganId>
          <edXML:Timestamp>2026/07/15 14:20:05</edXML:Timestamp>
        </edXML:TraceHeader>
      </edXML:TraceHeaderList>
    </edXML:edXMLHeader>
    <edXML:edXMLBody>
      <edXML:edXMLManifest version="1.0">
        <edXML:Reference>
          <edXML:ContentId>${p.referenceId ?? `cid:${GUID}`}</edXML:ContentId>
          <edXML:ContentType>application/pdf</edXML:ContentType>
          <edXML:AttachmentName>815-STC-NS.pdf</edXML:AttachmentName>
        </edXML:Reference>
      </edXML:edXMLManifest>
    </edXML:edXMLBody>
  </edXML:edXMLEnvelope>
  <AttachmentEncoded>
    <Attachment>
      <ContentId>${cid}</ContentId>
      <AttachmentName>815-STC-NS.pdf</AttachmentName>
      <ContentType>application/pdf</ContentType>
      <edXML:ContentTransferEncoded xmlns:edXML="${EDXML_NS}">${p.pdf ?? PDF.toString('base64')}</edXML:ContentTransferEncoded>
    </Attachment>
  </AttachmentEncoded>
</edXML>
`;
}

function refusal(fn: () => unknown): AppError & { details: FieldError[] } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    return error as AppError & { details: FieldError[] };
  }
  throw new Error('expected the edXML to be refused');
}

/** A ZIP holding one file, as some exchange systems pack an attachment (stored or deflated). */
function zipOf(name: string, content: Buffer, deflate: boolean): Buffer {
  const data = deflate ? deflateRawSync(content) : content;
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(deflate ? 8 : 0, 8);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(deflate ? 8 : 0, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  central.writeUInt32LE(0, 42);
  const centralAt = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralAt, 16);
  return Buffer.concat([local, fileName, data, central, fileName, end]);
}

describe('reading the gateway package', () => {
  it('reads the wrapped envelope, its recipients and the file the manifest points at', () => {
    const doc = parseEdxml(gatewayPackage());
    expect(doc.documentId).toBe(GUID);
    expect(doc.fields).toMatchObject({
      typeName: 'Công văn',
      codeNumber: '815',
      codeNotation: 'STC-NS',
      issuedDate: '2026-07-15',
      organ: { organId: '000.04.27.H27', organName: 'Sở Tài chính tỉnh Hà Tĩnh' },
      recipients: [
        { organId: '000.15.27.H27', organName: 'Sở Y tế tỉnh Hà Tĩnh' },
        { organId: '000.09.27.H27', organName: 'Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh' },
      ],
      subject: 'V/v lập dự toán ngân sách năm 2027',
      priority: 1,
      pageAmount: 2,
      issuedAmount: 5,
      steeringType: 1,
      dueDate: '2026-08-01',
      toPlaces: ['Như trên', 'Lưu: VT, NS'],
      signer: { position: 'Phó Giám đốc', fullName: 'Lê Văn C' },
      trace: [{ organId: '000.04.27.H27', organName: null, at: '2026-07-15T14:20:05+07:00', note: null }],
    });
    expect(doc.attachments).toHaveLength(1);
    expect(doc.attachments[0]).toMatchObject({ name: '815-STC-NS.pdf', mime: 'application/pdf' });
    expect(doc.attachments[0]!.content.equals(PDF)).toBe(true);
    expect(doc.attachmentPaths).toEqual(['AttachmentEncoded/Attachment[1]']);
  });

  it('reads the same package without any prefix, and a ContentId written without cid:', () => {
    const bare = gatewayPackage({ contentId: `&lt;${GUID}&gt;` })
      .replace(/edXML:(?=[A-Za-z])/g, '')
      .replace(/ xmlns:edXML="[^"]*"/g, '');
    expect(bare).not.toContain('edXML:');
    const doc = parseEdxml(bare);
    expect(doc.fields.recipients).toHaveLength(2);
    expect(doc.attachments[0]!.content.equals(PDF)).toBe(true);
  });

  it('keeps an encoded file the manifest does not list', () => {
    const doc = parseEdxml(gatewayPackage().replace(/<edXML:Reference>[\s\S]*<\/edXML:Reference>/, ''));
    expect(doc.attachments.map((a) => a.name)).toEqual(['815-STC-NS.pdf']);
  });

  it('refuses bad base64 in the package, naming the encoded attachment', () => {
    const error = refusal(() => parseEdxml(gatewayPackage({ pdf: 'JVBERi0x*LjQK' })));
    expect(error.message).toBe(
      'edXML field AttachmentEncoded/Attachment[1]/ContentTransferEncoded is not valid base64',
    );
    expect(error.details).toEqual([
      { field: 'AttachmentEncoded/Attachment[1]/ContentTransferEncoded', message: 'must be base64', rule: 'base64' },
    ]);
  });

  it('refuses a manifest reference with no encoded content', () => {
    const error = refusal(() => parseEdxml(gatewayPackage({ referenceId: 'cid:another' })));
    expect(error.details).toEqual([
      {
        field: 'edXMLBody/edXMLManifest/Reference[1]/ContentId',
        message: 'no AttachmentEncoded/Attachment has this ContentId',
        rule: 'reference',
      },
    ]);
  });

  it('names a missing Subject with the same field as in a bare envelope', () => {
    const error = refusal(() => parseEdxml(gatewayPackage({ subject: '' })));
    expect(error.message).toBe('edXML field MessageHeader/Subject is missing');
    expect(error.details).toEqual([
      { field: 'edXMLHeader/MessageHeader/Subject', message: 'required', rule: 'required' },
    ]);
  });

  it('refuses a DOCTYPE and a package without an envelope', () => {
    const doctype = gatewayPackage().replace('<edXML xmlns', '<!DOCTYPE edXML [<!ENTITY x "y">]>\n<edXML xmlns');
    expect(refusal(() => parseEdxml(doctype)).details).toEqual([
      expect.objectContaining({ field: 'body', rule: 'doctype' }),
    ]);
    const empty = `<edXML xmlns="${EDXML_NS}"><AttachmentEncoded/></edXML>`;
    expect(refusal(() => parseEdxml(empty)).details).toEqual([
      { field: 'edXML/edXMLEnvelope', message: 'required', rule: 'required' },
    ]);
  });
});

describe('writing the gateway package', () => {
  const detail = (): DocumentDetail => ({
    id: 9,
    direction: 'outgoing',
    register: 'DI',
    year: 2026,
    number: 9,
    typeName: 'Công văn',
    codeNumber: '9',
    codeNotation: 'UBND-KT',
    label: '9/UBND-KT',
    issuedDate: '2026-07-20',
    organ: { organId: '000.00.00.H27', organName: 'UBND tỉnh Hà Tĩnh' },
    subject: 'V/v báo cáo & tổng hợp <số liệu>',
    priority: 0,
    dueDate: null,
    arrivalDate: null,
    createdAt: '2026-07-20T01:00:00.000Z',
    issuedPlace: 'Hà Tĩnh',
    content: null,
    language: 'vi',
    pageAmount: 1,
    description: null,
    signer: { position: 'Chủ tịch', fullName: 'Trần Văn E' },
    recipients: [
      { organId: '000.15.27.H27', organName: 'Sở Y tế' },
      { organId: null, organName: 'Sở Tài chính' },
    ],
    issuedAmount: 4,
    steeringType: null,
    toPlaces: [],
    trace: [],
    createdBy: 'vanthu',
    files: [],
    agencies: [],
  });
  const files = [
    { name: 'cong-van-9.pdf', mime: 'application/pdf', content: PDF, description: null },
    { name: 'phu-luc.txt', mime: 'text/plain', content: Buffer.from('Hà Tĩnh\n'), description: null },
  ];

  it('wraps the envelope in <edXML>, lists the files in the manifest and carries them in AttachmentEncoded', () => {
    const xml = buildGatewayEdxml(detail(), files, GUID);
    expect(xml.startsWith(`<?xml version="1.0" encoding="UTF-8"?>\n<edXML xmlns="${EDXML_NS}">\n`)).toBe(true);
    expect(xml).toContain(`  <edXML:edXMLEnvelope xmlns:edXML="${EDXML_NS}">`);
    expect(xml).toContain(`<edXML:DocumentId>${GUID}</edXML:DocumentId>`);
    expect(xml).toContain('<edXML:edXMLManifest version="1.0">');
    const ids = [...xml.matchAll(/<edXML:ContentId>(cid:[0-9a-f-]{36})<\/edXML:ContentId>/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    const encoded = xml.slice(xml.indexOf('</edXML:edXMLEnvelope>'));
    expect(encoded).toContain(`<ContentId>${ids[0]}</ContentId>`);
    expect(encoded).toContain(`<ContentId>${ids[1]}</ContentId>`);
    expect(encoded).toContain(
      `<edXML:ContentTransferEncoded xmlns:edXML="${EDXML_NS}">${PDF.toString('base64')}</edXML:ContentTransferEncoded>`,
    );
    expect(xml.trimEnd().endsWith('</edXML>')).toBe(true);
  });

  it('reads back what it writes', () => {
    const back = parseEdxml(buildGatewayEdxml(detail(), files, GUID));
    const d = detail();
    expect(back.documentId).toBe(GUID);
    expect(back.fields).toMatchObject({
      codeNotation: d.codeNotation,
      subject: d.subject,
      organ: d.organ,
      recipients: d.recipients,
      signer: d.signer,
      issuedAmount: 4,
    });
    expect(back.attachments).toEqual(files);
  });
});

describe('files zipped on the way', () => {
  it('gives a PDF zipped alone its own bytes, stored or deflated', () => {
    for (const deflate of [false, true]) {
      const zipped = zipOf('a1b2.pdf', PDF, deflate);
      expect(unzippedAttachment('quyet-dinh.pdf', zipped, 1_000_000).equals(PDF)).toBe(true);
    }
  });

  it('keeps a real ZIP format, a file too large to unzip and bytes that are no ZIP', () => {
    const zipped = zipOf('a.pdf', PDF, true);
    expect(unzippedAttachment('ho-so.zip', zipped, 1_000_000)).toBe(zipped);
    expect(unzippedAttachment('bao-cao.docx', zipped, 1_000_000)).toBe(zipped);
    expect(unzippedAttachment('quyet-dinh.pdf', zipped, 10)).toBe(zipped);
    expect(unzippedAttachment('quyet-dinh.pdf', PDF, 1_000_000)).toBe(PDF);
  });
});

describe('importing from the gateway', () => {
  let t: TestApp;
  let admin: string;
  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: string | object, xml = false) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: admin, ...(xml ? { 'content-type': 'application/xml' } : {}) },
      ...(payload === undefined ? {} : { payload }),
    });
  const giveNationalId = async (code: string, nationalId: string) => {
    const agency = await t.services.agencies.find(code);
    if (!agency) throw new Error(`no agency ${code}`);
    const { code: _code, ...body } = agency;
    const r = await call('PUT', `/api/v1/agencies/${code}`, { ...body, nationalId });
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as SaveAgencyResult;
  };

  beforeAll(async () => {
    t = await startTestApp({}, { now: new Date('2026-07-16T02:00:00Z') });
    admin = await t.login('admin', ADMIN_PASSWORD);
    await giveNationalId('STC', '000.04.27.H27');
    await giveNationalId('SYT', '000.15.27.H27');
    await giveNationalId('SGDDT', '000.09.27.H27');
  });
  afterAll(() => t.stop());

  let imported: DocumentDetail;

  it('registers one incoming document with both recipients, the file and its agencies', async () => {
    const r = await call('POST', '/api/v1/documents/import/edxml', gatewayPackage(), true);
    expect(r.statusCode, r.body).toBe(201);
    imported = (r.json() as CreateDocumentResult).document;
    expect(imported).toMatchObject({ direction: 'incoming', register: 'DEN', label: '815/STC-NS' });
    expect(imported.recipients.map((o) => o.organId)).toEqual(['000.15.27.H27', '000.09.27.H27']);
    expect(imported.files).toEqual([
      expect.objectContaining({ name: '815-STC-NS.pdf', size: PDF.length, sha256: sha256(PDF) }),
    ]);
    expect(imported.agencies).toEqual([
      { code: 'STC', name: 'Sở Tài chính', nameEn: 'Department of Finance', role: 'from' },
      { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', nameEn: 'Department of Education and Training', role: 'to' },
      { code: 'SYT', name: 'Sở Y tế', nameEn: 'Department of Health', role: 'to' },
    ]);
    const download = await call('GET', `/api/v1/files/${imported.files[0]?.id}`);
    expect(sha256(download.rawPayload)).toBe(sha256(PDF));
  });

  it('unzips a file the sender zipped', async () => {
    const xml = gatewayPackage({ pdf: zipOf('x.pdf', PDF, true).toString('base64') }).replace(
      '<edXML:CodeNumber>815</edXML:CodeNumber>',
      '<edXML:CodeNumber>816</edXML:CodeNumber>',
    );
    const r = await call('POST', '/api/v1/documents/import/edxml', xml, true);
    expect(r.statusCode, r.body).toBe(201);
    expect((r.json() as CreateDocumentResult).document.files[0]?.sha256).toBe(sha256(PDF));
  });

  it('exports the package the gateway reads, which the importer reads back the same', async () => {
    const r = await call('GET', `/api/v1/documents/${imported.id}/edxml`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain(`<edXML xmlns="${EDXML_NS}">`);
    expect(r.body).toContain('<AttachmentEncoded>');
    const again = await call('GET', `/api/v1/documents/${imported.id}/edxml`);
    expect(again.body).toBe(r.body);
    const back = await call('POST', '/api/v1/documents/import/edxml', r.body, true);
    expect(back.statusCode, back.body).toBe(201);
    const copy = back.json() as CreateDocumentResult;
    const metadata = (d: DocumentDetail) => ({
      typeName: d.typeName,
      codeNumber: d.codeNumber,
      codeNotation: d.codeNotation,
      issuedDate: d.issuedDate,
      issuedPlace: d.issuedPlace,
      organ: d.organ,
      subject: d.subject,
      content: d.content,
      signer: d.signer,
      recipients: d.recipients,
      priority: d.priority,
      issuedAmount: d.issuedAmount,
      pageAmount: d.pageAmount,
      dueDate: d.dueDate,
      steeringType: d.steeringType,
      toPlaces: d.toPlaces,
      trace: d.trace,
      agencies: d.agencies,
    });
    expect(metadata(copy.document)).toEqual(metadata(imported));
    expect(copy.document.files.map((f) => [f.name, f.sha256])).toEqual([['815-STC-NS.pdf', sha256(PDF)]]);
    expect(copy.warnings.map((w) => w.code)).toEqual(['DUPLICATE_IDENTIFIER']);
  });

  it('still exports a bare envelope on request', async () => {
    const r = await call('GET', `/api/v1/documents/${imported.id}/edxml?shape=envelope`);
    expect(r.body).toContain('<edXML:edXMLEnvelope xmlns:edXML=');
    expect(r.body).toContain('<edXML:AttachmentContent>');
    expect(parseEdxml(r.body).attachments[0]?.content.equals(PDF)).toBe(true);
  });

  it('links stored documents to an agency when its national id is recorded later', async () => {
    const xml = gatewayPackage()
      .replace('<edXML:CodeNumber>815</edXML:CodeNumber>', '<edXML:CodeNumber>817</edXML:CodeNumber>')
      .replace(/000\.09\.27\.H27/g, '000.23.27.H27')
      .replace('Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh', 'Sở Xây dựng tỉnh Hà Tĩnh');
    const r = await call('POST', '/api/v1/documents/import/edxml', xml, true);
    const { document } = r.json() as CreateDocumentResult;
    expect(document.agencies.map((a) => a.code)).toEqual(['STC', 'SYT']);
    const saved = await giveNationalId('SXD', '000.23.27.H27');
    expect(saved.rematched).toBeGreaterThanOrEqual(1);
    const detail = (await call('GET', `/api/v1/documents/${document.id}`)).json() as DocumentDetail;
    expect(detail.agencies.map((a) => `${a.code}:${a.role}`)).toEqual(['STC:from', 'SXD:to', 'SYT:to']);
  });
});
