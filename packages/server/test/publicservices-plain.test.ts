import type { PlainDossier, PlainDossierList } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
let admin: string;

const post = (url: string, payload: object | string, contentType = 'application/json') =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: admin, 'content-type': contentType },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
const list = async (query = '') =>
  (
    await t.app.inject({ method: 'GET', url: `/api/v1/public-services/dossiers${query}`, headers: { cookie: admin } })
  ).json() as PlainDossierList;
const count = async () => (await list()).total;

const BIRTH: PlainDossier = {
  code: 'PL-001',
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  fieldCode: 'HT',
  fieldName: 'Hộ tịch',
  agency: 'UBND phường Thành Sen',
  channel: 'online',
  owner: 'Trần Thị B',
  ownerKind: 'citizen',
  receivedAt: '2025-03-03T08:30:00+07:00',
  dueAt: '2025-03-04T17:00:00+07:00',
  status: 10,
  finishedAt: '2025-03-04T10:00:00+07:00',
  returnedAt: '2025-03-04T15:00:00+07:00',
  paidOnline: false,
  digitised: true,
};
const LAND: PlainDossier = {
  code: 'PL-002',
  procedureCode: '1.004227',
  agency: 'SNNMT',
  channel: 'inPerson',
  receivedAt: '2025-03-05T09:00:00+07:00',
  dueAt: '2025-03-26T17:00:00+07:00',
  status: 5,
  paidOnline: true,
  digitised: false,
  supplements: [{ requestedAt: '2025-03-07T10:00:00+07:00', reason: 'Thiếu bản vẽ' }],
};

beforeAll(async () => {
  t = await startTestApp({}, { now: new Date('2025-03-10T03:00:00Z') });
  admin = await t.login('admin', ADMIN_PASSWORD);
});
afterAll(() => t.stop());

describe('dossiers in plain JSON', () => {
  it('refuses a batch with a bad dossier, naming each problem, and stores nothing', async () => {
    const response = await post('/api/v1/public-services/dossiers', {
      dossiers: [
        BIRTH,
        { ...LAND, receivedAt: '2025-02-30T09:00:00+07:00' },
        { ...BIRTH, code: 'PL-003', colour: 'red' },
      ],
    });
    expect(response.statusCode).toBe(400);
    const fields = (response.json().error.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(['/dossiers/1/receivedAt', '/dossiers/2/colour']);
    expect(await count()).toBe(0);
  });

  it('applies the good ones when asked, then reads them back as they were sent', async () => {
    const response = await post('/api/v1/public-services/dossiers?mode=valid', {
      dossiers: [BIRTH, LAND, { ...BIRTH, code: 'PL-003', status: 11 }],
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ received: 3, created: 2, refused: [{ index: 2, field: '/status' }] });
    const stored = await list();
    expect(stored.total).toBe(2);
    expect(stored.dossiers.find((d) => d.code === 'PL-001')).toEqual(BIRTH);
    expect(stored.dossiers.find((d) => d.code === 'PL-002')).toEqual({ ...LAND, agency: 'SNNMT' });
  });

  it('counts a plain dossier in the one-stop figures like a portal one', async () => {
    const summary = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/public-services/summary?period=202503',
        headers: { cookie: admin },
      })
    ).json();
    expect(summary.total).toMatchObject({ received: 2, finished: { total: 1, early: 0, onTime: 1, late: 0 } });
  });

  it('filters by agency, status and received day', async () => {
    expect((await list('?agency=SNNMT')).dossiers.map((d) => d.code)).toEqual(['PL-002']);
    expect((await list('?status=10')).dossiers.map((d) => d.code)).toEqual(['PL-001']);
    expect((await list('?from=2025-03-04&to=2025-03-05')).dossiers.map((d) => d.code)).toEqual(['PL-002']);
    expect((await list('?unit=18073')).dossiers.map((d) => d.code)).toEqual(['PL-001']);
  });
});

describe('dossiers as CSV', () => {
  it('exports what the import reads back unchanged', async () => {
    const csv = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/public-services/dossiers?format=csv',
        headers: { cookie: admin },
      })
    ).body;
    expect(csv.startsWith('\uFEFFcode,procedureCode')).toBe(true);
    expect(csv).toContain('2025-03-07T10:00:00+07:00|');
    const before = await list();
    const response = await post('/api/v1/public-services/dossiers/import', csv, 'text/csv');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ received: 2, refused: [] });
    expect(await list()).toEqual(before);
  });

  it('names the row and column of every bad cell and stores nothing', async () => {
    const csv = [
      'code,procedureCode,agency,receivedAt,status,channel,paidOnline',
      'PL-010,1.001193,UBND phường Thành Sen,2025-03-06T08:00:00+07:00,2,online,1',
      'PL-011,1.001193,UBND phường Thành Sen,2025-03-06T08:00:00+07:00,abc,online,1',
      'PL-012,1.001193,UBND phường Thành Sen,,2,fax,maybe',
    ].join('\n');
    const response = await post('/api/v1/public-services/dossiers/import', csv, 'text/csv');
    expect(response.statusCode).toBe(400);
    const fields = (response.json().error.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(['row 3: /status', 'row 4: /channel', 'row 4: /paidOnline', 'row 4: /receivedAt']);
    expect(await count()).toBe(2);
    const valid = await post('/api/v1/public-services/dossiers/import?mode=valid', csv, 'text/csv');
    expect(valid.json()).toMatchObject({ received: 3, created: 1 });
    expect(await count()).toBe(3);
  });

  it('refuses a file without the required columns', async () => {
    const response = await post('/api/v1/public-services/dossiers/import', 'code,name\nX,Y\n', 'text/csv');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].message).toContain(
      'missing column(s) procedureCode, agency, receivedAt, status',
    );
  });
});
