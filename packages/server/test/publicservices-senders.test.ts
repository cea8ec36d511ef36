/**
 * Real senders of the portal format: the portal's own envelope (isUpdating, fields of their own), OpenCPS (numbers
 * as digits, "" for dates not known yet, HinhThuc instead of KenhThucHien, empty lists, contact fields), and senders
 * that post the records alone with service, isUpdating and MaDinhDanhDV in the query string — pushed, or pulled by
 * the connector.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Agency, ConnectorRun, PsSummary } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOSSIER_FIELDS } from '../src/modules/publicservices/portal/fields.ts';
import { normalise } from '../src/modules/publicservices/portal/normalise.ts';
import { checkDossier } from '../src/modules/publicservices/record-checks.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

const NOW = new Date('2025-06-18T03:00:00Z'); // 10:00 local, a Wednesday
const DAY = 86_400_000;
const SENDER_ID = '000.00.22.H27';

const pad = (n: number) => String(n).padStart(2, '0');
/** ms → yyyyMMddHHmmss local (UTC+7). */
const portal = (ms: number) => {
  const d = new Date(ms + 7 * 3_600_000);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
};

type PortalRecord = Record<string, unknown>;

/** A dossier as the IOC's own senders write it: typed numbers, flags, dates left out while not known. */
const dossier = (code: string, extra: PortalRecord = {}): PortalRecord => ({
  MaHoSo: code,
  MaTTHC: '1.001234',
  TenTTHC: 'Cấp giấy chứng nhận quyền sử dụng đất',
  MaLinhVuc: 'G09-DD',
  TenLinhVuc: 'Đất đai',
  KenhThucHien: 2,
  ChuHoSo: 'Nguyễn Văn A',
  LoaiDoiTuong: 1,
  NgayNopHoSo: '20250301080000',
  NgayTiepNhan: '20250301083000',
  NgayHenTra: '20250315170000',
  TrangThaiHoSo: 4,
  DonViXuLy: 'UBND phường Thành Sen',
  ...extra,
});

const AGENCIES = ['UBND phường Thành Sen', 'Sở Xây dựng', 'Sở Y tế'];

/**
 * 60 dossiers received in the second quarter of 2025, in six kinds: finished on time, finished late, in processing
 * past due, in processing not yet due, waiting for a supplement, not accepted. Written typed, as the twin of the
 * OpenCPS batch below; no NgayNopHoSo and no KenhThucHien, which OpenCPS does not send.
 */
function fixture(): PortalRecord[] {
  const start = Date.parse('2025-04-01T01:00:00Z');
  return Array.from({ length: 60 }, (_, i) => {
    const received = start + i * 1.2 * DAY + (i % 7) * 3_600_000;
    const kind = i % 6;
    const record: PortalRecord = {
      MaHoSo: `OC-${String(i).padStart(3, '0')}`,
      MaTTHC: `1.00${i % 5}`,
      TenTTHC: `Thủ tục ${i % 5}`,
      MaLinhVuc: ['HT', 'CT', 'DD'][i % 3],
      TenLinhVuc: ['Hộ tịch', 'Chứng thực', 'Đất đai'][i % 3],
      ChuHoSo: `Công dân ${i}`,
      LoaiDoiTuong: 1 + (i % 2),
      TrichYeuHoSo: `Hồ sơ số ${i}`,
      NgayTiepNhan: portal(received),
      NgayHenTra: portal(received + (kind === 3 ? 120 : 10) * DAY),
      TrangThaiHoSo: 4,
      DonViXuLy: AGENCIES[i % AGENCIES.length],
      DuocThanhToanTrucTuyen: i % 4 === 0 ? 1 : 0,
      HoSoCoThanhPhanSoHoa: i % 3 === 0,
    };
    if (kind === 0) {
      Object.assign(record, {
        TrangThaiHoSo: 10,
        NgayKetThucXuLy: portal(received + 5 * DAY),
        NgayTra: portal(received + 6 * DAY),
      });
    }
    if (kind === 1) Object.assign(record, { TrangThaiHoSo: 9, NgayKetThucXuLy: portal(received + 16 * DAY) });
    if (kind === 4) {
      Object.assign(record, { TrangThaiHoSo: 5, DanhSachHoSoBoSung: [{ NgayYeuCauBoSung: portal(received + DAY) }] });
    }
    if (kind === 5) Object.assign(record, { TrangThaiHoSo: 3, NgayTra: portal(received + 3_600_000) });
    return record;
  });
}

/** The same dossier as OpenCPS writes it (DVCQGIntegrationActionImpl), with the flags other one-stop systems add. */
function asOpenCps(record: PortalRecord, i: number): PortalRecord {
  const supplements = (record.DanhSachHoSoBoSung as PortalRecord[] | undefined) ?? [];
  return {
    MaHoSo: record.MaHoSo,
    MaTTHC: record.MaTTHC,
    TenTTHC: record.TenTTHC,
    MaLinhVuc: record.MaLinhVuc,
    TenLinhVuc: record.TenLinhVuc,
    ChuHoSo: record.ChuHoSo,
    LoaiDoiTuong: String(record.LoaiDoiTuong),
    MaDoiTuong: '',
    ThongTinKhac: '',
    Email: `cong.dan.${i}@example.vn`,
    Fax: '',
    SoDienThoai: '0912345678',
    TrichYeuHoSo: record.TrichYeuHoSo,
    NgayTiepNhan: record.NgayTiepNhan,
    NgayHenTra: record.NgayHenTra,
    TrangThaiHoSo: String(record.TrangThaiHoSo),
    NgayTra: record.NgayTra ?? '',
    ThongTinTra: '',
    HinhThuc: i % 2 === 0 ? '0' : '1',
    NgayKetThucXuLy: record.NgayKetThucXuLy ?? '',
    DonViXuLy: record.DonViXuLy,
    GhiChu: record.TrichYeuHoSo,
    TaiLieuNop: [],
    DanhSachLePhi: [],
    DanhSachTepDinhKem: [],
    DanhSachTepDinhKemKhac: [],
    DanhSachGiayToKetQua: [],
    DanhSachHoSoBoSung: supplements.map((s) => ({ ...s, NgayBoSung: '', NoiDungBoSung: 'Bổ sung bản sao' })),
    DuocThanhToanTrucTuyen: record.DuocThanhToanTrucTuyen === 1 ? 'True' : 'False',
    HoSoCoThanhPhanSoHoa: record.HoSoCoThanhPhanSoHoa ? '1' : '0',
  };
}

/** Processing steps of the dossiers in processing, typed, and as OpenCPS writes them. */
function steps(records: PortalRecord[]): { typed: PortalRecord[]; openCps: PortalRecord[] } {
  const open = records.filter((r) => r.TrangThaiHoSo === 4).slice(0, 6);
  const typed = open.map((r, i) => ({
    MaHoSo: r.MaHoSo,
    ThoiDiemXuLy: portal(NOW.getTime() - (i + 1) * 3_600_000),
    TrangThai: i % 2 === 0 ? 9 : 5,
    NguoiXuLy: 'Trần Thị B',
    NoiDungXuLy: 'Chuyển xử lý',
  }));
  const openCps = typed.map((s) => ({
    ...s,
    TrangThai: String(s.TrangThai),
    ChucDanh: '',
    PhongBanXuLy: '',
    NgayBatDau: '',
    NgayKetThucTheoQuyDinh: '',
  }));
  return { typed, openCps };
}

interface Client {
  t: TestApp;
  cookie: string;
}
const post = ({ t, cookie }: Client, url: string, payload: unknown, headers: Record<string, string> = { cookie }) =>
  t.app.inject({ method: 'POST', url, headers, payload: payload as object });
const get = ({ t, cookie }: Client, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const SYNC = '/api/v1/public-services/sync';
const storedDossiers = ({ t }: Client) => t.platform.db.selectFrom('ps_dossiers').selectAll().orderBy('code').execute();
const storedCount = async ({ t }: Client) =>
  (await t.platform.db.selectFrom('ps_dossiers').select('code').execute()).length;
const stored = ({ t }: Client, code: string) =>
  t.platform.db.selectFrom('ps_dossiers').selectAll().where('code', '=', code).executeTakeFirst();

/** Records `nationalId` as the national id of agency `code`; answers how many stored records it was given. */
async function giveNationalId(client: Client, code: string, nationalId: string): Promise<number> {
  const agencies = (await get(client, '/api/v1/agencies')).json() as Agency[];
  const { code: _code, ...agency } = agencies.find((a) => a.code === code)!;
  const saved = await client.t.app.inject({
    method: 'PUT',
    url: `/api/v1/agencies/${code}`,
    headers: { cookie: client.cookie },
    payload: { ...agency, nationalId },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  return (saved.json() as { rematched: number }).rematched;
}

async function client(): Promise<Client> {
  // The fake one-stop system of the pull-connector test listens on loopback, which connectors may not call unless allowed.
  const t = await startTestApp({ IOC_CONNECTOR_ALLOW_HOSTS: '127.0.0.1' }, { now: NOW });
  return { t, cookie: await t.login('admin', ADMIN_PASSWORD) };
}

let main: Client;
beforeAll(async () => {
  main = await client();
});
afterAll(() => main.t.stop());

describe('reading what senders write', () => {
  it('takes digits for numbers, "" and null for not given, texts for flags, and names the fields not read', () => {
    const ignored = new Set<string>();
    const read = normalise(
      {
        MaHoSo: 'HS-1',
        TrangThaiHoSo: '10',
        LoaiDoiTuong: '04',
        KenhThucHien: '',
        NgayTra: '',
        NgayKetThucXuLy: null,
        DuocThanhToanTrucTuyen: 'True',
        HoSoCoThanhPhanSoHoa: '0',
        DonViXuLy: 'Sở Y tế',
        SoDienThoai: '0912345678',
        DanhSachHoSoBoSung: [{ NgayYeuCauBoSung: '20250302080000', NgayBoSung: '', NoiDungBoSung: 'x' }],
        DanhSachLePhi: [],
      },
      DOSSIER_FIELDS,
      ignored,
    );
    expect(read).toEqual({
      MaHoSo: 'HS-1',
      TrangThaiHoSo: 10,
      LoaiDoiTuong: 4,
      DuocThanhToanTrucTuyen: 1,
      HoSoCoThanhPhanSoHoa: 0,
      DonViXuLy: 'Sở Y tế',
      DanhSachHoSoBoSung: [{ NgayYeuCauBoSung: '20250302080000' }],
    });
    expect([...ignored]).toEqual(['SoDienThoai', 'DanhSachHoSoBoSung/NoiDungBoSung', 'DanhSachLePhi']);
  });

  it('keeps what it cannot read for the check to refuse by name', () => {
    const fields = (record: PortalRecord) => checkDossier(dossier('HS-2', record), 0).problems.map((p) => p.field);
    expect(fields({ TrangThaiHoSo: '4.0' })).toEqual(['/TrangThaiHoSo']);
    expect(fields({ TrangThaiHoSo: 'bốn' })).toEqual(['/TrangThaiHoSo']);
    expect(fields({ TrangThaiHoSo: '11' })).toEqual(['/TrangThaiHoSo']);
    expect(fields({ DuocThanhToanTrucTuyen: 'có' })).toEqual(['/DuocThanhToanTrucTuyen']);
    expect(fields({ NgayTiepNhan: '' })).toEqual(['/NgayTiepNhan']);
    expect(fields({ MaHoSo: '' })).toEqual(['/MaHoSo']);
    expect(fields({ DonViXuLy: '' })).toEqual(['/DonViXuLy']);
    expect(checkDossier(dossier('HS-2', { DonViXuLy: '' }), 0, SENDER_ID).record?.DonViXuLy).toBe(SENDER_ID);
    expect(checkDossier(dossier('HS-2', { HinhThuc: '1' }), 0).record?.KenhThucHien).toBe(2);
  });
});

describe('the portal envelope', () => {
  it('syncs a body with isUpdating "True" and fields of its own, reporting those as not read', async () => {
    const response = await post(main, SYNC, {
      service: 'DongBoHoSoMC',
      isUpdating: 'True',
      MaPhienBan: '2.1',
      data: [
        dossier('PT-001', { SoDienThoai: '0912345678', Email: 'a@example.vn' }),
        dossier('PT-002', { SoDienThoai: '0987654321' }),
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      service: 'DongBoHoSoMC',
      received: 2,
      created: 2,
      refused: [],
      ignoredFields: { SoDienThoai: 2, Email: 1, '/MaPhienBan': 1 },
      error_code: '0',
      message: expect.stringContaining('2 created'),
    });
    expect(await stored(main, 'PT-001')).toMatchObject({ status: 4, channel: 2, agency_code: 'UBND_18073' });
  });

  it('names at most 200 fields not read, and sums the others', async () => {
    const many = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`Truong${i}`, i]));
    const response = await post(main, SYNC, { service: 'DongBoHoSoMC', data: [dossier('PT-010', many)] });
    expect(response.statusCode, response.body).toBe(200);
    const ignored = response.json().ignoredFields as Record<string, number>;
    expect(Object.keys(ignored)).toHaveLength(201);
    expect(ignored).toMatchObject({ Truong0: 1, Truong199: 1, '(other fields)': 50 });
  });

  it('answers the portal error_code on an error too, about the shape that was sent', async () => {
    const unsigned = await post(main, SYNC, { service: 'DongBoHoSoMC', data: [dossier('PT-003')] }, {});
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' }, error_code: '-1' });
    const bad = await post(main, SYNC, { service: 'DongBoHoSoMC', isUpdating: 'maybe', data: [dossier('PT-003')] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' }, error_code: '-1' });
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['/isUpdating']);
    expect(bad.json().message).toBe(bad.json().error.message);
    const malformed = await main.t.app.inject({
      method: 'POST',
      url: SYNC,
      headers: { cookie: main.cookie, 'content-type': 'application/json' },
      payload: '{"service": "DongBoHoSoMC", "data": [',
    });
    expect(malformed.json()).toMatchObject({ error: { code: 'MALFORMED_JSON' }, error_code: '-1' });
  });

  it('is described in the OpenAPI document: both shapes, the query string, the records and the answer', async () => {
    const spec = (await get(main, '/api/openapi.json')).json();
    const operation = spec.paths['/api/v1/public-services/sync'].post;
    const parameters = operation.parameters.map((p: { name: string }) => p.name);
    expect(parameters).toEqual(expect.arrayContaining(['mode', 'service', 'isUpdating', 'MaDinhDanhDV']));
    const body = operation.requestBody.content['application/json'].schema;
    expect(body.anyOf).toHaveLength(2);
    expect(JSON.stringify(body)).toContain('its digits');
    expect(operation.responses['200'].content['application/json'].schema.properties).toHaveProperty('error_code');
    expect(operation.responses['400'].content['application/json'].schema.properties).toHaveProperty('error_code');
    expect(spec.paths['/api/v1/public-services/sync/{service}'].post).toBeDefined();
  });
});

describe('OpenCPS', () => {
  let typed: Client;
  let openCps: Client;
  const records = fixture();
  const sent = records.map(asOpenCps);
  let answer: Record<string, unknown>;

  beforeAll(async () => {
    [typed, openCps] = await Promise.all([client(), client()]);
    const typedSync = await post(typed, SYNC, { service: 'DongBoHoSoMC', data: records });
    expect(typedSync.statusCode, typedSync.body).toBe(200);
    const openCpsSync = await post(openCps, SYNC, { service: 'DongBoHoSoMC', isUpdating: true, data: sent });
    expect(openCpsSync.statusCode, openCpsSync.body).toBe(200);
    answer = openCpsSync.json();
    const { typed: typedSteps, openCps: openCpsSteps } = steps(records);
    expect((await post(typed, SYNC, { service: 'CapNhatTienDoHoSoMC', data: typedSteps })).statusCode).toBe(200);
    const stepSync = await post(openCps, SYNC, {
      service: 'CapNhatTienDoHoSoMC',
      isUpdating: false,
      data: openCpsSteps,
    });
    expect(stepSync.statusCode, stepSync.body).toBe(200);
  });
  afterAll(() => Promise.all([typed.t.stop(), openCps.t.stop()]));

  it('is a different batch from its typed twin: digits, "" for dates not known, HinhThuc, no KenhThucHien', () => {
    const text = JSON.stringify(sent);
    expect(text).not.toMatch(/"(TrangThaiHoSo|LoaiDoiTuong)":\d/);
    expect(text).toContain('"NgayKetThucXuLy":""');
    expect(text).not.toContain('KenhThucHien');
    expect(text).not.toContain('NgayNopHoSo');
    expect(answer).toMatchObject({ created: 60, refused: [], error_code: '0' });
    expect(answer.ignoredFields).toMatchObject({
      SoDienThoai: 60,
      Email: 60,
      DanhSachLePhi: 60,
      DanhSachTepDinhKem: 60,
      'DanhSachHoSoBoSung/NoiDungBoSung': 10,
    });
    expect(answer.ignoredFields).not.toHaveProperty('HinhThuc');
  });

  it('stores exactly the dossiers and steps its typed twin stores', async () => {
    const [mine, twin] = await Promise.all([storedDossiers(openCps), storedDossiers(typed)]);
    expect(mine).toHaveLength(60);
    expect(mine).toEqual(twin);
    expect(new Set(mine.map((d) => d.status))).toEqual(new Set([3, 4, 5, 9, 10]));
    // HinhThuc says how the result is handed back, not how the dossier came in: the channel stays unknown.
    expect(mine.every((d) => d.channel === null)).toBe(true);
    expect(mine.filter((d) => d.paid_online === 1)).toHaveLength(15);
    const progress = (client: Client) =>
      client.t.platform.db
        .selectFrom('ps_progress')
        .select(['dossier_code', 'step_at', 'status', 'handler', 'title', 'department', 'content', 'due_at'])
        .orderBy('dossier_code')
        .execute();
    expect(await progress(openCps)).toEqual(await progress(typed));
  });

  it('gives the same figures: finished on time and late, in processing past due and not yet due', async () => {
    for (const query of ['period=2025Q2', 'period=2025Q2&groupBy=agency', 'period=202506', 'period=2025']) {
      const [mine, twin] = await Promise.all([
        get(openCps, `/api/v1/public-services/summary?${query}`),
        get(typed, `/api/v1/public-services/summary?${query}`),
      ]);
      expect(mine.statusCode, mine.body).toBe(200);
      expect(mine.json()).toEqual(twin.json());
    }
    const { total } = (await get(openCps, '/api/v1/public-services/summary?period=2025Q2')).json() as PsSummary;
    expect(total.finished.onTime + total.finished.early).toBeGreaterThan(0);
    expect(total.finished.late).toBeGreaterThan(0);
    expect(total.inProgress.overdue).toBeGreaterThan(0);
    expect(total.inProgress.notYetDue).toBeGreaterThan(0);
    expect(total.returned).toBeGreaterThan(0);
    expect(total.channels.unknown).toBe(total.received);
  });
});

describe('records alone, the rest in the query string', () => {
  beforeAll(async () => {
    await giveNationalId(main, 'SXD', SENDER_ID);
  });

  it('syncs a bare array: records without DonViXuLy are the sending agency’s', async () => {
    const response = await post(main, `${SYNC}?service=DongBoHoSoMC&isUpdating=True&MaDinhDanhDV=${SENDER_ID}`, [
      { ...asOpenCps(dossier('QS-001'), 0), DonViXuLy: '' },
      { ...dossier('QS-002'), DonViXuLy: undefined },
      dossier('QS-003'),
    ]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ received: 3, created: 3, refused: [], error_code: '0' });
    expect(await stored(main, 'QS-001')).toMatchObject({ agency: SENDER_ID, agency_code: 'SXD', unit_id: '42' });
    expect(await stored(main, 'QS-002')).toMatchObject({ agency_code: 'SXD' });
    expect(await stored(main, 'QS-003')).toMatchObject({ agency_code: 'UBND_18073' });
  });

  it('takes the service from the path as well, for senders that call {base}/{service}', async () => {
    const response = await post(main, `${SYNC}/CapNhatTienDoHoSoMC?MaDinhDanhDV=${SENDER_ID}&isUpdating=False`, [
      { MaHoSo: 'QS-001', ThoiDiemXuLy: '20250305100000', TrangThai: '9', NgayBatDau: '', ChucDanh: '' },
    ]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ service: 'CapNhatTienDoHoSoMC', created: 1 });
    expect(await stored(main, 'QS-001')).toMatchObject({ status: 9 });
  });

  it('gives the records of an agency not yet known to the agency that later takes that national id', async () => {
    const unknown = '000.00.31.H27';
    const response = await post(main, `${SYNC}?service=DongBoHoSoMC&MaDinhDanhDV=${unknown}`, [
      { ...dossier('QS-010'), DonViXuLy: null },
    ]);
    expect(response.statusCode, response.body).toBe(200);
    expect(await stored(main, 'QS-010')).toMatchObject({ agency: unknown, agency_code: null });
    expect(await giveNationalId(main, 'SYT', unknown)).toBe(1);
    expect(await stored(main, 'QS-010')).toMatchObject({ agency_code: 'SYT' });
  });

  it('refuses what it cannot place: no service, services that disagree, no agency at all', async () => {
    const before = await storedCount(main);
    const noService = await post(main, SYNC, [dossier('QS-020')]);
    expect(noService.statusCode).toBe(400);
    expect(noService.json()).toMatchObject({
      error: { details: [{ field: 'querystring:/service' }] },
      error_code: '-1',
    });
    const disagree = await post(main, `${SYNC}?service=CapNhatTienDoHoSoMC`, {
      service: 'DongBoHoSoMC',
      data: [dossier('QS-020')],
    });
    expect(disagree.json().error.details).toEqual([expect.objectContaining({ field: 'querystring:/service' })]);
    const nowhere = await post(main, `${SYNC}?service=DongBoHoSoMC`, [{ ...dossier('QS-020'), DonViXuLy: '' }]);
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().error.details).toEqual([
      expect.objectContaining({ field: '/0/DonViXuLy', rule: 'required' }),
    ]);
    const badId = await post(main, `${SYNC}?service=DongBoHoSoMC&MaDinhDanhDV=H27`, [dossier('QS-020')]);
    expect(badId.json().error.details).toEqual([expect.objectContaining({ field: 'querystring:/MaDinhDanhDV' })]);
    expect(await storedCount(main)).toBe(before);
  });
});

describe('what stays refused', () => {
  const batch = () => [
    asOpenCps(dossier('RF-001'), 0),
    asOpenCps(dossier('RF-002', { NgayTiepNhan: '20250230120000' }), 1),
    asOpenCps(dossier('RF-003', { TrangThaiHoSo: 11 }), 2),
    { ...asOpenCps(dossier('RF-004'), 3), MaHoSo: '' },
  ];

  it('an impossible date, an unknown status, a missing MaHoSo: named, and nothing stored with mode=all', async () => {
    const before = await storedCount(main);
    const response = await post(main, SYNC, { service: 'DongBoHoSoMC', isUpdating: 'False', data: batch() });
    expect(response.statusCode).toBe(400);
    expect(response.json().error_code).toBe('-1');
    expect(response.json().error.details).toEqual([
      expect.objectContaining({ field: '/data/1/NgayTiepNhan', rule: 'format' }),
      expect.objectContaining({ field: '/data/2/TrangThaiHoSo', rule: 'maximum' }),
      expect.objectContaining({ field: '/data/3/MaHoSo', rule: 'required' }),
    ]);
    const bare = await post(main, `${SYNC}?service=DongBoHoSoMC`, batch());
    expect(bare.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      '/1/NgayTiepNhan',
      '/2/TrangThaiHoSo',
      '/3/MaHoSo',
    ]);
    expect(await storedCount(main)).toBe(before);
  });

  it('keeps the rest with mode=valid', async () => {
    const before = await storedCount(main);
    const response = await post(main, `${SYNC}?mode=valid`, { service: 'DongBoHoSoMC', data: batch() });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      created: 1,
      refused: [
        { index: 1, code: 'RF-002' },
        { index: 2, code: 'RF-003' },
        { index: 3, code: null },
      ],
      error_code: '0',
    });
    expect(await storedCount(main)).toBe(before + 1);
    expect(await stored(main, 'RF-001')).toMatchObject({ status: 4, owner_kind: 1, channel: null });
  });
});

describe('the pull connector', () => {
  /** A one-stop system that answers each service with the body set for it. */
  const answers = new Map<string, unknown>();
  let server: Server;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      const body = path === '/token' ? { access_token: 'tok', expires_in: 3600 } : answers.get(path.slice(5));
      response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body ?? { error: 'no such service' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('brings in the same shapes: an OpenCPS envelope with MaDinhDanhDV, records alone, digits for steps', async () => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const trade = '000.00.23.H27';
    await giveNationalId(main, 'SCT', trade);
    answers.set('DongBoHoSoMC', {
      service: 'DongBoHoSoMC',
      isUpdating: true,
      MaDinhDanhDV: trade,
      data: [
        { ...asOpenCps(dossier('PL-001'), 0), DonViXuLy: '' },
        asOpenCps(dossier('PL-002', { NgayTiepNhan: '20250230120000' }), 1),
      ],
    });
    answers.set('LayHoSoMotCua', [asOpenCps(dossier('PL-003', { DonViXuLy: 'Sở Y tế' }), 2)]);
    answers.set('CapNhatTienDoHoSoMC', [{ MaHoSo: 'PL-001', ThoiDiemXuLy: '20250306090000', TrangThai: '10' }]);
    const saved = await main.t.app.inject({
      method: 'PUT',
      url: '/api/v1/public-services/connectors/opencps',
      headers: { cookie: main.cookie },
      payload: {
        name: 'OpenCPS',
        tokenUrl: `${base}/token`,
        baseUrl: `${base}/api`,
        clientId: 'ioc',
        clientSecret: 'secret',
        services: ['DongBoHoSoMC', 'LayHoSoMotCua', 'CapNhatTienDoHoSoMC'],
        intervalSeconds: 300,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const response = await post(main, '/api/v1/public-services/connectors/opencps/run', undefined);
    expect(response.statusCode, response.body).toBe(200);
    const run = response.json() as ConnectorRun;
    // LayHoSoMotCua answers records alone and is no service of the portal: the connector cannot tell what they are.
    expect(run.services.map((s) => [s.service, s.created, s.refused, s.error === null])).toEqual([
      ['DongBoHoSoMC', 1, 1, true],
      ['LayHoSoMotCua', 0, 0, false],
      ['CapNhatTienDoHoSoMC', 1, 0, true],
    ]);
    expect(run.services[0]?.problems).toEqual([expect.objectContaining({ field: '/NgayTiepNhan', code: 'PL-002' })]);
    expect(await stored(main, 'PL-001')).toMatchObject({ agency_code: 'SCT', status: 10, record_status: 4 });
  });
});
