/**
 * The registers through the API: numbering per register and year (no gaps or duplicates under 50 concurrent
 * registrations, none used by a refused one), duplicate identifiers flagged, files checked and kept byte for byte,
 * search, edXML in and out, and the in/out summary.
 */
import { createHash } from 'node:crypto';
import type { CreateDocumentResult, DocumentDetail, DocumentPage, DocumentSummary } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as repo from '../src/modules/documents/documents.repo.ts';
import { parseEdxml } from '../src/modules/documents/edxml/edxml.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
let admin: string;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');

async function call(method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}) {
  const response = await t.app.inject({
    method,
    url,
    headers: { cookie: admin, ...headers },
    ...(payload === undefined ? {} : { payload: payload as string }),
  });
  return {
    status: response.statusCode,
    json: () => response.json(),
    raw: response.body,
    rawPayload: response.rawPayload,
  };
}

const outgoing = (subject: string, extra: Record<string, unknown> = {}) => ({
  direction: 'outgoing',
  typeName: 'Quyết định',
  codeNotation: 'QĐ-UBND',
  issuedDate: '2026-03-02',
  organ: { organId: '000.00.00.H23', organName: 'UBND tỉnh Hà Tĩnh' },
  subject,
  signer: { position: 'Chủ tịch', fullName: 'Nguyễn Văn A' },
  recipients: [{ organName: 'Sở Y tế' }, { organName: 'Sở Tài chính' }],
  ...extra,
});
const incoming = (subject: string, extra: Record<string, unknown> = {}) => ({
  direction: 'incoming',
  typeName: 'Công văn',
  codeNumber: '512',
  codeNotation: 'BYT-DP',
  issuedDate: '2026-03-01',
  arrivalDate: '2026-03-02T03:00:00Z',
  organ: { organId: '000.00.00.G22', organName: 'Bộ Y tế' },
  subject,
  ...extra,
});

beforeAll(async () => {
  t = await startTestApp({ IOC_MAX_UPLOAD_MB: '1' }, { now: new Date('2026-03-02T02:00:00Z') });
  admin = await t.login('admin', ADMIN_PASSWORD);
});
afterAll(() => t.stop());

describe('numbering', () => {
  it('gives 50 concurrent registrations the numbers 1–50, once each', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call('POST', '/api/v1/documents', outgoing(`Quyết định số thứ ${i}`))),
    );
    for (const r of results) expect(r.status, r.raw).toBe(201);
    const numbers = results.map((r) => (r.json() as CreateDocumentResult).document.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const codes = new Set(results.map((r) => (r.json() as CreateDocumentResult).document.codeNumber));
    expect(codes.size).toBe(50);
  });

  it('uses no number for a refused registration, and keeps incoming in its own register', async () => {
    const refused = await call(
      'POST',
      '/api/v1/documents',
      outgoing('Có tệp giả', {
        files: [
          { name: 'virus.pdf', mime: 'application/pdf', contentBase64: Buffer.from('MZ\x90\x00').toString('base64') },
        ],
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.json().error.details[0].field).toBe('/files/0');
    const next = (
      await call('POST', '/api/v1/documents', outgoing('Quyết định tiếp theo'))
    ).json() as CreateDocumentResult;
    expect(next.document).toMatchObject({
      number: 51,
      codeNumber: '51',
      label: '51/QĐ-UBND',
      register: 'DI',
      year: 2026,
    });
    const first = (
      await call('POST', '/api/v1/documents', incoming('Về phòng chống dịch'))
    ).json() as CreateDocumentResult;
    expect(first.document).toMatchObject({ number: 1, register: 'DEN', codeNumber: '512', label: '512/BYT-DP' });
  });

  it('starts again at 1 in a new year', async () => {
    const r = (
      await call('POST', '/api/v1/documents', outgoing('Năm mới', { issuedDate: '2027-01-04' }))
    ).json() as CreateDocumentResult;
    expect(r.document).toMatchObject({ year: 2027, number: 1 });
  });
});

describe('identifiers and files', () => {
  it('flags a second document with the same agency, number, notation and year, and stores it', async () => {
    const again = await call('POST', '/api/v1/documents', incoming('Về phòng chống dịch (bản sao)'));
    expect(again.status).toBe(201);
    const body = again.json() as CreateDocumentResult;
    expect(body.warnings).toHaveLength(1);
    expect(body.warnings[0]).toMatchObject({ code: 'DUPLICATE_IDENTIFIER' });
    expect(body.document.number).toBe(2);
  });

  it('refuses an incoming document without its sender number, naming the field', async () => {
    const r = await call('POST', '/api/v1/documents', { ...incoming('x'), codeNumber: undefined });
    expect(r.status).toBe(400);
    expect(r.json().error.details[0].field).toBe('/codeNumber');
  });

  it('keeps a file with its checksum and gives it back byte for byte', async () => {
    const created = (await call(
      'POST',
      '/api/v1/documents',
      outgoing('Kèm tệp', {
        files: [{ name: 'Quyết định.pdf', mime: 'application/pdf', contentBase64: PDF.toString('base64') }],
      }),
    ).then((r) => r.json())) as CreateDocumentResult;
    const [file] = created.document.files;
    expect(file).toMatchObject({ name: 'Quyết định.pdf', mime: 'application/pdf', size: PDF.length });
    expect(file?.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    const download = await call('GET', `/api/v1/files/${file?.id}`);
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.rawPayload, PDF)).toBe(0);

    const added = await call('POST', `/api/v1/documents/${created.document.id}/files?name=ghi-chu.txt`, 'Ghi chú', {
      'content-type': 'application/octet-stream',
    });
    expect(added.status, added.raw).toBe(201);
    const exe = await call('POST', `/api/v1/documents/${created.document.id}/files?name=setup.exe`, 'MZ', {
      'content-type': 'application/octet-stream',
    });
    expect(exe.status).toBe(400);
    const big = await call(
      'POST',
      `/api/v1/documents/${created.document.id}/files?name=big.txt`,
      'a'.repeat(1024 * 1024 + 1),
      {
        'content-type': 'application/octet-stream',
      },
    );
    expect(big.status).toBe(413);
    const detail = (await call('GET', `/api/v1/documents/${created.document.id}`)).json() as DocumentDetail;
    expect(detail.files.map((f) => f.name)).toEqual(['Quyết định.pdf', 'ghi-chu.txt']);
  });
});

describe('search', () => {
  it('finds by subject words without accents, a prefix, number, agency and dates', async () => {
    await call(
      'POST',
      '/api/v1/documents',
      outgoing('Kế hoạch phòng, chống thiên tai năm 2026', { typeName: 'Kế hoạch', codeNotation: 'KH-UBND' }),
    );
    await call(
      'POST',
      '/api/v1/documents',
      incoming('Hướng dẫn phòng chống sốt xuất huyết', { codeNumber: '77', issuedDate: '2026-02-20' }),
    );
    const find = async (query: string) =>
      ((await call('GET', `/api/v1/documents?${query}`)).json() as DocumentPage).documents.map((d) => d.subject);
    expect(await find('q=thien%20tai')).toEqual(['Kế hoạch phòng, chống thiên tai năm 2026']);
    expect(await find('q=phong%20chong%20thie')).toEqual(['Kế hoạch phòng, chống thiên tai năm 2026']);
    expect(await find('q=sot%20xuat')).toEqual(['Hướng dẫn phòng chống sốt xuất huyết']);
    expect(await find('number=77')).toEqual(['Hướng dẫn phòng chống sốt xuất huyết']);
    expect(await find('notation=KH-UBND')).toEqual(['Kế hoạch phòng, chống thiên tai năm 2026']);
    expect((await find('organ=bo%20y%20te&direction=incoming')).length).toBe(3);
    expect((await find('organ=000.00.00.G22')).length).toBe(3);
    expect(await find('direction=incoming&from=2026-02-15&to=2026-02-28')).toEqual([
      'Hướng dẫn phòng chống sốt xuất huyết',
    ]);
    expect(await find('q=khong%20co%20dau%20nao')).toEqual([]);
  });

  it('gives the same answer whichever way a search runs (rare word first, per document, newest window, intersection)', async () => {
    const ids = (rows: { id: number }[]) => rows.map((r) => Number(r.id));
    for (const words of [
      [{ term: 'phong' }, { term: 'chong' }],
      [{ term: 'quyet' }, { prefix: 'th' }],
      [{ term: 'thien' }, { term: 'huyet' }],
    ] as repo.WordMatch[][]) {
      const filter: repo.DocumentFilter = { words, driver: null, limit: 5 };
      const expected = ids(await repo.searchDocuments(t.platform.db, filter));
      expect(ids(await repo.searchDocuments(t.platform.db, { ...filter, driver: 0 }))).toEqual(expected);
      expect(ids(await repo.searchDocuments(t.platform.db, { ...filter, driver: 1 }))).toEqual(expected);
      expect(ids(await repo.searchByIntersection(t.platform.db, filter))).toEqual(expected);
      expect(ids(await repo.searchRecent(t.platform.db, filter, 1_000))).toEqual(expected);
      // A window too small to fill the page finds only what lies in it.
      const window = ids(await repo.searchRecent(t.platform.db, filter, 3));
      expect(expected.slice(0, window.length)).toEqual(window.filter((id) => expected.includes(id)));
    }
    const phong = ids(
      await repo.searchDocuments(t.platform.db, {
        words: [{ term: 'phong' }, { term: 'chong' }],
        driver: null,
        limit: 50,
      }),
    );
    expect(phong.length).toBe(4);
  });

  it('pages with a cursor, newest first', async () => {
    const first = (await call('GET', '/api/v1/documents?direction=outgoing&limit=20')).json() as DocumentPage;
    expect(first.documents).toHaveLength(20);
    const second = (
      await call('GET', `/api/v1/documents?direction=outgoing&limit=20&before=${first.next}`)
    ).json() as DocumentPage;
    expect(Math.max(...second.documents.map((d) => d.id))).toBeLessThan(Math.min(...first.documents.map((d) => d.id)));
  });
});

const ENVELOPE = (subject: string, attachment: string) => `<?xml version="1.0" encoding="UTF-8"?>
<edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">
  <edXML:edXMLHeader>
    <edXML:MessageHeader>
      <edXML:From><edXML:OrganId>000.00.00.G12</edXML:OrganId><edXML:OrganName>Bộ Giáo dục và Đào tạo</edXML:OrganName></edXML:From>
      <edXML:To><edXML:OrganId>000.00.00.H23</edXML:OrganId><edXML:OrganName>UBND tỉnh Hà Tĩnh</edXML:OrganName></edXML:To>
      <edXML:Code><edXML:CodeNumber>4120</edXML:CodeNumber><edXML:CodeNotation>BGDĐT-GDPT</edXML:CodeNotation></edXML:Code>
      <edXML:PromulgationInfo><edXML:Place>Hà Nội</edXML:Place><edXML:PromulgationDate>2026/02/27</edXML:PromulgationDate></edXML:PromulgationInfo>
      <edXML:DocumentType><edXML:TypeName>Công văn</edXML:TypeName></edXML:DocumentType>
      ${subject}
      <edXML:SignerInfo><edXML:Position>Thứ trưởng</edXML:Position><edXML:FullName>Phạm Văn B</edXML:FullName></edXML:SignerInfo>
      <edXML:DueDate>2026/03/31</edXML:DueDate>
      <edXML:OtherInfo><edXML:Priority>1</edXML:Priority><edXML:PageAmount>2</edXML:PageAmount></edXML:OtherInfo>
    </edXML:MessageHeader>
    <edXML:TraceHeaderList><edXML:TraceHeader><edXML:OrganId>000.00.00.G12</edXML:OrganId><edXML:Timestamp>2026/02/27 16:05:00</edXML:Timestamp></edXML:TraceHeader></edXML:TraceHeaderList>
  </edXML:edXMLHeader>
  <edXML:edXMLBody>
    <edXML:DocumentAttachment>
      <edXML:AttachmentName>cong-van-4120.pdf</edXML:AttachmentName>
      <edXML:ContentType>application/pdf</edXML:ContentType>
      <edXML:AttachmentContent>${attachment}</edXML:AttachmentContent>
    </edXML:DocumentAttachment>
  </edXML:edXMLBody>
</edXML:edXMLEnvelope>`;
const SUBJECT = '<edXML:Subject>Về việc hướng dẫn kiểm tra cuối học kỳ II</edXML:Subject>';
const xml = { 'content-type': 'application/xml' };

describe('edXML', () => {
  it('imports an envelope as an incoming document with its attachment', async () => {
    const r = await call('POST', '/api/v1/documents/import/edxml', ENVELOPE(SUBJECT, PDF.toString('base64')), xml);
    expect(r.status, r.raw).toBe(201);
    const { document } = r.json() as CreateDocumentResult;
    expect(document).toMatchObject({
      direction: 'incoming',
      register: 'DEN',
      label: '4120/BGDĐT-GDPT',
      issuedDate: '2026-02-27',
      dueDate: '2026-03-31',
      priority: 1,
      pageAmount: 2,
      organ: { organId: '000.00.00.G12', organName: 'Bộ Giáo dục và Đào tạo' },
      recipients: [{ organId: '000.00.00.H23', organName: 'UBND tỉnh Hà Tĩnh' }],
      signer: { position: 'Thứ trưởng', fullName: 'Phạm Văn B' },
      arrivalDate: '2026-03-02T02:00:00.000Z',
    });
    expect(document.trace).toHaveLength(1);
    expect(document.files).toEqual([expect.objectContaining({ name: 'cong-van-4120.pdf', size: PDF.length })]);
  });

  it('refuses a broken envelope naming the field, and stores nothing', async () => {
    const before = ((await call('GET', '/api/v1/documents?limit=200')).json() as DocumentPage).documents.length;
    const missing = await call('POST', '/api/v1/documents/import/edxml', ENVELOPE('', PDF.toString('base64')), xml);
    expect(missing.status).toBe(400);
    expect(missing.json().error.details).toEqual([
      expect.objectContaining({ field: 'edXMLHeader/MessageHeader/Subject' }),
    ]);
    const notXml = await call(
      'POST',
      '/api/v1/documents/import/edxml',
      ENVELOPE(SUBJECT, 'x').replace('</edXML:edXMLBody>', ''),
      xml,
    );
    expect(notXml.status).toBe(400);
    expect(notXml.json().error.message).toContain('not well-formed');
    const exe = await call(
      'POST',
      '/api/v1/documents/import/edxml',
      ENVELOPE(SUBJECT, Buffer.from('MZ\x90\x00binary').toString('base64')),
      xml,
    );
    expect(exe.status).toBe(400);
    expect(((await call('GET', '/api/v1/documents?limit=200')).json() as DocumentPage).documents.length).toBe(before);
  });

  it("exports a document's metadata as an envelope that reads back the same", async () => {
    const page = (await call('GET', '/api/v1/documents?notation=KH-UBND')).json() as DocumentPage;
    const id = page.documents[0]?.id;
    const r = await call('GET', `/api/v1/documents/${id}/edxml`);
    expect(r.status).toBe(200);
    const back = parseEdxml(r.raw);
    expect(back.fields).toMatchObject({
      codeNotation: 'KH-UBND',
      subject: 'Kế hoạch phòng, chống thiên tai năm 2026',
      issuedDate: '2026-03-02',
      organ: { organId: '000.00.00.H23', organName: 'UBND tỉnh Hà Tĩnh' },
      recipients: [{ organName: 'Sở Y tế' }, { organName: 'Sở Tài chính' }],
    });
  });
});

describe('summary', () => {
  it('counts documents in and out per month and per agency', async () => {
    const s = (await call('GET', '/api/v1/documents/summary?year=2026')).json() as DocumentSummary;
    // 50 + 1 + file + plan outgoing in March; incoming: 2 × Bộ Y tế (March) + 1 Bộ Y tế and 1 edXML (February).
    expect(s.outgoing).toBe(53);
    expect(s.incoming).toBe(4);
    expect(s.byMonth).toEqual([
      { month: '2026-02', incoming: 2, outgoing: 0 },
      { month: '2026-03', incoming: 2, outgoing: 53 },
    ]);
    expect(s.byOrgan[0]).toEqual({ organName: 'Sở Tài chính', incoming: 0, outgoing: 53 });
    expect(s.byOrgan.find((o) => o.organName === 'Bộ Y tế')).toEqual({
      organName: 'Bộ Y tế',
      incoming: 3,
      outgoing: 0,
    });
  });
});
