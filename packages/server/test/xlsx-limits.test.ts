import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elements } from '../src/modules/indicators/spreadsheet/sheet-xml.ts';
import { ADMIN_PASSWORD, countValues, startTestApp, type TestApp } from './harness.ts';
import { defineMonthlyReport } from './monthly-report.ts';
import { bomb, workbook } from './xlsx-files.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CODES = ['RETAIL', 'POP', 'POP.FEMALE'];
let t: TestApp;
let admin: string;

const upload = (file: Buffer, mode = 'all') =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/data-sets/SOCIO/import?period=202510&mode=${mode}`,
    headers: { cookie: admin, 'content-type': XLSX },
    payload: file,
  });
const rssMb = () => process.memoryUsage().rss / 1048576;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin', ADMIN_PASSWORD);
  t.platform.now = () => new Date('2025-10-20T03:00:00Z');
  await defineMonthlyReport(t, admin, ['18073', '18100', '18115']);
});
afterAll(() => t.stop());

describe('spreadsheet import limits', () => {
  it('reads a workbook written with inline strings and no shared strings, as other programs write them', async () => {
    const file = workbook('SOCIO', '202510', CODES, [
      ['18073', 'Thành Sen', 120.5, 60_300, 30_150],
      ['18100', 'Trần Phú', '45,5'],
    ]);
    const response = await upload(file);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ applied: true, rows: 2, values: 4, stored: 4, refused: [] });
  });

  it('refuses a sheet of 100,000 rows at the row limit, without reading it to the end', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => [`9${String(i).padStart(5, '0')}`, 'Xã', i, i, i]);
    const file = workbook('SOCIO', '202510', CODES, rows);
    const before = rssMb();
    const stored = await countValues(t.platform);
    const response = await upload(file);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe(
      'The sheet has more than 5000 filled rows; a template has one row per unit (IOC_IMPORT_MAX_ROWS)',
    );
    expect(response.json().error.details).toEqual([expect.objectContaining({ field: 'rows', rule: 'maxRows' })]);
    // Reading the whole file took 2.2 GB.
    expect(rssMb() - before).toBeLessThan(400);
    expect(await countValues(t.platform)).toBe(stored);
  });

  it('stops inflating a zip bomb (a few hundred KB that unpack to 300 MB) at its budget', async () => {
    const file = await bomb('SOCIO', '202510', CODES, ' ', 300);
    expect(file.length).toBeLessThan(1024 * 1024);
    const before = rssMb();
    const response = await upload(file);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe(
      'The workbook is larger than 64 MB once unpacked; a template is far smaller',
    );
    expect(rssMb() - before).toBeLessThan(400);
  });

  it('refuses a single row that never ends, without holding it', async () => {
    const lead = '<row r="6"><c r="A6" t="inlineStr"><is><t>';
    const file = await bomb('SOCIO', '202510', CODES, 'A', 40, lead);
    const response = await upload(file);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe(
      'The file cannot be read as an .xlsx workbook: a <row> of the workbook is too large',
    );
  });

  it('answers a summary: the first 100 problems and how many more', async () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => [`8${String(i).padStart(5, '0')}`, 'Xã', 1]);
    const response = await upload(workbook('SOCIO', '202510', CODES, rows));
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ applied: false, rows: 3_000, values: 3_000, stored: 0 });
    expect(report.refused).toHaveLength(101);
    expect(report.refused[0]).toMatchObject({ row: 6, rule: 'unknown' });
    expect(report.refused[100]).toMatchObject({ field: 'file', rule: 'more', limit: 2_900, cell: null });
    expect(response.body.length).toBeLessThan(50_000);
  });
});

describe('the sheet stream', () => {
  async function* chunks(text: string, size: number) {
    for (let at = 0; at < text.length; at += size) yield Buffer.from(text.slice(at, at + size));
  }

  it('cuts rows out across chunk boundaries, with or without a namespace prefix', async () => {
    const xml =
      '<x:worksheet><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row><x:row r="2" spans="1:2"/>' +
      '<x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:t>Hà Tĩnh</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>';
    for (const size of [1, 3, 7, 64, 10_000]) {
      const found: string[] = [];
      for await (const row of elements(chunks(xml, size), 'row')) found.push(`${row.attributes.trim()}|${row.inner}`);
      expect(found, `chunks of ${size}`).toEqual([
        'r="1"|<x:c r="A1"><x:v>1</x:v></x:c>',
        'r="2" spans="1:2"|',
        'r="3"|<x:c r="B3" t="inlineStr"><x:is><x:t>Hà Tĩnh</x:t></x:is></x:c>',
      ]);
    }
  });
});
