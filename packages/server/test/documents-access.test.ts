/**
 * Who reads which documents (issue 11 §3): leaders and the operator read the whole register; a department officer
 * reads their agency's documents and those of its tasks; a commune officer their commune's. Out of scope means absent
 * from lists, searches and counts, and not found on detail, file and edXML.
 */
import type { BusEvent, CreateDocumentBody, CreateDocumentResult, DocumentPage, DocumentSummary } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/modules/auth/actor.ts';
import { readableAgencies, registrarLink } from '../src/modules/documents/document-access.ts';
import { readableIdsUpTo } from '../src/modules/documents/document-agencies.repo.ts';
import { DocumentLinker } from '../src/modules/documents/document-linker.ts';
import { documentRow, identKey } from '../src/modules/documents/document-row.ts';
import * as repo from '../src/modules/documents/documents.repo.ts';
import { deleteSetting } from '../src/modules/settings/settings.repo.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
const cookies: Record<string, string> = {};
const ids: Record<string, number> = {};
let fileOfBuilding = 0;
let wardName = '';

const call = (user: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: cookies[user] ?? '' }, ...(payload ? { payload } : {}) });
const listed = async (user: string, query = 'limit=200') => {
  const r = await call(user, 'GET', `/api/v1/documents?${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return (r.json() as DocumentPage).documents.map((d) => d.id);
};
const named = (...keys: string[]) => keys.map((k) => ids[k]);
const sorted = (xs: (number | undefined)[]) => [...xs].sort((a, b) => (a ?? 0) - (b ?? 0));

function body(
  direction: 'incoming' | 'outgoing',
  subject: string,
  organ: string,
  recipients: string[],
): CreateDocumentBody {
  return {
    direction,
    typeName: 'Công văn',
    ...(direction === 'incoming' ? { codeNumber: String(100 + Object.keys(ids).length) } : {}),
    codeNotation: direction === 'incoming' ? 'CV' : 'UBND-VX',
    issuedDate: '2026-02-20',
    organ: { organName: organ },
    subject,
    recipients: recipients.map((organName) => ({ organName })),
  };
}

async function register(key: string, doc: CreateDocumentBody) {
  const r = await call('admin', 'POST', '/api/v1/documents', doc);
  expect(r.statusCode, r.body).toBe(201);
  const created = r.json() as CreateDocumentResult;
  ids[key] = created.document.id;
  return created;
}

beforeAll(async () => {
  t = await startTestApp({ IOC_SESSION_HOURS: '720' }, { now: new Date('2026-03-02T02:00:00Z') });
  cookies.admin = await t.login('admin', ADMIN_PASSWORD);
  const people = [
    { username: 'leader', roles: ['leader'], orgUnitCode: '42' },
    { username: 'operator', roles: ['operator'], orgUnitCode: '42' },
    { username: 'health', roles: ['unit_officer'], orgUnitCode: '42', agencyCode: 'SYT' },
    { username: 'ward', roles: ['unit_officer'], orgUnitCode: '18073' },
  ];
  for (const p of people) {
    await t.createUser(cookies.admin, { ...p, displayName: p.username, password: 'password-1234' });
    cookies[p.username] = await t.login(p.username, 'password-1234');
  }
  wardName = (await t.services.agencies.find('UBND_18073'))?.name ?? '';
  await register('ministry', body('incoming', 'Về phòng chống dịch sởi', 'Bộ Y tế', ['UBND tỉnh Hà Tĩnh']));
  await register('toHealth', body('outgoing', 'Về phòng chống dịch sốt xuất huyết', 'UBND tỉnh Hà Tĩnh', ['Sở Y tế']));
  await register('fromHealth', body('incoming', 'Báo cáo tình hình dịch bệnh', 'Sở Y tế', ['UBND tỉnh Hà Tĩnh']));
  await register('toEducation', body('outgoing', 'Về y tế học đường', 'UBND tỉnh Hà Tĩnh', ['Sở Giáo dục và Đào tạo']));
  const building = await register('toBuilding', {
    ...body('outgoing', 'Về kiểm tra công trình phòng dịch', 'UBND tỉnh Hà Tĩnh', ['Sở Xây dựng']),
    files: [{ name: 'ke-hoach.txt', mime: 'text/plain', contentBase64: Buffer.from('Kế hoạch').toString('base64') }],
  });
  fileOfBuilding = building.document.files[0]?.id ?? 0;
  await register('fromWard', body('incoming', 'Báo cáo phòng chống dịch của phường', wardName, ['UBND tỉnh Hà Tĩnh']));
  await register('wardTask', body('outgoing', 'Về chỉnh trang đô thị', 'UBND tỉnh Hà Tĩnh', ['Sở Tài chính']));
  for (const [key, leadUnit, cooperatingUnits] of [
    ['toEducation', 'SGDDT', ['SYT']],
    ['wardTask', 'UBND_18073', []],
  ] as const) {
    const r = await call('leader', 'POST', '/api/v1/tasks', {
      title: `Nhiệm vụ theo văn bản ${key}`,
      documentId: ids[key],
      leadUnit,
      cooperatingUnits,
      dueDate: '2026-03-31',
    });
    expect(r.statusCode, r.body).toBe(201);
  }
});
afterAll(() => t.stop());

describe('the reading rule', () => {
  it('leaders, root-scope users without an agency and the registrar', async () => {
    const agencies = await t.services.agencies.list();
    const actor = (scope: Actor['scope'], assigns = false): Actor => ({
      type: 'user',
      id: 1,
      name: 'x',
      ip: null,
      permissions: new Set(assigns ? ['documents.read', 'tasks.assign'] : ['documents.read']),
      scope,
      mustChangePassword: false,
    });
    const covers = (unit: string) => async (u: string) => u === unit;
    expect(await readableAgencies(actor({ unitId: '18073' }, true), agencies, '42', covers('18073'))).toBeNull();
    expect(await readableAgencies(actor({ unitId: '42' }), agencies, '42', covers('42'))).toBeNull();
    expect(await readableAgencies(actor({ unitId: '42', agency: 'SYT' }), agencies, '42', covers('42'))).toEqual([
      'SYT',
    ]);
    expect(await readableAgencies(actor({ unitId: '18073' }), agencies, '42', covers('18073'))).toEqual(['UBND_18073']);
    expect(registrarLink(actor({ unitId: '42', agency: 'SYT' }), agencies, '42', 'incoming')).toEqual({
      agencyCode: 'SYT',
      role: 'to',
    });
    expect(registrarLink(actor({ unitId: '18073' }), agencies, '42', 'outgoing')).toEqual({
      agencyCode: 'UBND_18073',
      role: 'from',
    });
    expect(registrarLink(actor({ unitId: '42' }), agencies, '42', 'incoming')).toBeNull();
  });
});

describe('a department officer (Sở Y tế)', () => {
  it('reads the documents to and from their agency and those of the tasks it works on', async () => {
    expect(sorted(await listed('health'))).toEqual(sorted(named('toHealth', 'fromHealth', 'toEducation')));
    const detail = await call('health', 'GET', `/api/v1/documents/${ids.toHealth}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().agencies).toEqual([
      { code: 'SYT', name: 'Sở Y tế', nameEn: 'Department of Health', role: 'to' },
    ]);
    expect((await call('health', 'GET', `/api/v1/documents/${ids.toEducation}`)).statusCode).toBe(200);
  });

  it('searches and pages within them only', async () => {
    expect(sorted(await listed('health', 'q=dịch'))).toEqual(sorted(named('toHealth', 'fromHealth')));
    expect(await listed('health', 'q=sởi')).toEqual([]);
    expect(await listed('health', 'q=công trình')).toEqual([]);
    expect(await listed('health', 'direction=incoming')).toEqual(named('fromHealth'));
    const first = (await call('health', 'GET', '/api/v1/documents?limit=2')).json() as DocumentPage;
    expect(first.documents).toHaveLength(2);
    const rest = await listed('health', `limit=2&before=${first.next}`);
    expect(sorted([...first.documents.map((d) => d.id), ...rest])).toEqual(
      sorted(named('toHealth', 'fromHealth', 'toEducation')),
    );
  });

  it('gets the same answer whichever way a scoped search runs', async () => {
    const rows = (list: { id: number }[]) => list.map((r) => Number(r.id));
    const db = t.platform.db;
    for (const words of [[{ term: 'dich' }], [{ term: 'phong' }, { prefix: 'dic' }], []] as repo.WordMatch[][]) {
      const filter: repo.DocumentFilter = { words, driver: null, agencies: ['SYT'], limit: 50 };
      const expected = rows(await repo.searchDocuments(db, filter));
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.every((id) => [ids.toHealth, ids.fromHealth, ids.toEducation].includes(id))).toBe(true);
      const readable = await readableIdsUpTo(db, ['SYT'], 2_000);
      expect(rows(await repo.searchDocuments(db, { ...filter, driver: 'scope', readable }))).toEqual(expected);
      if (words.length === 0) continue;
      expect(rows(await repo.searchDocuments(db, { ...filter, driver: 0 }))).toEqual(expected);
      expect(rows(await repo.searchRecent(db, filter, 1_000))).toEqual(expected);
      expect(rows(await repo.searchByIntersection(db, filter))).toEqual(expected);
    }
  });

  it('counts only them', async () => {
    const s = (await call('health', 'GET', '/api/v1/documents/summary?year=2026')).json() as DocumentSummary;
    expect([s.incoming, s.outgoing]).toEqual([1, 2]);
    expect(s.byOrgan.map((o) => o.organName).sort()).toEqual(['Sở Giáo dục và Đào tạo', 'Sở Y tế'].sort());
  });

  it('finds no document of another agency: not its detail, its file nor its edXML', async () => {
    for (const url of [
      `/api/v1/documents/${ids.toBuilding}`,
      `/api/v1/documents/${ids.ministry}`,
      `/api/v1/documents/${ids.toBuilding}/edxml`,
      `/api/v1/files/${fileOfBuilding}`,
    ]) {
      const r = await call('health', 'GET', url);
      expect(r.statusCode, url).toBe(404);
      expect(r.json().error.code).toBe('NOT_FOUND');
    }
    expect((await call('admin', 'GET', `/api/v1/files/${fileOfBuilding}`)).statusCode).toBe(200);
  });
});

describe('a commune officer (Phường Thành Sen)', () => {
  it("reads their commune's documents and those of its tasks, nothing else", async () => {
    expect(sorted(await listed('ward'))).toEqual(sorted(named('fromWard', 'wardTask')));
    expect(await listed('ward', 'q=dịch')).toEqual(named('fromWard'));
    expect((await call('ward', 'GET', `/api/v1/documents/${ids.toHealth}`)).statusCode).toBe(404);
    const s = (await call('ward', 'GET', '/api/v1/documents/summary?year=2026')).json() as DocumentSummary;
    expect([s.incoming, s.outgoing]).toEqual([1, 1]);
  });
});

describe('leaders and the operator', () => {
  it('read the whole register', async () => {
    const all = sorted(Object.values(ids));
    for (const user of ['leader', 'operator']) {
      expect(sorted(await listed(user))).toEqual(all);
      const s = (await call(user, 'GET', '/api/v1/documents/summary?year=2026')).json() as DocumentSummary;
      expect(s.incoming + s.outgoing).toBe(all.length);
      expect((await call(user, 'GET', `/api/v1/documents/${ids.ministry}`)).statusCode).toBe(200);
    }
  });
});

describe('registration', () => {
  it('announces a document to the agencies it names and their units', async () => {
    const events: BusEvent[] = [];
    const stop = t.platform.bus.subscribe((event) => events.push(event));
    await register('live', body('outgoing', 'Về tiêm chủng mở rộng', 'UBND tỉnh Hà Tĩnh', ['Sở Y tế', wardName]));
    stop();
    const event = events.find((e) => e.name === 'document.registered');
    expect(event?.shared).toEqual({ agencies: ['SYT', 'UBND_18073'], units: ['42', '18073'] });
  });

  it("links the registering officer's agency, so they read what they registered", async () => {
    const clerk: Actor = {
      type: 'user',
      id: null,
      name: 'van-thu-syt',
      ip: null,
      permissions: new Set(['documents.read', 'documents.write']),
      scope: { unitId: '42', agency: 'SYT' },
      mustChangePassword: false,
    };
    const { document } = await t.services.documents.documents.create(
      clerk,
      body('incoming', 'Về giám sát dịch cúm', 'Cục Y tế dự phòng', ['UBND tỉnh Hà Tĩnh']),
    );
    expect(document.agencies.map((a) => `${a.code}:${a.role}`)).toEqual(['SYT:to']);
    expect(await listed('health', 'q=cúm')).toEqual([document.id]);
  });

  it('links, once, the documents registered before the links existed', async () => {
    const doc = body('incoming', 'Về quản lý chất thải y tế', 'Sở Y tế', []);
    const id = await t.platform.db.transaction().execute((trx) =>
      repo.insertDocument(
        trx,
        documentRow(
          { ...doc, codeNumber: '999' },
          {
            register: 'DEN',
            year: 2026,
            number: 999,
            codeNumber: '999',
            arrival: '2026-02-21T01:00:00.000Z',
            identKey: identKey(doc.organ, '999', doc.codeNotation, doc.issuedDate),
          },
          new Date(),
          'before links',
        ),
        ['chat', 'thai'],
      ),
    );
    expect((await call('health', 'GET', `/api/v1/documents/${id}`)).statusCode).toBe(404);
    const linker = new DocumentLinker(t.platform, t.services.agencies);
    expect(await linker.linkEarlier()).toBe(0);
    await deleteSetting(t.platform.db, 'documents.agencyLinks');
    expect(await linker.linkEarlier()).toBeGreaterThanOrEqual(1);
    expect((await call('health', 'GET', `/api/v1/documents/${id}`)).json().agencies).toEqual([
      expect.objectContaining({ code: 'SYT', role: 'from' }),
    ]);
    expect(await linker.linkEarlier()).toBe(0);
  });
});
