import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, apiLogin, launchBrowser, ROOT, type RunningServer, startServer } from './server.ts';

const SHOTS = join(ROOT, 'e2e/screenshots');
const THANH_SEN = '18073';
const DAY = 86_400_000;

let server: RunningServer;
let browser: Browser;
let page: Page;
let admin = '';
let receivedBefore = 0;
const liveCode = `E2E-LIVE-${Date.now()}`;

const pad = (n: number) => String(n).padStart(2, '0');
/** An instant as the portal writes it: yyyyMMddHHmmss, local time (UTC+7). */
function portal(ms: number): string {
  const d = new Date(ms + 7 * 3_600_000);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/** A small deterministic generator, so the page shows the same kind of figures on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16_807) % 2_147_483_647;
    return state / 2_147_483_647;
  };
}

const AGENCIES = [
  'UBND phường Thành Sen',
  'UBND phường Trần Phú',
  'UBND phường Bắc Hồng Lĩnh',
  'UBND xã Hương Sơn',
  'Sở Xây dựng',
  'Sở Y tế',
  'Sở Tư pháp',
  'Ban quản lý chợ Hà Tĩnh',
];
const PROCEDURES = [
  ['1.001234', 'Cấp giấy chứng nhận quyền sử dụng đất'],
  ['1.000894', 'Đăng ký khai sinh'],
  ['2.000528', 'Cấp giấy phép xây dựng nhà ở riêng lẻ'],
  ['1.004227', 'Đăng ký hộ kinh doanh'],
] as const;

/** The last four months of a one-stop office: finished early, on time and late, a few still open and overdue. */
function history(now: number): { dossiers: Record<string, unknown>[]; steps: Record<string, unknown>[] } {
  const r = random(766);
  const dossiers: Record<string, unknown>[] = [];
  const steps: Record<string, unknown>[] = [];
  for (let i = 0; i < 320; i += 1) {
    const received = now - Math.floor((1 + r() * 120) * DAY);
    const [code, name] = PROCEDURES[i % PROCEDURES.length]!;
    const dossier: Record<string, unknown> = {
      MaHoSo: `E2E-${String(i).padStart(4, '0')}`,
      MaTTHC: code,
      TenTTHC: name,
      KenhThucHien: r() < 0.55 ? 2 : r() < 0.9 ? 1 : 3,
      ChuHoSo: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'][i % 3],
      LoaiDoiTuong: 1,
      NgayNopHoSo: portal(received - 3_600_000),
      NgayTiepNhan: portal(received),
      NgayHenTra: portal(received + Math.floor((3 + r() * 10) * DAY)),
      DonViXuLy: AGENCIES[i % AGENCIES.length],
      DuocThanhToanTrucTuyen: r() < 0.4 ? 1 : 0,
      HoSoCoThanhPhanSoHoa: r() < 0.7,
      TrangThaiHoSo: 4,
    };
    const end = received + Math.floor((0.5 + r() * 14) * DAY);
    if (end < now - 3_600_000 && r() < 0.9) {
      dossier.TrangThaiHoSo = 10;
      dossier.NgayKetThucXuLy = portal(end);
      dossier.NgayTra = portal(Math.min(end + 3_600_000, now - 60_000));
    } else {
      steps.push({
        MaHoSo: dossier.MaHoSo,
        ThoiDiemXuLy: portal(Math.min(received + DAY, now - 60_000)),
        TrangThai: 4,
        NguoiXuLy: 'Nguyễn Thị Lan',
        ChucDanh: 'Chuyên viên',
        PhongBanXuLy: 'Bộ phận một cửa',
      });
    }
    dossiers.push(dossier);
  }
  return { dossiers, steps };
}

async function sync(service: 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC', data: Record<string, unknown>[]) {
  const response = await fetch(`${server.url}/api/v1/public-services/sync`, {
    method: 'POST',
    headers: { cookie: admin, 'content-type': 'application/json' },
    body: JSON.stringify({ service, data }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as { created: number; refused: unknown[] };
}

const receivedIn = async (testId: string) => Number(await page.getByTestId(testId).getAttribute('data-received'));

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // No demo: the dossiers on the page are exactly the ones this test syncs.
  server = await startServer({ IOC_DEMO: '0' });
  admin = await apiLogin(server.url, 'admin', ADMIN_PASSWORD);
  const { dossiers, steps } = history(server.now());
  expect((await sync('DongBoHoSoMC', dossiers)).refused).toEqual([]);
  await sync('CapNhatTienDoHoSoMC', steps);
  browser = await launchBrowser();
  page = await (await server.newContext(browser, { viewport: { width: 1366, height: 900 } })).newPage();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a leader follows the one-stop offices live', () => {
  it("opens the public-services page on this year's figures, the 766 index and the rankings", async () => {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-username').fill('admin');
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('app-shell').waitFor();
    await page.getByTestId('nav-public-services').click();
    await page.getByTestId('ps-kpis').waitFor({ timeout: 20_000 });
    expect(page.url()).toMatch(/\/public-services/);
    expect(await page.locator('h1').textContent()).toContain('Dịch vụ công');

    // Only the dossier rates are known: the score is partial, not graded, and says what is missing.
    const score = page.getByTestId('ps-score');
    expect(await score.getAttribute('data-complete')).toBe('false');
    expect(await page.getByTestId('ps-grade').textContent()).toContain('Chưa xếp loại');
    expect(await page.getByTestId('ps-group-publicity').getAttribute('data-state')).toBe('missing');
    expect(await page.getByTestId('ps-missing-groups').textContent()).toContain('Công khai, minh bạch');

    const row = `ps-ranking-unit-row-${THANH_SEN}`;
    await page.getByTestId(row).waitFor({ timeout: 15_000 });
    receivedBefore = await receivedIn(row);
    expect(receivedBefore).toBeGreaterThan(0);
    // The province's own departments and the unmatched agency are not communes.
    expect(await page.getByTestId('ps-ranking-unit-row-42').count()).toBe(0);
    expect(await page.getByTestId('ps-ranking-agency-row-SXD').isVisible()).toBe(true);
    await page.getByTestId('ps-ticker').locator('li').first().waitFor({ timeout: 10_000 });
    await page.getByTestId('live-status').and(page.locator('[data-state="open"]')).waitFor({ timeout: 10_000 });
  });

  it('shows a dossier synced for Thành Sen in the ticker within 2 seconds and counts it in the ranking', async () => {
    const kpiBefore = Number(await page.getByTestId('ps-kpi-received').getAttribute('data-value'));
    const now = server.now();
    const result = await sync('DongBoHoSoMC', [
      {
        MaHoSo: liveCode,
        MaTTHC: '1.000894',
        TenTTHC: 'Đăng ký khai sinh',
        KenhThucHien: 2,
        ChuHoSo: 'Phạm Thị Dung',
        LoaiDoiTuong: 1,
        NgayNopHoSo: portal(now - 10 * 60_000),
        NgayTiepNhan: portal(now - 5 * 60_000),
        NgayHenTra: portal(now + 5 * DAY),
        TrangThaiHoSo: 2,
        DonViXuLy: 'UBND phường Thành Sen',
        DuocThanhToanTrucTuyen: 1,
        HoSoCoThanhPhanSoHoa: true,
      },
    ]);
    const synced = Date.now();
    expect(result.created).toBe(1);

    const line = page.getByTestId(`ps-ticker-${liveCode}`);
    await expect.poll(() => line.isVisible(), { timeout: 2_000, interval: 50 }).toBe(true);
    expect(Date.now() - synced).toBeLessThan(2_000);
    expect(await line.textContent()).toContain('Đã tiếp nhận');
    // The event names the agency as the portal wrote it; the opening list, as the IOC's agency list does.
    expect((await line.textContent())?.toLocaleLowerCase('vi')).toContain('ubnd phường thành sen');
    expect(await page.getByTestId('ps-ticker').locator('li').first().getAttribute('data-testid')).toBe(
      `ps-ticker-${liveCode}`,
    );

    await expect
      .poll(() => receivedIn(`ps-ranking-unit-row-${THANH_SEN}`), { timeout: 5_000 })
      .toBe(receivedBefore + 1);
    await expect
      .poll(async () => Number(await page.getByTestId('ps-kpi-received').getAttribute('data-value')), {
        timeout: 5_000,
      })
      .toBe(kpiBefore + 1);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, '20-public-services.png'), fullPage: true });
  });

  it('lists the dossiers to chase, most late first, and those due soon on the other tab', async () => {
    const overdue = page.getByTestId('ps-open-table-overdue');
    await overdue.waitFor({ timeout: 10_000 });
    expect(await overdue.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await overdue.locator('tbody tr').first().textContent()).toMatch(/trễ [\d,]+ ngày làm việc/);
    await page.getByTestId('ps-open-tab-dueSoon').click();
    expect(await page.getByTestId('ps-open-tab-dueSoon').getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(async () => (await page.getByTestId('ps-open').textContent()) ?? '', { timeout: 5_000 })
      .toMatch(/sắp đến hạn nhất trước|Không có hồ sơ nào sắp đến hạn/);
    await page.getByTestId('ps-open-tab-overdue').click();
  });

  it('opens a commune from the ranking: the unit select follows and the figures are its own', async () => {
    await page.getByTestId(`ps-ranking-unit-row-${THANH_SEN}`).getByRole('button').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe(THANH_SEN);
    expect(await page.getByTestId('ps-unit-picker').locator('select').inputValue()).toBe(THANH_SEN);
    await expect
      .poll(async () => Number(await page.getByTestId('ps-kpi-received').getAttribute('data-value')), {
        timeout: 10_000,
      })
      .toBe(receivedBefore + 1);
    expect(await page.getByTestId(`ps-ranking-unit-row-${THANH_SEN}`).getAttribute('aria-current')).toBe('true');
    await page.getByTestId('ps-back').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toBe(null);
  });

  it('reads the same page in English, and in the dark theme', async () => {
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('Public services');
    await page.getByTestId(`ps-ranking-unit-row-${THANH_SEN}`).waitFor({ timeout: 10_000 });
    expect(await page.getByTestId(`ps-ticker-${liveCode}`).textContent()).toContain('Accepted');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SHOTS, '21-public-services-en.png'), fullPage: true });
    await page.getByTestId('theme-toggle').click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SHOTS, '22-public-services-dark.png'), fullPage: true });
    await page.getByTestId('theme-toggle').click();
    await page.getByTestId('lang-vi').click();
  });
});
