import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
let admin: string;
const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, cookie = admin) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin', ADMIN_PASSWORD);
});
afterAll(() => t.stop());

describe('the working-day calendar as data', () => {
  it("is seeded with Vietnam's holidays, Tết 2025 included", async () => {
    const days = (await send('GET', '/api/v1/calendar-days?year=2025')).json() as { date: string; kind: string }[];
    const tet = days.filter((d) => d.date >= '2025-01-25' && d.date <= '2025-02-02');
    expect(tet.length).toBeGreaterThanOrEqual(5);
    expect(days.every((d) => d.date.startsWith('2025-'))).toBe(true);
    expect(days.find((d) => d.date === '2025-04-30')).toMatchObject({ kind: 'holiday' });
  });

  it('takes a day off the province declares, audited, and gives it back', async () => {
    const saved = await send('PUT', '/api/v1/calendar-days/2026-12-31', { kind: 'holiday', name: 'Nghỉ bù' });
    expect(saved.json()).toEqual({ date: '2026-12-31', kind: 'holiday', name: 'Nghỉ bù' });
    const calendar = await t.services.calendar.calendar();
    expect(calendar.isWorkingDay('2026-12-31')).toBe(false);
    expect((await send('DELETE', '/api/v1/calendar-days/2026-12-31')).statusCode).toBe(200);
    expect((await t.services.calendar.calendar()).isWorkingDay('2026-12-31')).toBe(true);
    expect((await send('DELETE', '/api/v1/calendar-days/2026-12-31')).statusCode).toBe(404);
    const audit = (await send('GET', '/api/v1/audit?action=calendar.')).json();
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual(['calendar.delete', 'calendar.save']);
  });

  it('records a holiday across which a dossier is in processing, on both engines', async () => {
    // Received Monday 4 May 2026, due Friday 15 May, still open: a holiday on Wednesday 13 May moves its count.
    const synced = await send('POST', '/api/v1/public-services/sync', {
      service: 'DongBoHoSoMC',
      data: [
        {
          MaHoSo: 'CAL-ACROSS-1',
          MaTTHC: '1.000894',
          NgayTiepNhan: '20260504083000',
          NgayHenTra: '20260515170000',
          TrangThaiHoSo: 4,
          DonViXuLy: 'UBND phường Thành Sen',
        },
        {
          MaHoSo: 'CAL-ACROSS-2',
          MaTTHC: '1.000894',
          NgayTiepNhan: '20260505090000',
          NgayHenTra: '20260512170000',
          TrangThaiHoSo: 10,
          NgayKetThucXuLy: '20260514100000',
          NgayTra: '20260514110000',
          DonViXuLy: 'UBND phường Thành Sen',
        },
      ],
    });
    expect(synced.statusCode, synced.body).toBe(200);
    const before = await t.platform.db.selectFrom('ps_daily').selectAll().orderBy('day').execute();
    const put = await send('PUT', '/api/v1/calendar-days/2026-05-13', { kind: 'holiday', name: 'Nghỉ thử' });
    expect(put.statusCode, put.body).toBe(200);
    expect((await send('DELETE', '/api/v1/calendar-days/2026-05-13')).statusCode).toBe(200);
    // Taken back, the day leaves the counts as they were.
    const after = await t.platform.db.selectFrom('ps_daily').selectAll().orderBy('day').execute();
    const nonZero = (rows: typeof before) =>
      rows.filter((r) =>
        Object.entries(r).some(([k, v]) => typeof v === 'number' && k !== 'day' && Math.abs(v) > 1e-9),
      );
    expect(nonZero(after)).toEqual(nonZero(before));
  });

  it('refuses a date that does not exist', async () => {
    const response = await send('PUT', '/api/v1/calendar-days/2026-02-30', { kind: 'holiday', name: 'x' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0]).toMatchObject({ field: 'params:/date', rule: 'format' });
  });
});
