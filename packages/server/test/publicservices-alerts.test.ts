/**
 * Public-service alerts, hand-worked. Now: Wednesday 18 June 2025, 10:00 local; a working day is 07:30–17:00.
 * - Sở Xây dựng finished 25 dossiers in the last 30 days, 10 after their due date: 15/25 = 60 % on time, under the
 *   90 % threshold by more than 15 points → critical.
 * - Sở Y tế finished 25, all on time → nothing. UBND phường Thành Sen finished 19, all late → too few to judge.
 * - Sở Y tế holds two open dossiers due Thursday 09:00 (8.5 working hours away: within one working day), one due
 *   next week and one already overdue → one "about to be late" alert naming the two.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PublicServiceAlertScan } from '../src/modules/publicservices/summary/alerts.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

const NOW = new Date('2025-06-18T03:00:00Z');
let t: TestApp;
let admin: string;

const finished = (code: string, agency: string, late: boolean) => ({
  MaHoSo: code,
  MaTTHC: '1.000',
  DonViXuLy: agency,
  NgayTiepNhan: '20250602080000',
  NgayHenTra: '20250610170000',
  TrangThaiHoSo: 10,
  NgayKetThucXuLy: late ? '20250612100000' : '20250609100000',
  NgayTra: late ? '20250612150000' : '20250609150000',
});
const open = (code: string, due: string) => ({
  MaHoSo: code,
  MaTTHC: '1.000',
  DonViXuLy: 'Sở Y tế',
  NgayTiepNhan: '20250610080000',
  NgayHenTra: due,
  TrangThaiHoSo: 4,
});

beforeAll(async () => {
  t = await startTestApp({}, { now: NOW });
  admin = await t.login('admin', ADMIN_PASSWORD);
  const data = [
    ...Array.from({ length: 25 }, (_, i) => finished(`XD-${i}`, 'Sở Xây dựng', i < 10)),
    ...Array.from({ length: 25 }, (_, i) => finished(`YT-${i}`, 'Sở Y tế', false)),
    ...Array.from({ length: 19 }, (_, i) => finished(`TS-${i}`, 'UBND phường Thành Sen', true)),
    open('YT-OPEN-1', '20250619090000'),
    open('YT-OPEN-2', '20250619090000'),
    open('YT-OPEN-3', '20250625170000'),
    open('YT-OPEN-4', '20250617170000'),
  ];
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/public-services/sync',
    headers: { cookie: admin },
    payload: { service: 'DongBoHoSoMC', data },
  });
  expect(response.statusCode, response.body).toBe(200);
});
afterAll(() => t.stop());

const scan = () =>
  new PublicServiceAlertScan(t.platform, t.services.alerts, t.services.agencies, () =>
    t.services.calendar.calendar(),
  ).run();
const alerts = async () =>
  (
    (await t.app.inject({ method: 'GET', url: '/api/v1/alerts?status=all', headers: { cookie: admin } })).json() as {
      items: {
        kind: string;
        severity: string;
        title: string;
        unit: string | null;
        detail: Record<string, unknown>;
      }[];
    }
  ).items;

describe('public-service alerts', () => {
  it('raises the late agency and the dossiers about to be late, once', async () => {
    expect(await scan()).toBe(2);
    const raised = (await alerts()).filter((a) => a.kind.startsWith('publicservices.'));
    expect(raised).toHaveLength(2);
    const onTime = raised.find((a) => a.kind === 'publicservices.onTime')!;
    expect(onTime).toMatchObject({ severity: 'critical', unit: '42' });
    expect(onTime.detail).toMatchObject({ agency: 'SXD', finished: 25, onTime: 15, onTimeRate: 60 });
    expect(onTime.title).toContain('Sở Xây dựng: đúng hạn 60% trong 30 ngày qua');
    const soon = raised.find((a) => a.kind === 'publicservices.dueSoon')!;
    expect(soon.detail).toMatchObject({ agency: 'SYT', count: 2, dossiers: ['YT-OPEN-1', 'YT-OPEN-2'] });
    expect(await scan()).toBe(0);
    expect((await alerts()).filter((a) => a.kind.startsWith('publicservices.'))).toHaveLength(2);
  });

  it('follows the configured threshold', async () => {
    const strict = await startTestApp({ IOC_PS_ONTIME_THRESHOLD: '55' }, { now: NOW });
    try {
      const cookie = await strict.login('admin', ADMIN_PASSWORD);
      await strict.app.inject({
        method: 'POST',
        url: '/api/v1/public-services/sync',
        headers: { cookie },
        payload: {
          service: 'DongBoHoSoMC',
          data: Array.from({ length: 25 }, (_, i) => finished(`XD-${i}`, 'Sở Xây dựng', i < 10)),
        },
      });
      const found = await new PublicServiceAlertScan(
        strict.platform,
        strict.services.alerts,
        strict.services.agencies,
        () => strict.services.calendar.calendar(),
      ).run();
      expect(found).toBe(0);
    } finally {
      await strict.stop();
    }
  });
});
