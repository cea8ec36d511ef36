/**
 * The one-stop views read daily counts kept at sync time plus the dossiers open at the period's end. They must give
 * exactly what the definitions (`summarize`, hand-checked in publicservices-metrics.test.ts) give from every stored
 * dossier — after creates, updates, out-of-order steps and a calendar change.
 */
import type { PsFigures, PsSummary } from '@ioc/shared';
import { parsePeriod } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spanOf } from '../src/modules/calendar/period-span.ts';
import { type DossierRowLike, factsOf } from '../src/modules/publicservices/metrics/facts.ts';
import { summarize } from '../src/modules/publicservices/metrics/summary.ts';
import { rebuildDaily } from '../src/modules/publicservices/summary/rebuild.ts';
import { ADMIN_PASSWORD, rounded, startTestApp, type TestApp } from './harness.ts';

const NOW = new Date('2025-06-18T03:00:00Z'); // 10:00 local, a Wednesday
let t: TestApp;
let admin: string;

const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie: admin }, ...(payload ? { payload } : {}) });

/** A small deterministic PRNG so the fixture is the same on every run and engine. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
/** ms → yyyyMMddHHmmss local (UTC+7). */
const portal = (ms: number) => {
  const d = new Date(ms + 7 * 3_600_000);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
};
const DAY = 86_400_000;
const AGENCIES = ['UBND phường Thành Sen', 'Sở Xây dựng', 'Sở Y tế', 'Ban quản lý chợ Hà Tĩnh (chưa khớp)'];

/** 400 dossiers received between January and mid-June 2025, every kind of ending, some open now. */
function fixture(): Record<string, unknown>[] {
  const r = rng(20250618);
  const start = Date.parse('2025-01-02T01:00:00Z');
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < 400; i++) {
    const received = start + Math.floor(r() * (Date.parse('2025-06-17T09:00:00Z') - start));
    const due = received + Math.floor((3 + r() * 20) * DAY);
    const roll = r();
    const record: Record<string, unknown> = {
      MaHoSo: `SUM-${String(i).padStart(4, '0')}`,
      MaTTHC: `1.00${i % 7}`,
      TenTTHC: `Thủ tục ${i % 7}`,
      MaLinhVuc: ['HT', 'CT', 'DD'][i % 3],
      KenhThucHien: 1 + (i % 3),
      NgayTiepNhan: portal(received),
      NgayHenTra: portal(due),
      DonViXuLy: AGENCIES[i % AGENCIES.length],
      DuocThanhToanTrucTuyen: r() < 0.3 ? 1 : 0,
      HoSoCoThanhPhanSoHoa: r() < 0.6,
      TrangThaiHoSo: 4,
    };
    const supplements: Record<string, unknown>[] = [];
    if (r() < 0.2) {
      const asked = received + DAY;
      supplements.push({
        NgayYeuCauBoSung: portal(asked),
        ...(r() < 0.8 ? { NgayBoSung: portal(asked + 3 * DAY) } : {}),
      });
      if (r() < 0.3)
        supplements.push({ NgayYeuCauBoSung: portal(asked + 5 * DAY), NgayBoSung: portal(asked + 6 * DAY) });
    }
    if (supplements.length) record.DanhSachHoSoBoSung = supplements;
    const end = received + Math.floor((1 + r() * 25) * DAY);
    if (roll < 0.04) record.TrangThaiHoSo = 3;
    else if (roll < 0.08) record.TrangThaiHoSo = 7 + (i % 2);
    else if (roll < 0.1) record.NgayHenTra = undefined;
    if (roll >= 0.08 && end < NOW.getTime() && r() < 0.85) {
      record.TrangThaiHoSo = r() < 0.5 ? 9 : 10;
      record.NgayKetThucXuLy = portal(end);
      if (record.TrangThaiHoSo === 10) record.NgayTra = portal(end + DAY);
    }
    // The record is as of its latest date: a withdrawal needs a date after reception to be dated by.
    if (record.TrangThaiHoSo === 7 || record.TrangThaiHoSo === 8)
      record.NgayTra = portal(Math.min(end, NOW.getTime() - 3_600_000));
    if (record.TrangThaiHoSo === 3) record.NgayTra = portal(received + 3_600_000);
    out.push(Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)));
  }
  return out;
}

async function expected(periodId: string, groupBy?: 'agency' | 'unit' | 'field' | 'procedure') {
  const rows = await t.platform.db.selectFrom('ps_dossiers').selectAll().execute();
  const calendar = await t.services.calendar.calendar();
  const span = spanOf(parsePeriod(periodId)!, NOW);
  return summarize(
    rows.map((row) => factsOf(row as DossierRowLike)),
    { from: span.from, to: span.to },
    calendar,
    groupBy,
  );
}

async function summary(query: string): Promise<PsSummary> {
  const response = await send('GET', `/api/v1/public-services/summary?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as PsSummary;
}

function close(actual: PsFigures, wanted: unknown) {
  expect(rounded(actual)).toEqual(rounded(wanted));
}

beforeAll(async () => {
  t = await startTestApp({}, { now: NOW });
  admin = await t.login('admin', ADMIN_PASSWORD);
  const records = fixture();
  const response = await send('POST', '/api/v1/public-services/sync', { service: 'DongBoHoSoMC', data: records });
  expect(response.statusCode, response.body).toBe(200);
});
afterAll(() => t.stop());

describe('one-stop figures from the daily counts', () => {
  it.each(['202503', '2025Q1', '2025Q2', '202506', '2025', '2025W12', '20250415'])(
    'equal the definitions for %s (a running period is judged as of now)',
    async (period) => {
      const got = await summary(`period=${period}`);
      const want = await expected(period);
      close(got.total, want.total);
      expect(got.total.toProcess).toBeGreaterThan(0);
    },
  );

  it('equal the definitions agency by agency, the unmatched name kept apart', async () => {
    const got = await summary('period=2025Q2&groupBy=agency');
    const want = await expected('2025Q2', 'agency');
    expect(got.groups.map((g) => g.key)).toEqual(want.groups.map((g) => g.key));
    for (const [i, g] of got.groups.entries()) close(g.figures, want.groups[i]!.figures);
    expect(got.groups.find((g) => g.key === 'SXD')?.name).toBe('Sở Xây dựng');
    expect(got.groups.some((g) => g.key === 'Ban quản lý chợ Hà Tĩnh (chưa khớp)')).toBe(true);
  });

  it('groups by field and by procedure from the dossiers themselves', async () => {
    for (const groupBy of ['field', 'procedure'] as const) {
      const got = await summary(`period=2025Q2&groupBy=${groupBy}`);
      const want = await expected('2025Q2', groupBy);
      close(got.total, want.total);
      expect(got.groups.map((g) => g.key)).toEqual(want.groups.map((g) => g.key));
      for (const [i, g] of got.groups.entries()) close(g.figures, want.groups[i]!.figures);
    }
  });

  it("narrows to one agency, the same figures as that agency's group", async () => {
    const byAgency = await summary('period=2025Q2&groupBy=agency');
    const one = await summary('period=2025Q2&agency=SXD');
    close(one.total, byAgency.groups.find((g) => g.key === 'SXD')!.figures);
    const fields = await summary('period=2025Q2&agency=SXD&groupBy=field');
    close(fields.total, one.total);
  });

  it('gives a commune only its own dossiers', async () => {
    const got = await summary('period=2025Q2&unit=18073');
    const want = await expected('2025Q2', 'unit');
    close(got.total, want.groups.find((g) => g.key === '18073')!.figures);
  });

  it('stay equal after updates, late steps and a rebuild', async () => {
    const records = fixture().slice(0, 60);
    const finishedNow = records.map((r) => ({
      ...r,
      TrangThaiHoSo: 10,
      NgayKetThucXuLy: portal(NOW.getTime() - 2 * 3_600_000),
      NgayTra: portal(NOW.getTime() - 3_600_000),
    }));
    expect(
      (await send('POST', '/api/v1/public-services/sync', { service: 'DongBoHoSoMC', data: finishedNow })).statusCode,
    ).toBe(200);
    const steps = fixture()
      .slice(100, 130)
      .map((r) => ({ MaHoSo: r.MaHoSo, ThoiDiemXuLy: portal(NOW.getTime() - 30 * 60_000), TrangThai: 8 }));
    expect(
      (await send('POST', '/api/v1/public-services/sync', { service: 'CapNhatTienDoHoSoMC', data: steps })).statusCode,
    ).toBe(200);
    for (const period of ['202506', '2025'])
      close((await summary(`period=${period}`)).total, (await expected(period)).total);

    const before = await t.platform.db.selectFrom('ps_daily').selectAll().orderBy('day').orderBy('agency').execute();
    await rebuildDaily(t.platform.db, await t.services.calendar.calendar());
    const after = await t.platform.db.selectFrom('ps_daily').selectAll().orderBy('day').orderBy('agency').execute();
    const nonZero = (rows: typeof before) =>
      rows
        .filter((r) => Object.entries(r).some(([k, v]) => typeof v === 'number' && k !== 'day' && Math.abs(v) > 1e-9))
        .map((r) => ({ ...r, resolution_sum: Number(r.resolution_sum.toFixed(6)) }));
    expect(nonZero(after)).toEqual(nonZero(before));
  });

  it('counts again the dossiers a new holiday falls into', async () => {
    const put = await send('PUT', '/api/v1/calendar-days/2025-05-14', { kind: 'holiday', name: 'Nghỉ thử' });
    expect(put.statusCode).toBe(200);
    close((await summary('period=2025Q2')).total, (await expected('2025Q2')).total);
    expect((await send('DELETE', '/api/v1/calendar-days/2025-05-14')).statusCode).toBe(200);
    close((await summary('period=2025Q2')).total, (await expected('2025Q2')).total);
  });
});

describe('what the page reads', () => {
  it('scores the dossier-based 766 criteria and names the rest as missing', async () => {
    const got = await summary('period=2025Q1');
    const progress = got.score.groups.find((g) => g.id === 'progress')!;
    expect(progress.points).toBeCloseTo((got.total.onTimeRate! * 20) / 100, 6);
    expect(got.score.complete).toBe(false);
    expect(got.rates.onTime).toBeCloseTo(got.total.onTimeRate!, 9);
  });

  it('completes the score with the procedure catalogue and the feedback handled', async () => {
    expect((await send('PUT', '/api/v1/public-services/fields/HT', { name: 'Hộ tịch' })).statusCode).toBe(200);
    const procedure = (code: string, onlineLevel: string, onlinePayment: boolean) =>
      send('PUT', `/api/v1/public-services/procedures/${code}`, {
        name: `Thủ tục ${code}`,
        fieldCode: 'HT',
        level: 'commune',
        onlineLevel,
        onlinePayment,
        feeVnd: 50_000,
      });
    expect((await procedure('1.000', 'full', true)).statusCode).toBe(200);
    expect((await procedure('1.001', 'none', false)).statusCode).toBe(200);
    const late = await send('POST', '/api/v1/public-services/feedback', {
      kind: 'feedback',
      subject: 'Chậm trả kết quả',
      content: 'Hồ sơ khai sinh trả chậm',
      agencyCode: 'SYT',
      receivedAt: '2025-05-05T02:00:00Z',
      dueAt: '2025-05-26T02:00:00Z',
    });
    expect(late.statusCode, late.body).toBe(201);
    const got = await summary('period=2025Q2');
    // 1 of 2 procedures online, and it had online dossiers; both charge a fee, one takes it online.
    expect(got.rates).toMatchObject({ onlineCoverage: 50, onlineUptake: 100, onlinePaymentProcedures: 50 });
    // The one item due in the quarter was not answered by its deadline.
    expect(got.rates).toMatchObject({ paknOnTime: 0, paknSatisfaction: 0 });
    const online = got.score.groups.find((g) => g.id === 'online')!;
    const points = (id: string) => online.criteria.find((k) => k.id === id)!.points;
    expect(points('online.coverage')).toBeCloseTo((50 * 4) / 80, 9);
    expect(points('online.uptake')).toBe(4);
    expect(got.score.groups.find((g) => g.id === 'satisfaction')!.points).toBe(0);
    expect(got.score.missingGroups).toEqual(['publicity']);
  });

  it('scores with the rules an operator stored, refuses rules that do not add up, and goes back', async () => {
    const view = (await send('GET', '/api/v1/public-services/scoring-rules')).json();
    expect(view.isDefault).toBe(true);
    const rules = structuredClone(view.rules) as { criteria: { id: string; threshold: number; maxPoints: number }[] };
    rules.criteria.find((k) => k.id === 'progress.onTime')!.threshold = 80;
    expect((await send('PUT', '/api/v1/public-services/scoring-rules', rules)).statusCode).toBe(200);
    const got = await summary('period=2025Q1');
    const progress = got.score.groups.find((g) => g.id === 'progress')!;
    expect(progress.points).toBeCloseTo((Math.min(got.total.onTimeRate!, 80) * 20) / 80, 9);
    const trend = (await send('GET', '/api/v1/public-services/trend?period=2025Q1')).json();
    expect(trend.points[0].groups.find((g: { id: string }) => g.id === 'progress').points).toBeGreaterThan(0);

    rules.criteria.find((k) => k.id === 'progress.onTime')!.maxPoints = 25;
    const bad = await send('PUT', '/api/v1/public-services/scoring-rules', rules);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { message: string }) => d.message)).toEqual([
      'progress: criteria add up to 25, not 20',
    ]);
    expect((await send('GET', '/api/v1/public-services/scoring-rules')).json().rules.criteria).toContainEqual(
      expect.objectContaining({ id: 'progress.onTime', threshold: 80, maxPoints: 20 }),
    );
    expect((await send('DELETE', '/api/v1/public-services/scoring-rules')).json().isDefault).toBe(true);
    const audit = (await send('GET', '/api/v1/audit?action=publicservices.scoring.')).json();
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual([
      'publicservices.scoring.reset',
      'publicservices.scoring.save',
    ]);
  });

  it('draws the trend month by month up to now', async () => {
    const response = await send('GET', '/api/v1/public-services/trend?period=2025');
    const trend = response.json() as { points: { period: string; running: boolean; received: number }[] };
    expect(trend.points.map((p) => p.period)).toEqual(['202501', '202502', '202503', '202504', '202505', '202506']);
    expect(trend.points.at(-1)!.running).toBe(true);
    for (const p of trend.points) expect(p.received).toBe((await summary(`period=${p.period}`)).total.received);
  });

  it('lists the overdue dossiers most late first, with who holds them', async () => {
    const list = (await send('GET', '/api/v1/public-services/open-dossiers?limit=500')).json() as {
      total: number;
      dossiers: { workingDaysLate: number | null; secondSupplement: boolean }[];
    };
    const now = (await summary('period=202506')).total.inProgress.overdue;
    expect(list.total).toBe(now);
    const late = list.dossiers.map((d) => d.workingDaysLate ?? Infinity);
    expect(late).toEqual([...late].sort((a, b) => b - a));
    const soon = (await send('GET', '/api/v1/public-services/open-dossiers?progress=dueSoon')).json() as {
      total: number;
    };
    expect(soon.total).toBe((await summary('period=202506')).total.inProgress.dueSoon);
  });

  it('opens the ticker with the latest synced dossiers', async () => {
    const items = (await send('GET', '/api/v1/public-services/ticker?limit=5')).json() as { code: string }[];
    expect(items).toHaveLength(5);
  });

  it('refuses a period that is not one and a unit outside the scope', async () => {
    expect((await send('GET', '/api/v1/public-services/summary?period=2025Q9')).statusCode).toBe(400);
    expect((await send('GET', '/api/v1/public-services/summary?period=2025&unit=99999')).statusCode).toBe(404);
  });
});

describe('agencies', () => {
  it('gives an agency the dossiers whose name matched nothing, and moves their counts', async () => {
    const unmatched = 'Ban quản lý chợ Hà Tĩnh (chưa khớp)';
    const before = (await summary('period=2025Q2&groupBy=agency')).groups.find((g) => g.key === unmatched)!;
    const saved = await send('PUT', '/api/v1/agencies/BQLC', {
      name: 'Ban Quản lý chợ Hà Tĩnh',
      nameEn: 'Hà Tĩnh Market Board',
      unitId: '42',
      kind: 'other',
      aliases: ['ban quan ly cho ha tinh (chua khop)'],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().rematched).toBe(100);
    const after = await summary('period=2025Q2&groupBy=agency');
    expect(after.groups.some((g) => g.key === unmatched)).toBe(false);
    const board = after.groups.find((g) => g.key === 'BQLC')!;
    expect(board.name).toBe('Ban Quản lý chợ Hà Tĩnh');
    close(board.figures, before.figures);
    const want = await expected('2025Q2', 'agency');
    for (const [i, g] of after.groups.entries()) close(g.figures, want.groups[i]!.figures);
    const list = (await send('GET', '/api/v1/agencies')).json() as { code: string }[];
    expect(list.map((a) => a.code)).toContain('BQLC');
  });

  it('imports agencies from CSV, all or nothing', async () => {
    const csv = (rows: string[]) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/agencies/import',
        headers: { cookie: admin, 'content-type': 'text/csv' },
        payload: ['code,name,name_en,unit_id,kind,aliases', ...rows].join('\n'),
      });
    const bad = await csv([
      'BHXH,Bảo hiểm xã hội tỉnh,Provincial Social Insurance,42,other,BHXH Hà Tĩnh',
      'X Y,,,99999,agency,',
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual([
      'row 3: /code',
      'row 3: /name',
      'row 3: /name_en',
      'row 3: /unit_id',
      'row 3: /kind',
    ]);
    expect((await send('GET', '/api/v1/agencies')).json().some((a: { code: string }) => a.code === 'BHXH')).toBe(false);
    const good = await csv([
      'BHXH,Bảo hiểm xã hội tỉnh,Provincial Social Insurance,42,other,BHXH Hà Tĩnh;Bảo hiểm xã hội Hà Tĩnh',
      '"CTHUE","Thuế tỉnh Hà Tĩnh","Provincial Tax Office",42,other,',
    ]);
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ saved: 2, rematched: 0 });
    const list = (await send('GET', '/api/v1/agencies')).json() as {
      code: string;
      aliases: string[];
    }[];
    expect(list.find((a) => a.code === 'BHXH')!.aliases).toEqual(['BHXH Hà Tĩnh', 'Bảo hiểm xã hội Hà Tĩnh']);
    const audit = (await send('GET', '/api/v1/audit?action=agencies.')).json();
    expect(audit.entries[0].action).toBe('agencies.import');
  });
});
