import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../src/lib/csv-reader.ts';
import { type CatalogueProcedure, catalogueRates } from '../src/modules/publicservices/catalogue/catalogue-rates.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
let admin: string;
let officer: string;

const send = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object, cookie = admin) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const importCsv = (csv: string | Buffer, mode?: string, cookie = admin) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/public-services/procedures/import${mode ? `?mode=${mode}` : ''}`,
    headers: { cookie, 'content-type': 'text/csv; charset=utf-8' },
    payload: csv,
  });
const countProcedures = async () =>
  Number(
    (
      await t.platform.db
        .selectFrom('ps_procedures')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const HEADER = 'code,name,field_code,field_name,level,agency_code,online_level,online_payment,deadline_days,fee_vnd';

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin', ADMIN_PASSWORD);
  await t.createUser(admin, {
    username: 'thanhsen.officer',
    displayName: 'Cán bộ phường Thành Sen',
    roles: ['unit_officer'],
    orgUnitCode: '18073',
    password: 'officer-pass-1',
  });
  officer = await t.login('thanhsen.officer', 'officer-pass-1');
});
afterAll(() => t.stop());

describe('fields and procedures, kept by hand', () => {
  it('saves a field and a procedure, and reads them back', async () => {
    const field = await send('PUT', '/api/v1/public-services/fields/HT', { name: 'Hộ tịch', nameEn: 'Civil status' });
    expect(field.statusCode, field.body).toBe(200);
    expect(field.json()).toEqual({ code: 'HT', name: 'Hộ tịch', nameEn: 'Civil status' });
    const saved = await send('PUT', '/api/v1/public-services/procedures/1.001193.000.00.00.H28', {
      name: 'Đăng ký khai sinh',
      fieldCode: 'HT',
      level: 'commune',
      onlineLevel: 'full',
      onlinePayment: true,
      deadlineDays: 1,
      feeVnd: 8000,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      code: '1.001193.000.00.00.H28',
      fieldName: 'Hộ tịch',
      level: 'commune',
      agencyCode: null,
      onlineLevel: 'full',
      onlinePayment: true,
      deadlineDays: 1,
      feeVnd: 8000,
    });
    const one = await send('GET', '/api/v1/public-services/procedures/1.001193.000.00.00.H28', undefined, officer);
    expect(one.statusCode).toBe(200);
    expect(one.json().name).toBe('Đăng ký khai sinh');
    expect((await send('GET', '/api/v1/public-services/procedures/NOPE')).statusCode).toBe(404);
    expect((await send('GET', '/api/v1/public-services/fields')).json()).toEqual([
      { code: 'HT', name: 'Hộ tịch', nameEn: 'Civil status' },
    ]);
  });

  it('checks the field, and the agency against the tier', async () => {
    const base = { name: 'Cấp phiếu lý lịch tư pháp', level: 'province', onlineLevel: 'partial' };
    const unknownField = await send('PUT', '/api/v1/public-services/procedures/2.000488', {
      ...base,
      fieldCode: 'LLTP',
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error.details).toEqual([
      expect.objectContaining({ field: '/fieldCode', rule: 'unknown' }),
    ]);
    await send('PUT', '/api/v1/public-services/fields/LLTP', { name: 'Lý lịch tư pháp' });
    const communeAgency = await send('PUT', '/api/v1/public-services/procedures/2.000488', {
      ...base,
      fieldCode: 'LLTP',
      agencyCode: 'UBND_18073',
    });
    expect(communeAgency.statusCode).toBe(400);
    expect(communeAgency.json().error.details[0]).toMatchObject({ field: '/agencyCode', rule: 'agency' });
    const communeWithAgency = await send('PUT', '/api/v1/public-services/procedures/2.000488', {
      ...base,
      level: 'commune',
      fieldCode: 'LLTP',
      agencyCode: 'STP',
    });
    expect(communeWithAgency.statusCode).toBe(400);
    const ok = await send('PUT', '/api/v1/public-services/procedures/2.000488', {
      ...base,
      fieldCode: 'LLTP',
      agencyCode: 'STP',
      feeVnd: 200000,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ agencyCode: 'STP', onlinePayment: false, deadlineDays: null, feeVnd: 200000 });
  });

  it('filters by field, agency, tier and text without accents or case', async () => {
    const codes = async (query: string) =>
      ((await send('GET', `/api/v1/public-services/procedures${query}`)).json() as { code: string }[]).map(
        (p) => p.code,
      );
    expect(await codes('')).toEqual(['1.001193.000.00.00.H28', '2.000488']);
    expect(await codes('?field=LLTP')).toEqual(['2.000488']);
    expect(await codes('?agency=STP')).toEqual(['2.000488']);
    expect(await codes('?level=commune')).toEqual(['1.001193.000.00.00.H28']);
    expect(await codes('?q=KHAI%20SINH')).toEqual(['1.001193.000.00.00.H28']);
    expect(await codes(`?q=${encodeURIComponent('lý lịch')}`)).toEqual(['2.000488']);
    expect(await codes('?q=ly%20lich%20tu%20phap')).toEqual(['2.000488']);
    expect(await codes('?q=001193')).toEqual(['1.001193.000.00.00.H28']);
    expect(await codes('?q=nothing')).toEqual([]);
  });

  it('refuses writes without publicservices.manage (403), reads are fine', async () => {
    const write = await send('PUT', '/api/v1/public-services/fields/HT', { name: 'x' }, officer);
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('FORBIDDEN');
    expect((await importCsv(`${HEADER}\n`, undefined, officer)).statusCode).toBe(403);
    expect((await send('GET', '/api/v1/public-services/fields', undefined, officer)).statusCode).toBe(200);
    const field = await send('GET', '/api/v1/public-services/fields', undefined, officer);
    expect(field.json()[0].name).toBe('Hộ tịch');
  });
});

describe('CSV import', () => {
  const good = [
    HEADER,
    '1.001193.000.00.00.H28,Đăng ký khai sinh,HT,,commune,,full,1,1,8000',
    '"1.000894.000.00.00.H28","Đăng ký kết hôn, có yếu tố ""nước ngoài""",HT,,province,STP,partial,0,10,1000000',
    // a new field, named on its row; a name spanning two lines
    '1.004227,"Cấp giấy phép xây dựng\r\nnhà ở riêng lẻ",XD,Xây dựng,commune,,none,no,15,',
  ].join('\r\n');

  it('reads RFC 4180 CSV: BOM, quotes, commas, quotes and line breaks inside fields, semicolons', () => {
    const read = readCsv(`\uFEFF${good}\r\n\r\n`);
    if (!read.ok) throw new Error(read.message);
    expect(read.header[0]).toBe('code');
    expect(read.records.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(read.records[1]!.cells[1]).toBe('Đăng ký kết hôn, có yếu tố "nước ngoài"');
    expect(read.records[2]!.cells[1]).toBe('Cấp giấy phép xây dựng\r\nnhà ở riêng lẻ');
    const semicolons = readCsv('code;name\nA;"x;y"\n');
    expect(semicolons.ok && semicolons.records[0]!.cells).toEqual(['A', 'x;y']);
    expect(readCsv('code,name\nA,"open')).toEqual({ ok: false, row: 2, message: 'a quoted field is not closed' });
  });

  it('stores a good file in one go, creating the field a row names, and changes nothing the second time', async () => {
    const before = await countProcedures();
    const response = await importCsv(Buffer.from(`\uFEFF${good}\r\n`, 'utf8'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      applied: true,
      rows: 3,
      created: 2,
      updated: 0,
      unchanged: 1,
      fieldsCreated: ['XD'],
      refused: [],
    });
    expect(await countProcedures()).toBe(before + 2);
    const marriage = (await send('GET', '/api/v1/public-services/procedures/1.000894.000.00.00.H28')).json();
    expect(marriage).toMatchObject({
      name: 'Đăng ký kết hôn, có yếu tố "nước ngoài"',
      level: 'province',
      agencyCode: 'STP',
      onlineLevel: 'partial',
      onlinePayment: false,
      deadlineDays: 10,
      feeVnd: 1000000,
    });
    const permit = (await send('GET', '/api/v1/public-services/procedures/1.004227')).json();
    expect(permit).toMatchObject({ fieldCode: 'XD', fieldName: 'Xây dựng', onlineLevel: 'none', feeVnd: null });
    expect(permit.name).toBe('Cấp giấy phép xây dựng\r\nnhà ở riêng lẻ');

    const again = await importCsv(good);
    expect(again.json()).toMatchObject({ applied: true, created: 0, updated: 0, unchanged: 3, fieldsCreated: [] });
  });

  const bad = [
    HEADER,
    '2.001,Thủ tục tốt,HT,,commune,,full,1,5,0',
    '2.002,Cấp sai,HT,,district,,full,1,5,0',
    '2.003,Lĩnh vực lạ,ZZ,,commune,,full,maybe,5,"50.000"',
    '2.001,Trùng mã,HT,,province,UBND_18073,none,0,,',
  ].join('\n');

  it('refuses a file with bad rows, naming every row and column, and stores nothing', async () => {
    const before = await countProcedures();
    const response = await importCsv(bad);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toContain('nothing was stored');
    expect(body.error.details.map((d: { field: string; rule: string }) => [d.field, d.rule])).toEqual([
      ['/rows/3/level', 'enum'],
      ['/rows/4/field_code', 'unknown'],
      ['/rows/4/online_payment', 'type'],
      ['/rows/4/fee_vnd', 'type'],
      ['/rows/5/code', 'duplicate'],
      ['/rows/5/agency_code', 'agency'],
    ]);
    expect(await countProcedures()).toBe(before);
    expect((await send('GET', '/api/v1/public-services/procedures/2.001')).statusCode).toBe(404);
  });

  it('with mode=valid stores the good rows and reports the bad', async () => {
    const response = await importCsv(bad, 'valid');
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ applied: true, rows: 4, created: 1, updated: 0, unchanged: 0 });
    expect(report.refused.map((p: { row: number; column: string }) => `${p.row}:${p.column}`)).toEqual([
      '3:level',
      '4:field_code',
      '4:online_payment',
      '4:fee_vnd',
      '5:code',
      '5:agency_code',
    ]);
    expect((await send('GET', '/api/v1/public-services/procedures/2.001')).json().name).toBe('Thủ tục tốt');
  });

  it('refuses a bad header, a file marked UTF-8 that is not, and an unclosed quote', async () => {
    const header = await importCsv('code,name,lvl\nA,B,C\n');
    expect(header.statusCode).toBe(400);
    expect(header.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      '/rows/1/lvl',
      '/rows/1/field_code',
      '/rows/1/level',
      '/rows/1/online_level',
    ]);
    // Windows-1258/1252 files are decoded (csv-safety.test.ts); one that says UTF-8 and is not is refused by row.
    const notUtf8 = await importCsv(Buffer.from([0xef, 0xbb, 0xbf, 0x63, 0x6f, 0x64, 0x65, 0x0a, 0xe9, 0x0a]));
    expect(notUtf8.statusCode).toBe(400);
    expect(notUtf8.json().error.details[0]).toMatchObject({ field: '/rows/2', rule: 'csv' });
    expect(notUtf8.json().error.message).toContain('not valid UTF-8 (row 2, byte 0xE9)');
    const unclosed = await importCsv(`${HEADER}\n2.009,"Tên chưa đóng,HT,,commune,,full,0,,\n`);
    expect(unclosed.statusCode).toBe(400);
    expect(unclosed.json().error.details[0]).toMatchObject({ field: '/rows/2', rule: 'csv' });
  });

  it('audits every write', async () => {
    const audit = await send('GET', '/api/v1/audit?action=publicservices.&limit=50');
    const actions = (audit.json().entries as { action: string; entityId: string | null }[]).map((e) => e.action);
    expect(actions.filter((a) => a === 'publicservices.field.save')).toHaveLength(2);
    expect(actions.filter((a) => a === 'publicservices.procedure.save')).toHaveLength(2);
    expect(actions.filter((a) => a === 'publicservices.procedure.import')).toHaveLength(3);
    const save = (audit.json().entries as { action: string; entityId: string; after: { feeVnd: number } }[]).find(
      (e) => e.action === 'publicservices.procedure.save' && e.entityId === '2.000488',
    );
    expect(save?.after.feeVnd).toBe(200000);
  });
});

describe('catalogue rates (Decision 766, online provision), worked by hand', () => {
  const p = (
    code: string,
    level: 'province' | 'commune',
    agencyCode: string | null,
    onlineLevel: 'full' | 'partial' | 'none',
    onlinePayment: boolean,
    feeVnd: number | null,
  ): CatalogueProcedure => ({ code, level, agencyCode, onlineLevel, onlinePayment, feeVnd });
  const procedures = [
    p('P1', 'province', 'STP', 'full', true, 50_000),
    p('P2', 'province', 'STP', 'partial', false, 100_000),
    p('P3', 'province', 'STP', 'none', false, 20_000),
    p('P4', 'province', 'SXD', 'full', true, null),
    p('P5', 'commune', null, 'full', true, 8_000),
    p('P6', 'commune', null, 'partial', false, 0),
    p('P7', 'commune', null, 'none', false, null),
    p('P8', 'commune', null, 'full', false, 5_000),
  ];
  // P3 got an online dossier although it is not offered online: it does not count; X is not in the catalogue.
  const online = new Set(['P1', 'P5', 'P3', 'X']);

  it('over the whole catalogue', () => {
    // online: P1 P2 P4 P5 P6 P8 = 6 of 8; used online: P1 P5 = 2 of 6; fee > 0: P1 P2 P3 P5 P8, paid online P1 P5.
    const rates = catalogueRates(procedures, online);
    expect(rates.onlineCoverage).toBe(75);
    expect(rates.onlineUptake).toBeCloseTo(100 / 3, 10);
    expect(rates.onlinePaymentProcedures).toBe(40);
    expect(Object.keys(rates).sort()).toEqual(['onlineCoverage', 'onlinePaymentProcedures', 'onlineUptake']);
  });

  it('per tier and per agency', () => {
    // province P1–P4: online P1 P2 P4 (3/4), used P1 (1/3), fee P1 P2 P3, paid online P1 (1/3).
    const province = catalogueRates(procedures, online, { level: 'province' });
    expect(province.onlineCoverage).toBe(75);
    expect(province.onlineUptake).toBeCloseTo(100 / 3, 10);
    expect(province.onlinePaymentProcedures).toBeCloseTo(100 / 3, 10);
    // commune P5–P8: online P5 P6 P8 (3/4), used P5 (1/3), fee P5 P8 (P6 is free), paid online P5 (1/2).
    const commune = catalogueRates(procedures, online, { level: 'commune' });
    expect(commune.onlineCoverage).toBe(75);
    expect(commune.onlineUptake).toBeCloseTo(100 / 3, 10);
    expect(commune.onlinePaymentProcedures).toBe(50);
    // STP P1–P3: online 2/3, used P1 (1/2), fee all three, paid online P1 (1/3).
    const stp = catalogueRates(procedures, online, { agency: 'STP' });
    expect(stp.onlineCoverage).toBeCloseTo(200 / 3, 10);
    expect(stp.onlineUptake).toBe(50);
    expect(stp.onlinePaymentProcedures).toBeCloseTo(100 / 3, 10);
    // SXD P4: online, no online dossier; no fee recorded → online payment over all its procedures (1/1).
    expect(catalogueRates(procedures, online, { agency: 'SXD' })).toEqual({
      onlineCoverage: 100,
      onlineUptake: 0,
      onlinePaymentProcedures: 100,
    });
  });

  it('is null when there is nothing to divide by', () => {
    expect(catalogueRates(procedures, online, { agency: 'NONE' })).toEqual({
      onlineCoverage: null,
      onlineUptake: null,
      onlinePaymentProcedures: null,
    });
    // Only P7: nothing online (uptake has no denominator), no fee (payment over all: 0 of 1).
    expect(catalogueRates([procedures[6]!], online)).toEqual({
      onlineCoverage: 0,
      onlineUptake: null,
      onlinePaymentProcedures: 0,
    });
  });
});
