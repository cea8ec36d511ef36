import type { Agency, PortalDossier, PortalProgress } from '@ioc/shared';
import { PortalDossier as PortalDossierSchema, PortalProgress as PortalProgressSchema } from '@ioc/shared';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyMatcher, PROVINCIAL_AGENCIES } from '../src/modules/agencies/agencies.ts';
import { VIETNAM_HOLIDAYS } from '../src/modules/calendar/vn-holidays.ts';
import { WorkingCalendar } from '../src/modules/calendar/working-days.ts';
import { factsOf } from '../src/modules/publicservices/metrics/facts.ts';
import { summarize } from '../src/modules/publicservices/metrics/summary.ts';
import { parsePortalDate } from '../src/modules/publicservices/portal-date.ts';
import { dossierProblems, progressProblems } from '../src/modules/publicservices/record-checks.ts';
import {
  createSimulator,
  formatPortalDate,
  PROCEDURES,
  type SimulatedDay,
  type Simulator,
  type SimulatorAgency,
} from '../src/modules/publicservices/simulator/index.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

const calendar = new WorkingCalendar(VIETNAM_HOLIDAYS);
const LATER = new Date('2027-06-01T00:00:00Z');
const ms = (portal: string) => Date.parse(parsePortalDate(portal)!);
const localDate = (portal: string) => `${portal.slice(0, 4)}-${portal.slice(4, 6)}-${portal.slice(6, 8)}`;

let t: TestApp;
let agencyRows: Agency[];
let agencies: SimulatorAgency[];
let sim: Simulator;

/** The agencies as seeded, in the simulator's input shape. */
beforeAll(async () => {
  t = await startTestApp();
  agencyRows = await t.services.agencies.list();
  agencies = agencyRows.map((a) => ({ code: a.code, name: a.name, unitId: a.unitId, kind: a.kind }));
  sim = createSimulator({ seed: 42, agencies, calendar });
});
afterAll(() => t.stop());

const stepsByCode = (progress: PortalProgress[]) => {
  const steps = new Map<string, PortalProgress[]>();
  for (const step of progress) {
    const list = steps.get(step.MaHoSo) ?? [];
    list.push(step);
    steps.set(step.MaHoSo, list);
  }
  return steps;
};

describe('procedure catalogue', () => {
  it('has ~100 procedures with unique codes, each at an existing department or at the communes', () => {
    expect(PROCEDURES.length).toBeGreaterThanOrEqual(80);
    expect(PROCEDURES.length).toBeLessThanOrEqual(120);
    expect(new Set(PROCEDURES.map((p) => p.code)).size).toBe(PROCEDURES.length);
    const departments = new Set(PROVINCIAL_AGENCIES.map((a) => a.code));
    for (const p of PROCEDURES) {
      expect(p.code).toMatch(/^[12]\.\d{6}$/);
      if (p.level === 'province') expect(departments.has(p.agencyCode ?? ''), p.code).toBe(true);
      else expect(p.agencyCode).toBeNull();
      expect(p.deadlineDays).toBeGreaterThan(0);
      expect(p.weight).toBeGreaterThan(0);
    }
    const commune = PROCEDURES.filter((p) => p.level === 'commune').reduce((s, p) => s + p.weight, 0);
    const total = PROCEDURES.reduce((s, p) => s + p.weight, 0);
    expect(commune / total).toBeGreaterThan(0.6);
    expect(PROCEDURES.find((p) => p.name.includes('lý lịch tư pháp'))?.agencyCode).toBe('STP');
  });
});

describe('portal dates', () => {
  it('formats an instant as yyyyMMddHHmmss in UTC+7, the inverse of parsePortalDate', () => {
    expect(formatPortalDate(Date.parse('2025-03-01T01:30:00Z'))).toBe('20250301083000');
    expect(formatPortalDate(Date.parse('2024-12-31T22:00:00.999Z'))).toBe('20250101050000');
    for (const iso of ['2025-02-28T16:59:59Z', '2026-12-31T17:00:00Z', '2025-07-01T00:00:01Z']) {
      expect(parsePortalDate(formatPortalDate(Date.parse(iso)))).toBe(new Date(iso).toISOString());
    }
  });
});

describe('determinism', () => {
  it('gives the same records for the same seed and day, whatever was generated before', () => {
    const other = createSimulator({ seed: 42, agencies, calendar });
    const asOf = new Date('2025-03-12T05:00:00Z');
    const first = [sim.day('2025-03-10', asOf), sim.day('2025-03-11', asOf)];
    const reversed = [other.day('2025-03-11', asOf), other.day('2025-03-10', asOf)];
    expect(reversed[1]).toEqual(first[0]);
    expect(reversed[0]).toEqual(first[1]);
    expect([...other.history('2025-03-10', '2025-03-11', asOf)]).toEqual(first);
  });

  it('gives other records for another seed, with stable unique codes', () => {
    const asOf = new Date('2025-03-12T05:00:00Z');
    const a = sim.day('2025-03-10', asOf);
    const b = createSimulator({ seed: 7, agencies, calendar }).day('2025-03-10', asOf);
    expect(b.dossiers.map((d) => d.MaHoSo)).not.toEqual(a.dossiers.map((d) => d.MaHoSo));
    const codes = [...a.dossiers, ...sim.day('2025-03-11', asOf).dossiers].map((d) => d.MaHoSo);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes.slice(0, 50)) expect(code).toMatch(/^(UBND_\d{5}|[A-Z]+)-2025031[01]-\d{4}$/);
  });
});

describe('records', () => {
  const days: [string, Date][] = [
    ['2025-03-10', new Date('2025-03-10T08:00:00Z')],
    ['2025-03-03', new Date('2025-03-10T08:00:00Z')],
    ['2025-03-15', LATER],
    ['2026-10-05', new Date('2026-10-20T03:00:00Z')],
  ];

  it('every dossier and step passes the sync checks and the shared schema', () => {
    for (const [date, asOf] of days) {
      const { dossiers, progress } = sim.day(date, asOf);
      expect(dossiers.length).toBeGreaterThan(0);
      dossiers.forEach((d, i) => {
        expect(dossierProblems(d as Record<string, unknown>, i)).toEqual([]);
        expect(Value.Check(PortalDossierSchema, d)).toBe(true);
      });
      progress.forEach((p, i) => {
        expect(progressProblems(p as Record<string, unknown>, i)).toEqual([]);
        expect(Value.Check(PortalProgressSchema, p)).toBe(true);
      });
    }
  });

  it('says only what is known at asOf', () => {
    for (const [date, asOf] of days) {
      const until = asOf.getTime();
      const { dossiers, progress } = sim.day(date, asOf);
      const steps = stepsByCode(progress);
      for (const d of dossiers) {
        expect(localDate(d.NgayTiepNhan)).toBe(date);
        expect(ms(d.NgayTiepNhan)).toBeLessThanOrEqual(until);
        expect(ms(d.NgayNopHoSo!)).toBeLessThanOrEqual(ms(d.NgayTiepNhan));
        for (const field of [d.NgayKetThucXuLy, d.NgayTra]) if (field) expect(ms(field)).toBeLessThanOrEqual(until);
        for (const s of d.DanhSachHoSoBoSung ?? []) {
          expect(ms(s.NgayYeuCauBoSung)).toBeLessThanOrEqual(until);
          if (s.NgayBoSung) expect(ms(s.NgayBoSung)).toBeLessThanOrEqual(until);
        }
        if (d.NgayKetThucXuLy) expect([9, 10]).toContain(d.TrangThaiHoSo);
        else expect([2, 3, 4, 5, 7, 8]).toContain(d.TrangThaiHoSo);
        if (d.NgayTra) expect(d.TrangThaiHoSo).toBe(10);
        const own = steps.get(d.MaHoSo)!;
        const times = own.map((s) => ms(s.ThoiDiemXuLy));
        expect(times.every((x, i) => x <= until && (i === 0 || x > times[i - 1]!))).toBe(true);
        // The record's status is that of its last step by asOf, as the sync will read it.
        expect(own.at(-1)!.TrangThai).toBe(d.TrangThaiHoSo);
      }
    }
    // Mid-morning on the day itself: some dossiers are still open, and only those received by then exist.
    const open = sim.day('2025-03-10', new Date('2025-03-10T03:00:00Z')).dossiers;
    expect(open.length).toBeLessThan(sim.day('2025-03-10', LATER).dossiers.length);
    expect(open.filter((d) => [2, 4, 5].includes(d.TrangThaiHoSo)).length).toBeGreaterThan(100);
  });

  it('sets the appointment n working days after reception, as the calendar does', () => {
    const byCode = new Map(PROCEDURES.map((p) => [p.code, p]));
    for (const date of ['2025-03-14', '2025-03-15', '2025-04-29']) {
      const { dossiers } = sim.day(date, LATER);
      for (const d of dossiers) {
        if (d.TrangThaiHoSo === 3) {
          expect(d.NgayHenTra).toBeUndefined();
          continue;
        }
        const received = ms(d.NgayTiepNhan);
        const due = ms(d.NgayHenTra!);
        expect(due).toBeGreaterThan(received);
        expect(calendar.isWorkingDay(localDate(d.NgayHenTra!))).toBe(true);
        const deadline = byCode.get(d.MaTTHC)!.deadlineDays;
        expect(due).toBe(calendar.addWorkingDays(new Date(received), deadline).getTime());
        // Received in office hours (07:30–17:00 local).
        const clock = d.NgayTiepNhan.slice(8, 12);
        expect(clock >= '0730' && clock <= '1700').toBe(true);
      }
    }
  });
});

describe('volume and mix', () => {
  it('receives about 3,000 dossiers on a working day, few on a Sunday and next to none at Tết', () => {
    for (const date of ['2025-03-10', '2025-03-14', '2025-06-17', '2025-12-01', '2026-05-20', '2026-11-27']) {
      const n = sim.day(date, LATER).dossiers.length;
      expect(n, date).toBeGreaterThanOrEqual(2500);
      expect(n, date).toBeLessThanOrEqual(3500);
    }
    expect(sim.day('2025-03-16', LATER).dossiers.length).toBeLessThan(150);
    expect(sim.day('2025-01-29', LATER).dossiers.length).toBeLessThan(30);
  });

  it('grows the online share, keeps the on-time rate near 96 %, and has the laggards late far more often', () => {
    const laggards = sim.laggards;
    expect([...laggards.keys()]).toEqual(expect.arrayContaining(['SXD', 'SNNMT']));
    expect([...laggards.keys()].filter((code) => code.startsWith('UBND_')).length).toBe(3);

    const window = (from: string, to: string) => {
      const days: SimulatedDay[] = [...sim.history(from, to, LATER)];
      const dossiers = days.flatMap((d) => d.dossiers);
      const steps = stepsByCode(days.flatMap((d) => d.progress));
      return { dossiers, steps };
    };
    const early = window('2025-03-03', '2025-03-14');
    const late = window('2026-11-02', '2026-11-13');
    const online = (ds: PortalDossier[]) => ds.filter((d) => d.KenhThucHien === 2).length / ds.length;
    expect(online(early.dossiers)).toBeGreaterThan(0.3);
    expect(online(early.dossiers)).toBeLessThan(0.42);
    expect(online(late.dossiers)).toBeGreaterThan(0.55);
    expect(online(late.dossiers)).toBeLessThan(0.66);

    // Simple comparison per agency: end of processing ≤ appointment (supplement pauses not deducted).
    const simple = new Map<string, { finished: number; onTime: number }>();
    const codeOf = new Map(agencies.map((a) => [a.name, a.code]));
    for (const d of early.dossiers) {
      if (!d.NgayKetThucXuLy) continue;
      const code = codeOf.get(d.DonViXuLy)!;
      const tally = simple.get(code) ?? { finished: 0, onTime: 0 };
      tally.finished++;
      if (d.NgayKetThucXuLy <= d.NgayHenTra!) tally.onTime++;
      simple.set(code, tally);
    }
    let othersFinished = 0;
    let othersOnTime = 0;
    for (const [code, tally] of simple) {
      if (laggards.has(code)) {
        expect(tally.finished, code).toBeGreaterThan(100);
        expect(tally.onTime / tally.finished, code).toBeLessThan(0.85);
      } else {
        othersFinished += tally.finished;
        othersOnTime += tally.onTime;
      }
    }
    expect(othersOnTime / othersFinished).toBeGreaterThan(0.92);

    // The server's own reading (supplement pauses deducted, a second request is late): 95–98 % on time.
    const byName = new Map(agencies.map((a) => [a.name, a]));
    const facts = early.dossiers.map((d) => {
      const agency = byName.get(d.DonViXuLy)!;
      const last = early.steps.get(d.MaHoSo)!.at(-1)!;
      const iso = (value: string | null | undefined) => (value ? parsePortalDate(value) : null);
      return factsOf({
        code: d.MaHoSo,
        procedure_code: d.MaTTHC,
        field_code: d.MaLinhVuc ?? null,
        agency: d.DonViXuLy,
        agency_code: agency.code,
        unit_id: agency.unitId,
        channel: d.KenhThucHien ?? null,
        received_at: iso(d.NgayTiepNhan),
        due_at: iso(d.NgayHenTra),
        returned_at: iso(d.NgayTra),
        finished_at: iso(d.NgayKetThucXuLy),
        status: d.TrangThaiHoSo,
        status_at: iso(last.ThoiDiemXuLy)!,
        paid_online: d.DuocThanhToanTrucTuyen ? 1 : 0,
        digitised: d.HoSoCoThanhPhanSoHoa ? 1 : 0,
        supplements: JSON.stringify(
          (d.DanhSachHoSoBoSung ?? []).map((s) => ({
            requestedAt: iso(s.NgayYeuCauBoSung),
            suppliedAt: iso(s.NgayBoSung),
          })),
        ),
      });
    });
    const figures = summarize(
      facts,
      { from: '2025-03-03T00:00:00+07:00', to: '2025-03-15T00:00:00+07:00' },
      calendar,
    ).total;
    expect(figures.onTimeRate).toBeGreaterThan(95);
    expect(figures.onTimeRate).toBeLessThan(98);

    const share = (test: (d: PortalDossier) => boolean) => early.dossiers.filter(test).length / early.dossiers.length;
    expect(share((d) => d.DanhSachHoSoBoSung?.length === 1)).toBeGreaterThan(0.04);
    expect(share((d) => d.DanhSachHoSoBoSung?.length === 1)).toBeLessThan(0.07);
    expect(share((d) => d.DanhSachHoSoBoSung?.length === 2)).toBeGreaterThan(0.002);
    expect(share((d) => d.DanhSachHoSoBoSung?.length === 2)).toBeLessThan(0.01);
    expect(share((d) => d.TrangThaiHoSo === 3)).toBeGreaterThan(0.005);
    expect(share((d) => d.TrangThaiHoSo === 3)).toBeLessThan(0.015);
    expect(share((d) => d.TrangThaiHoSo === 7 || d.TrangThaiHoSo === 8)).toBeGreaterThan(0.005);
    expect(share((d) => d.TrangThaiHoSo === 7 || d.TrangThaiHoSo === 8)).toBeLessThan(0.015);
    expect(share((d) => d.DuocThanhToanTrucTuyen === 1)).toBeGreaterThan(0.05);
    // Results are returned after processing, never before.
    for (const d of early.dossiers) if (d.NgayTra) expect(d.NgayTra >= d.NgayKetThucXuLy!).toBe(true);
  });
});

describe('live stream', () => {
  it('returns exactly the dossiers with a step in (now − since, now], as of now', () => {
    const small = createSimulator({ seed: 3, agencies, calendar, dossiersPerDay: 300 });
    const now = new Date('2025-03-12T03:00:00Z');
    const since = 30 * 60_000;
    const after = now.getTime() - since;
    const batch = small.live(now, since);
    expect(batch.dossiers.length).toBeGreaterThan(10);
    for (const step of batch.progress) {
      const at = ms(step.ThoiDiemXuLy);
      expect(at).toBeGreaterThan(after);
      expect(at).toBeLessThanOrEqual(now.getTime());
    }
    const codes = new Set(batch.progress.map((p) => p.MaHoSo));
    expect(new Set(batch.dossiers.map((d) => d.MaHoSo))).toEqual(codes);

    // Same as reading every day of the last months as of now and keeping what moved in the window.
    const expected: PortalDossier[] = [];
    const steps: PortalProgress[] = [];
    for (const day of small.history('2024-11-01', '2025-03-12', now)) {
      const moved = day.progress.filter((p) => ms(p.ThoiDiemXuLy) > after);
      const movedCodes = new Set(moved.map((p) => p.MaHoSo));
      expected.push(...day.dossiers.filter((d) => movedCodes.has(d.MaHoSo)));
      steps.push(...moved);
    }
    const byCode = (a: { MaHoSo: string }, b: { MaHoSo: string }) => a.MaHoSo.localeCompare(b.MaHoSo);
    expect([...batch.dossiers].sort(byCode)).toEqual(expected.sort(byCode));
    expect(batch.progress.length).toBe(steps.length);

    // A 10-second tick during office hours carries a few changes; the next tick reuses the cache.
    const tick = small.live(new Date(now.getTime() + 10_000), 10_000);
    for (const step of tick.progress) expect(ms(step.ThoiDiemXuLy)).toBeGreaterThan(now.getTime());
  });

  it('streams the full province at a plausible rate per 10-second tick', () => {
    let changes = 0;
    const start = Date.parse('2025-03-12T02:00:00Z');
    for (let i = 1; i <= 30; i++) changes += sim.live(new Date(start + i * 10_000), 10_000).dossiers.length;
    // About 3,000 receptions and 9,000 later steps a day over 9.5 office hours: a few dossiers per tick.
    expect(changes / 300).toBeGreaterThan(0.2);
    expect(changes / 300).toBeLessThan(2);
  });
});

describe('against the server', () => {
  it('names every agency so the sync matcher finds it', () => {
    const match = agencyMatcher(agencyRows);
    const { dossiers } = sim.day('2025-03-10', LATER);
    const seen = new Set<string>();
    for (const d of dossiers) {
      const agency = match(d.DonViXuLy);
      expect(agency, d.DonViXuLy).not.toBeNull();
      seen.add(agency!.code);
    }
    expect(seen.size).toBeGreaterThan(60);
  });

  it('syncs a day without a refusal, and the stored statuses are the records’ statuses', async () => {
    const admin = await t.login('admin', ADMIN_PASSWORD);
    const { dossiers, progress } = sim.day('2025-03-15', new Date('2025-03-18T05:00:00Z'));
    const post = (service: string, data: object[]) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/public-services/sync',
        headers: { cookie: admin },
        payload: { service, data },
      });
    const first = await post('DongBoHoSoMC', dossiers);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: dossiers.length, refused: [] });
    const steps = await post('CapNhatTienDoHoSoMC', progress);
    expect(steps.json()).toMatchObject({ created: progress.length, refused: [] });
    const stored = await t.platform.db.selectFrom('ps_dossiers').select(['code', 'status', 'agency_code']).execute();
    const byCode = new Map(stored.map((s) => [s.code, s]));
    for (const d of dossiers) {
      expect(byCode.get(d.MaHoSo)?.status, d.MaHoSo).toBe(d.TrangThaiHoSo);
      expect(byCode.get(d.MaHoSo)?.agency_code).not.toBeNull();
    }
  });
});
