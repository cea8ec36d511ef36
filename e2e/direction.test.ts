import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, DEMO_PASSWORD, launchBrowser, ROOT, type RunningServer, signInAs, startServer } from './server.ts';

const SHOTS = join(ROOT, 'e2e/screenshots');
const TITLE = `Kiểm tra công tác phòng, chống sốt xuất huyết (E2E ${Date.now()})`;

let server: RunningServer;
let browser: Browser;
let leader: Page;
let officer: Page;
let taskId = 0;
let firstDue = '';
let newDue = '';

/** A day in Hà Tĩnh (UTC+7), `days` from the server's today, as the date inputs take it. */
function localDay(days: number): string {
  return new Date(server.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

const signIn = (page: Page, username: string) => signInAs(server, page, username);

async function openDirection(page: Page): Promise<void> {
  await page.getByTestId('nav-direction').click();
  await page.getByTestId('direction-kpis').waitFor({ timeout: 20_000 });
  await page.getByTestId('direction-tasks').locator('tbody tr').first().waitFor({ timeout: 15_000 });
  await page.getByTestId('live-status').and(page.locator('[data-state="open"]')).waitFor({ timeout: 10_000 });
}

const attribute = (page: Page, testId: string, name: string) => page.getByTestId(testId).getAttribute(name);

/** Waits for the toasts of earlier actions to go, so that a screenshot shows the page alone. */
async function quiet(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('toast').count(), { timeout: 15_000 }).toBe(0);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startServer({ IOC_DEMO: '1' });
  browser = await launchBrowser();
  leader = await (await server.newContext(browser, { viewport: { width: 1440, height: 900 } })).newPage();
  officer = await (await server.newContext(browser, { viewport: { width: 1440, height: 900 } })).newPage();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a leader directs a task to the Department of Health and both follow it live', () => {
  it("opens both direction pages: the leader's with every task, the officer's with their unit's", async () => {
    await signIn(leader, 'lanhdao');
    await openDirection(leader);
    expect(await leader.locator('h1').textContent()).toContain('Điều hành');
    expect(await leader.getByTestId('direction-tasks').locator('h2').textContent()).toBe('Danh sách nhiệm vụ');
    await leader.getByTestId('direction-ranking').waitFor();
    await leader.getByTestId('direction-calendar').waitFor();

    await signIn(officer, 'yte');
    await openDirection(officer);
    expect(await officer.getByTestId('direction-tasks').locator('h2').textContent()).toBe('Nhiệm vụ của đơn vị');
    expect(await officer.getByTestId('direction-assign').count()).toBe(0);
    // A unit officer sees the tasks their unit leads or co-operates on, not the province's.
    const leads = await officer.getByTestId('direction-tasks').locator('tbody tr td:nth-child(2)').allTextContents();
    expect(leads.some((lead) => lead.includes('Sở Y tế'))).toBe(true);
    const open = async (page: Page) => Number(await attribute(page, 'direction-kpi-open', 'data-value'));
    expect(await open(officer)).toBeGreaterThan(0);
    expect(await open(officer)).toBeLessThan(await open(leader));
  });

  it("assigns a task to Sở Y tế through the leader's form; it appears on the officer's page without a reload", async () => {
    firstDue = localDay(3);
    const assign = leader.getByTestId('direction-assign');
    await expect.poll(() => assign.isEnabled(), { timeout: 10_000 }).toBe(true);
    await assign.click();
    await leader.getByTestId('assign-title').fill(TITLE);
    await leader
      .getByTestId('assign-description')
      .fill('Báo cáo UBND tỉnh kết quả kiểm tra tại các địa phương có ổ dịch.');
    await leader.getByTestId('assign-lead').selectOption('SYT');
    await leader.getByTestId('assign-due').fill(firstDue);
    await leader.getByTestId('assign-priority').selectOption('high');
    // Enter in a field sends the form, as in any form.
    await leader.getByTestId('assign-title').press('Enter');

    await leader.waitForURL(/\/direction\/tasks\/\d+/, { timeout: 10_000 });
    taskId = Number(new URL(leader.url()).pathname.split('/').pop());
    expect(taskId).toBeGreaterThan(0);
    await leader.getByTestId('task-drawer').waitFor();
    expect(await leader.getByTestId('task-lead').textContent()).toBe('Sở Y tế');
    expect(await attribute(leader, 'task-due', 'data-value')).toBe(firstDue);
    expect(await leader.getByTestId('task-done').textContent()).toContain('Nhiệm vụ đã được giao');

    const row = officer.getByTestId(`task-row-${taskId}`);
    await expect.poll(() => row.isVisible(), { timeout: 5_000, interval: 100 }).toBe(true);
    expect(await row.textContent()).toContain(TITLE);
    expect(await row.getAttribute('data-progress')).toBe('0');
  });

  it("reports 50%: the leader's open panel and list show it live", async () => {
    await officer.getByTestId(`task-row-${taskId}`).getByRole('link').click();
    await officer.getByTestId('task-drawer').waitFor();
    await officer.getByTestId('task-action-report').click();
    await officer.getByTestId('report-percent').fill('50');
    await officer.getByTestId('report-text').fill('Đã kiểm tra 6/12 địa phương; đang tổng hợp kết quả.');
    await officer.getByTestId('report-percent').press('Enter');
    await expect.poll(() => attribute(officer, 'task-progress', 'data-value'), { timeout: 5_000 }).toBe('50');
    expect(await officer.getByTestId('task-done').textContent()).toContain('Đã gửi báo cáo tiến độ');

    await expect
      .poll(() => attribute(leader, 'task-progress', 'data-value'), { timeout: 5_000, interval: 100 })
      .toBe('50');
    expect(await leader.getByTestId('task-timeline').textContent()).toContain('Báo cáo tiến độ: 50%');
    await expect
      .poll(() => leader.getByTestId(`task-row-${taskId}`).getAttribute('data-progress'), { timeout: 5_000 })
      .toBe('50');
    await officer.screenshot({ path: join(SHOTS, '31-direction-task-officer.png') });
  });

  it('asks for an extension: the pending request appears live for the leader', async () => {
    newDue = localDay(20);
    await officer.getByTestId('task-action-extension').click();
    await officer.getByTestId('extension-date').fill(newDue);
    await officer.getByTestId('extension-reason').fill('Chờ kết quả xét nghiệm của CDC tỉnh tại 6 địa phương còn lại.');
    await officer.getByTestId('extension-submit').click();
    await officer.getByTestId('task-extension-pending').waitFor({ timeout: 5_000 });
    // The officer cannot decide their own request.
    expect(await officer.getByTestId('extension-approve').count()).toBe(0);

    const pending = leader.getByTestId('task-extension-pending');
    await expect.poll(() => pending.isVisible(), { timeout: 5_000, interval: 100 }).toBe(true);
    expect(await pending.getAttribute('data-due')).toBe(newDue);
    expect(await pending.textContent()).toContain('Chờ kết quả xét nghiệm');
    await leader.screenshot({ path: join(SHOTS, '32-direction-extension-pending.png') });
  });

  it("approves it: the officer's open panel shows the new deadline live", async () => {
    await leader.getByTestId('extension-note').fill('Đồng ý; báo cáo đầy đủ trước hạn mới.');
    await leader.getByTestId('extension-approve').click();
    await expect.poll(() => leader.getByTestId('task-extension-pending').count(), { timeout: 5_000 }).toBe(0);
    expect(await attribute(leader, 'task-due', 'data-value')).toBe(newDue);

    await expect
      .poll(() => attribute(officer, 'task-due', 'data-value'), { timeout: 5_000, interval: 100 })
      .toBe(newDue);
    expect(await officer.getByTestId('task-extension-pending').count()).toBe(0);
    expect(await officer.getByTestId('task-timeline').textContent()).toContain('Đồng ý gia hạn');
    await officer.keyboard.press('Escape');
    await officer.waitForURL(/\/direction$/);
    await expect
      .poll(() => officer.getByTestId(`task-row-${taskId}`).getAttribute('data-due'), { timeout: 5_000 })
      .toBe(newDue);
  });

  it('closes the panel with Escape and shows the page in Vietnamese, English and the dark theme', async () => {
    await leader.keyboard.press('Escape');
    await leader.waitForURL(/\/direction$/);
    await quiet(leader);
    await leader.screenshot({ path: join(SHOTS, '30-direction.png'), fullPage: true });
    await leader.getByTestId('lang-en').click();
    await expect.poll(() => leader.locator('h1').textContent()).toContain('Direction');
    expect(await leader.getByTestId('direction-tasks').locator('h2').textContent()).toBe('All tasks');
    await leader.waitForTimeout(500);
    await leader.screenshot({ path: join(SHOTS, '33-direction-en.png'), fullPage: true });
    await leader.getByTestId('theme-toggle').click();
    await leader.waitForTimeout(500);
    await leader.screenshot({ path: join(SHOTS, '34-direction-dark.png'), fullPage: true });
    await leader.getByTestId('theme-toggle').click();
    await leader.getByTestId('lang-vi').click();
  });
});

describe('the documents page', () => {
  it('lists the incoming register, searches it and opens a document', async () => {
    await leader.getByTestId('nav-documents').click();
    await leader.getByTestId('documents-summary').waitFor({ timeout: 15_000 });
    const table = leader.getByTestId('documents-table-incoming');
    await table.locator('tbody tr').first().waitFor({ timeout: 15_000 });
    expect(await leader.locator('h1').textContent()).toContain('Văn bản');
    await quiet(leader);
    await leader.screenshot({ path: join(SHOTS, '35-documents.png'), fullPage: true });

    await leader.getByTestId('doc-tab-outgoing').click();
    await leader.getByTestId('documents-table-outgoing').locator('tbody tr').first().waitFor({ timeout: 10_000 });
    expect(new URL(leader.url()).searchParams.get('direction')).toBe('outgoing');

    await leader.getByTestId('doc-tab-incoming').click();
    await leader.getByTestId('doc-search-q').fill('khong co van ban nao nhu the nay');
    await leader.getByTestId('doc-search-q').press('Enter');
    await leader.getByTestId('documents-empty').waitFor({ timeout: 10_000 });
    await leader.goBack();
    await table.locator('tbody tr').first().getByRole('link').click();
    await leader.getByTestId('document-drawer').waitFor();
    await leader.getByTestId('document-subject').waitFor();
    expect(await leader.getByTestId('document-edxml').getAttribute('href')).toMatch(
      /\/api\/v1\/documents\/\d+\/edxml$/,
    );
    await leader.screenshot({ path: join(SHOTS, '38-document-panel.png') });
    await leader.keyboard.press('Escape');
  });

  it('refuses an edXML envelope without its number, naming the field', async () => {
    const cookie = await apiLogin(server.url, 'lanhdao', DEMO_PASSWORD);
    const first = (await (await fetch(`${server.url}/api/v1/documents?limit=1`, { headers: { cookie } })).json()) as {
      documents: { id: number }[];
    };
    const envelope = await (
      await fetch(`${server.url}/api/v1/documents/${first.documents[0]?.id}/edxml`, { headers: { cookie } })
    ).text();
    const broken = envelope.replace(/<edXML:CodeNumber>[^<]*<\/edXML:CodeNumber>/, '');
    expect(broken).not.toBe(envelope);

    await leader.getByTestId('doc-import-open').click();
    await leader
      .getByTestId('edxml-file')
      .setInputFiles({ name: 'thieu-so.xml', mimeType: 'application/xml', buffer: Buffer.from(broken) });
    await leader.getByTestId('edxml-submit').click();
    const error = leader.getByTestId('edxml-error');
    await error.waitFor({ timeout: 10_000 });
    expect(await error.textContent()).toContain('CodeNumber');
    await leader.keyboard.press('Escape');
  });

  it('registers an outgoing document by the form; it opens numbered by the register', async () => {
    await leader.getByTestId('doc-register-open').click();
    await leader.getByRole('radio', { name: 'Văn bản đi' }).check();
    await leader.getByTestId('doc-form-type').fill('Kế hoạch');
    await leader.getByTestId('doc-form-notation').fill('KH-UBND');
    await leader.getByTestId('doc-form-subject').fill('Kế hoạch kiểm tra công tác phòng, chống sốt xuất huyết (E2E)');
    await leader.getByTestId('doc-form-notation').press('Enter');
    await leader.getByTestId('document-registered').waitFor({ timeout: 10_000 });
    expect(await leader.getByTestId('document-subject').textContent()).toContain('sốt xuất huyết (E2E)');
    expect(new URL(leader.url()).searchParams.get('direction')).toBe('outgoing');
    await leader.keyboard.press('Escape');
    // The outgoing register lists it, newest first, without a reload.
    const listed = leader.getByTestId('documents-table-outgoing').getByText('sốt xuất huyết (E2E)');
    await expect.poll(() => listed.isVisible(), { timeout: 5_000 }).toBe(true);
  });

  it('reads the same page in English and in the dark theme', async () => {
    await leader.getByTestId('lang-en').click();
    await expect.poll(() => leader.locator('h1').textContent()).toContain('Documents');
    await leader.waitForTimeout(500);
    await leader.screenshot({ path: join(SHOTS, '36-documents-en.png'), fullPage: true });
    await leader.getByTestId('theme-toggle').click();
    await leader.waitForTimeout(500);
    await leader.screenshot({ path: join(SHOTS, '37-documents-dark.png'), fullPage: true });
    await leader.getByTestId('theme-toggle').click();
    await leader.getByTestId('lang-vi').click();
  });
});
