import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPortalDate } from '../src/modules/calendar/local-time.ts';
import { parsePortalDate } from '../src/modules/publicservices/portal-date.ts';
import { dossierProblems } from '../src/modules/publicservices/record-checks.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
let admin: string;

const sync = (body: object, mode?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/public-services/sync${mode ? `?mode=${mode}` : ''}`,
    headers: { cookie: admin },
    payload: body,
  });
const dossier = (code: string, extra: object = {}) => ({
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
  DuocThanhToanTrucTuyen: 1,
  HoSoCoThanhPhanSoHoa: true,
  ...extra,
});
const stored = (code: string) =>
  t.platform.db.selectFrom('ps_dossiers').selectAll().where('code', '=', code).executeTakeFirst();
const count = async () =>
  Number(
    (
      await t.platform.db
        .selectFrom('ps_dossiers')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin', ADMIN_PASSWORD);
});
afterAll(() => t.stop());

describe('portal dates', () => {
  it('reads yyyyMMddHHmmss in UTC+7 and refuses dates that do not exist', () => {
    expect(parsePortalDate('20250301083000')).toBe('2025-03-01T01:30:00.000Z');
    expect(parsePortalDate('20250101050000')).toBe('2024-12-31T22:00:00.000Z');
    expect(parsePortalDate('20250230120000')).toBeNull();
    expect(parsePortalDate('20250301250000')).toBeNull();
    expect(parsePortalDate('2025-03-01')).toBeNull();
    expect(parsePortalDate('20240229235959')).toBe('2024-02-29T16:59:59.000Z');
    expect(parsePortalDate('20250229120000')).toBeNull();
  });

  it('reads back every instant it writes, across days, months and years', () => {
    for (let ms = Date.UTC(2023, 11, 31, 12); ms < Date.UTC(2026, 1, 2); ms += 7 * 3_600_000 + 13_579_000) {
      const exact = Math.floor(ms / 1000) * 1000;
      expect(parsePortalDate(formatPortalDate(exact))).toBe(new Date(exact).toISOString());
    }
  });
});

describe('dossier sync (DongBoHoSoMC)', () => {
  const batch = {
    service: 'DongBoHoSoMC',
    data: [dossier('HS-001'), dossier('HS-002'), dossier('HS-003', { KenhThucHien: 1 })],
  };

  it('stores new dossiers with dates in UTC and flags read', async () => {
    const response = await sync(batch);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      received: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      refused: [],
      ignoredFields: {},
      error_code: '0',
    });
    expect(await stored('HS-001')).toMatchObject({
      procedure_code: '1.001234',
      received_at: '2025-03-01T01:30:00.000Z',
      due_at: '2025-03-15T10:00:00.000Z',
      status: 4,
      channel: 2,
      paid_online: 1,
      digitised: 1,
      agency_code: 'UBND_18073',
      unit_id: '18073',
    });
  });

  it('finds the agency whatever the case and accents, and keeps an unknown one unmatched', async () => {
    await sync({
      service: 'DongBoHoSoMC',
      data: [
        dossier('HS-030', { DonViXuLy: 'SO TU PHAP' }),
        dossier('HS-031', { DonViXuLy: 'Ủy ban nhân dân Xã Kỳ Anh' }),
        dossier('HS-032', { DonViXuLy: 'Phòng không có trong danh mục' }),
      ],
    });
    expect(await stored('HS-030')).toMatchObject({ agency_code: 'STP', unit_id: '42' });
    expect(await stored('HS-031')).toMatchObject({ agency_code: 'UBND_18775', unit_id: '18775' });
    expect(await stored('HS-032')).toMatchObject({
      agency: 'Phòng không có trong danh mục',
      agency_code: null,
      unit_id: null,
    });
  });

  it('changes nothing when the same batch comes again, even with its keys in another order', async () => {
    const before = await stored('HS-001');
    const reordered = { ...batch, data: batch.data.map((d) => Object.fromEntries(Object.entries(d).reverse())) };
    const response = await sync(reordered);
    expect(response.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await stored('HS-001')).toEqual(before);
  });

  it('refuses a batch with invalid records, naming each, and applies nothing', async () => {
    const before = await count();
    const bad = {
      service: 'DongBoHoSoMC',
      data: [
        dossier('HS-010'),
        dossier('HS-011', { NgayTiepNhan: '20250230120000' }),
        { ...dossier('HS-012'), MaTTHC: undefined },
      ],
    };
    const response = await sync(bad);
    expect(response.statusCode).toBe(400);
    expect(response.json().error_code).toBe('-1');
    expect(response.json().error.details).toEqual([
      expect.objectContaining({ field: '/data/1/NgayTiepNhan', rule: 'format' }),
      expect.objectContaining({ field: '/data/2/MaTTHC', rule: 'required' }),
    ]);
    expect(await count()).toBe(before);
    const valid = await sync(bad, 'valid');
    expect(valid.json()).toMatchObject({
      created: 1,
      refused: [
        { index: 1, code: 'HS-011' },
        { index: 2, code: 'HS-012' },
      ],
    });
    expect(await count()).toBe(before + 1);
  });
});

describe('record limits', () => {
  it('counts text in characters: a long code is refused, a summary of 1,500 astral letters is not', () => {
    expect(dossierProblems(dossier('X'.repeat(101)), 0)).toEqual([
      expect.objectContaining({ field: '/MaHoSo', rule: 'maxLength' }),
    ]);
    expect(dossierProblems(dossier('HS-LONG', { TrichYeuHoSo: '𝒜'.repeat(1500) }), 0)).toEqual([]);
    expect(
      dossierProblems(
        dossier('HS-LONG', {
          TrangThaiHoSo: 11,
          DanhSachHoSoBoSung: [{ NgayYeuCauBoSung: '20250302080000', LyDo: 'z'.repeat(2001) }],
        }),
        0,
      ).map((p) => p.field),
    ).toEqual(['/TrangThaiHoSo', '/DanhSachHoSoBoSung/0/LyDo']);
  });
});

describe('processing progress (CapNhatTienDoHoSoMC)', () => {
  const step = (code: string, when: string, status: number) => ({
    MaHoSo: code,
    ThoiDiemXuLy: when,
    TrangThai: status,
    NguoiXuLy: 'Trần Thị B',
    PhongBanXuLy: 'Bộ phận một cửa',
  });

  it('keeps a step that comes before its dossier and applies it when the dossier arrives', async () => {
    const early = await sync({ service: 'CapNhatTienDoHoSoMC', data: [step('HS-020', '20250305100000', 9)] });
    expect(early.json()).toMatchObject({ created: 1, pending: 1 });
    await sync({ service: 'DongBoHoSoMC', data: [dossier('HS-020')] });
    // The dossier record says "in process" as of 1 March; the step of 5 March says "processed".
    expect(await stored('HS-020')).toMatchObject({
      record_status: 4,
      status: 9,
      status_at: '2025-03-05T03:00:00.000Z',
    });
  });

  it('does not turn the status back for a step that happened earlier but arrived later', async () => {
    const late = await sync({ service: 'CapNhatTienDoHoSoMC', data: [step('HS-020', '20250303090000', 5)] });
    expect(late.json()).toMatchObject({ created: 1, updated: 0, pending: 0 });
    expect(await stored('HS-020')).toMatchObject({ status: 9 });
    const again = await sync({ service: 'CapNhatTienDoHoSoMC', data: [step('HS-020', '20250303090000', 5)] });
    expect(again.json()).toMatchObject({ created: 0, unchanged: 1 });
  });

  it('announces each dossier that arrives or changes status on the live bus, within its unit', async () => {
    const events: { name: string; payload: unknown; orgUnit: string | null }[] = [];
    const stop = t.platform.bus.subscribe((event) => {
      events.push(event);
    });
    await sync({ service: 'DongBoHoSoMC', data: [dossier('HS-040'), dossier('HS-001')] });
    await sync({ service: 'CapNhatTienDoHoSoMC', data: [step('HS-040', '20250306100000', 9)] });
    stop();
    expect(events.filter((e) => e.name === 'dossier.synced')).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({ code: 'HS-040', status: 4, unit: '18073' }),
        orgUnit: '18073',
      }),
      expect.objectContaining({ payload: expect.objectContaining({ code: 'HS-040', status: 9 }) }),
    ]);
  });

  it('moves the status on with a newer step, and with a newer dossier record', async () => {
    await sync({ service: 'CapNhatTienDoHoSoMC', data: [step('HS-001', '20250310150000', 9)] });
    expect(await stored('HS-001')).toMatchObject({ status: 9 });
    await sync({
      service: 'DongBoHoSoMC',
      data: [dossier('HS-001', { TrangThaiHoSo: 10, NgayKetThucXuLy: '20250310150000', NgayTra: '20250311090000' })],
    });
    expect(await stored('HS-001')).toMatchObject({ status: 10, returned_at: '2025-03-11T02:00:00.000Z' });
  });
});
