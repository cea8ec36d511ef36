import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, countValues, startTestApp, type TestApp } from './harness.ts';
import { defineMonthlyReport } from './monthly-report.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let admin: string;

const upload = (file: Buffer, mode?: string, period = '202510') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/data-sets/SOCIO/import?period=${period}${mode ? `&mode=${mode}` : ''}`,
    headers: { cookie: admin, 'content-type': XLSX },
    payload: file,
  });

async function template(): Promise<ExcelJS.Workbook> {
  const response = await t.app.inject({
    method: 'GET',
    url: '/api/v1/data-sets/SOCIO/template?period=202510',
    headers: { cookie: admin },
  });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe(XLSX);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin', ADMIN_PASSWORD);
  t.platform.now = () => new Date('2025-10-20T03:00:00Z');
  await defineMonthlyReport(t, admin, ['18073', '18100', '18115', '18118', '18133']);
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/data-values',
    headers: { cookie: admin },
    payload: { values: [{ element: 'RETAIL', unit: '18100', period: '202510', value: 42 }] },
  });
});
afterAll(() => t.stop());

describe('spreadsheet template', () => {
  it('has the data set and period, a code row, one row per reporting unit, and stored values filled in', async () => {
    const sheet = (await template()).worksheets[0]!;
    expect([sheet.getCell('B2').value, sheet.getCell('D2').value]).toEqual(['SOCIO', '202510']);
    expect(sheet.getRow(5).values).toEqual([undefined, 'UNIT', 'NAME', 'RETAIL', 'POP', 'POP.FEMALE']);
    expect(sheet.getCell('C4').value).toBe('Bán lẻ (tỷ đồng)');
    const units = [6, 7, 8, 9, 10].map((row) => sheet.getCell(`A${row}`).value);
    expect(units).toEqual(['18073', '18100', '18115', '18118', '18133']);
    expect(sheet.getCell('B6').value).toBe('Phường Thành Sen');
    expect(sheet.getCell('C7').value).toBe(42);
  });
});

describe('spreadsheet import', () => {
  async function filled(): Promise<Buffer> {
    const workbook = await template();
    const sheet = workbook.worksheets[0]!;
    // Three good rows: Thành Sen, Trần Phú… (rows 6–8); row 9 has text in a number cell; row 10 an unknown code.
    sheet.getRow(6).getCell(3).value = 120.5;
    sheet.getRow(6).getCell(4).value = 60_300;
    sheet.getRow(6).getCell(5).value = 30_150;
    sheet.getRow(7).getCell(3).value = '45,5';
    sheet.getRow(8).getCell(3).value = 33;
    sheet.getRow(9).getCell(3).value = 'khoảng 50';
    sheet.getRow(10).getCell(1).value = '99999';
    sheet.getRow(10).getCell(3).value = 12;
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('names a unit entered twice by the row of its first entry', async () => {
    const workbook = await template();
    const sheet = workbook.worksheets[0]!;
    sheet.getRow(6).getCell(3).value = 1;
    sheet.getRow(11).values = ['18073', 'Phường Thành Sen', 2];
    const response = await upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(response.json().refused).toEqual([
      expect.objectContaining({ row: 11, cell: 'C11', rule: 'duplicate', limit: 6 }),
    ]);
  });

  it('names the two bad rows and why, and stores nothing', async () => {
    const before = await countValues(t.platform);
    const response = await upload(await filled());
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      applied: false,
      rows: 5,
      values: 6,
      stored: 0,
      refused: [
        { row: 9, cell: 'C9', field: 'value', rule: 'type', message: "'khoảng 50' is not a number" },
        { row: 10, cell: 'A10', field: 'unit', rule: 'unknown', message: "unknown unit '99999'" },
      ],
      warnings: [],
      anomalies: 0,
    });
    expect(await countValues(t.platform)).toBe(before);
  });

  it('stores the valid rows when asked to, still reporting the bad ones', async () => {
    const response = await upload(await filled(), 'valid');
    expect(response.json()).toMatchObject({ applied: true, stored: 5, refused: [{ row: 9 }, { row: 10 }] });
    const form = await t.app.inject({
      method: 'GET',
      url: '/api/v1/data-entry?dataSet=SOCIO&unit=18073&period=202510',
      headers: { cookie: admin },
    });
    expect(
      form
        .json()
        .values.map(
          (v: { element: string; category: string; value: number }) => `${v.element}.${v.category}=${v.value}`,
        )
        .sort(),
    ).toEqual(['POP.=60300', 'POP.FEMALE=30150', 'RETAIL.=120.5']);
    const row7 = await t.app.inject({
      method: 'GET',
      url: '/api/v1/data-entry?dataSet=SOCIO&unit=18100&period=202510',
      headers: { cookie: admin },
    });
    expect(row7.json().values).toEqual([expect.objectContaining({ element: 'RETAIL', value: 45.5 })]);
  });

  it('refuses a file for another period, a file that is not a workbook, and a renamed code column', async () => {
    const other = await upload(await filled(), 'all', '202511');
    expect(other.statusCode).toBe(400);
    expect(other.json().error.message).toBe('The file is for SOCIO 202510, not SOCIO 202511');
    const garbage = await upload(Buffer.from('not a spreadsheet'));
    expect(garbage.json().error.message).toBe('The file is not an .xlsx workbook');
    const workbook = await template();
    workbook.worksheets[0]!.getCell('D5').value = 'POPULATION';
    const renamed = await upload(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(renamed.json().error.details).toEqual([expect.objectContaining({ field: 'D5', rule: 'unknown' })]);
  });
});
