import type { AgencyImportResult, PsAgency, SaveAgencyBody, SaveAgencyResult } from '@ioc/shared';
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { invalid } from '../../../http/errors.ts';
import type { Platform } from '../../../platform.ts';
import { auditedWrite } from '../../audit/audit.service.ts';
import type { Actor } from '../../auth/actor.ts';
import type { OrgUnitService } from '../../orgunits/orgunits.service.ts';
import { agencyMatcher } from '../agencies.ts';
import type { CalendarService } from '../calendar.service.ts';
import { readCsv } from '../csv.ts';
import { listAgencies } from '../dossiers.repo.ts';
import type { Calendar } from '../metrics/clock.ts';
import { addDaily } from '../summary/daily.repo.ts';
import { DailyChanges } from '../summary/rollup.ts';
import * as repo from './agency.repo.ts';

const toAgency = (row: repo.AgencyRow): PsAgency => ({
  code: row.code,
  name: row.name,
  nameEn: row.name_en,
  unitId: row.unit_id,
  kind: row.kind as PsAgency['kind'],
  aliases: JSON.parse(row.aliases) as string[],
});

/**
 * The agencies dossiers are handled by, and the names the portal writes for them. Saving one also gives it the
 * stored dossiers whose name matched nothing before and matches it now, with their daily counts moved along.
 */
export class AgencyService {
  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
    private readonly workingCalendar: CalendarService,
  ) {}

  async list(): Promise<PsAgency[]> {
    return (await listAgencies(this.platform.db)).map(toAgency);
  }

  async save(actor: Actor, code: string, body: SaveAgencyBody): Promise<SaveAgencyResult> {
    await this.orgUnits.requireInScope(actor.scope, body.unitId);
    const { db, now } = this.platform;
    const calendar = await this.workingCalendar.calendar();
    return auditedWrite(
      db,
      actor,
      { action: 'publicservices.agency.save', entityType: 'ps_agency', entityId: code },
      async (trx) => {
        const before = await repo.findAgency(trx, code);
        const { agency, rematched } = await applyAgency(trx, code, body, calendar);
        return { before: before ? toAgency(before) : null, after: agency, result: { agency, rematched } };
      },
      now,
    );
  }

  /**
   * Agencies from CSV (code,name,name_en,unit_id,kind[,aliases] with aliases separated by ";"): every row is
   * checked first, and a file with any bad row stores nothing; then all are saved in one audited transaction.
   */
  async importCsv(actor: Actor, file: Buffer): Promise<AgencyImportResult> {
    const read = readCsv(file.toString('utf8'));
    if (!read.ok) throw invalid(read.message, [{ field: `row ${read.row}`, message: read.message, rule: 'csv' }]);
    const missing = REQUIRED.filter((c) => !read.header.includes(c));
    if (missing.length > 0)
      throw invalid(`Missing column(s) ${missing.join(', ')}`, [
        { field: 'row 1', message: `columns: ${[...REQUIRED, 'aliases'].join(',')}`, rule: 'header' },
      ]);
    const inScope = new Set((await this.orgUnits.currentInScope(actor.scope)).map((u) => u.id));
    const problems: { field: string; message: string; rule: string }[] = [];
    const rows = read.records.map((record) => {
      const cell = (column: string) => (record.cells[read.header.indexOf(column)] ?? '').trim();
      const problem = (column: string, message: string) =>
        problems.push({ field: `row ${record.row}: /${column}`, message, rule: 'format' });
      const code = cell('code');
      const kind = cell('kind');
      if (!CODE.test(code)) problem('code', `'${code}' is not an agency code (letters, digits, _ . -)`);
      if (!cell('name')) problem('name', 'is empty');
      if (!cell('name_en')) problem('name_en', 'is empty');
      if (!inScope.has(cell('unit_id'))) problem('unit_id', `'${cell('unit_id')}' is not a current unit in your scope`);
      if (!KINDS.includes(kind)) problem('kind', `'${kind}' is not one of ${KINDS.join(', ')}`);
      const aliases = read.header.includes('aliases')
        ? cell('aliases')
            .split(';')
            .map((a) => a.trim())
            .filter(Boolean)
        : [];
      return {
        code,
        body: { name: cell('name'), nameEn: cell('name_en'), unitId: cell('unit_id'), kind, aliases } as SaveAgencyBody,
      };
    });
    if (read.records.length === 0)
      problems.push({ field: 'row 2', message: 'the file has no agency rows', rule: 'empty' });
    if (problems.length > 0) throw invalid(`Nothing was stored: ${problems.length} problem(s)`, problems);
    const { db, now } = this.platform;
    const calendar = await this.workingCalendar.calendar();
    return auditedWrite(
      db,
      actor,
      { action: 'publicservices.agency.import', entityType: 'ps_agency', entityId: null },
      async (trx) => {
        let rematched = 0;
        for (const { code, body } of rows) rematched += (await applyAgency(trx, code, body, calendar)).rematched;
        const result = { saved: rows.length, rematched };
        return { before: null, after: { ...result, codes: rows.map((r) => r.code) }, result };
      },
      now,
    );
  }
}

const REQUIRED = ['code', 'name', 'name_en', 'unit_id', 'kind'];
const KINDS = ['department', 'commune', 'other'];
const CODE = /^[A-Za-z0-9_.-]{1,100}$/;

/** Saves an agency and gives it the stored dossiers whose name matched nothing and matches it now. */
async function applyAgency(
  trx: Transaction<Database>,
  code: string,
  body: SaveAgencyBody,
  calendar: Calendar,
): Promise<{ agency: PsAgency; rematched: number }> {
  const row: repo.AgencyRow = {
    code,
    name: body.name,
    name_en: body.nameEn,
    unit_id: body.unitId,
    kind: body.kind,
    aliases: JSON.stringify(body.aliases),
  };
  await repo.saveAgency(trx, row);
  const match = agencyMatcher([row]);
  const changes = new DailyChanges(calendar);
  let rematched = 0;
  for (const name of await repo.unmatchedNames(trx)) {
    if (!match(name)) continue;
    for (const dossier of await repo.unmatchedDossiers(trx, name)) {
      changes.change(dossier, { ...dossier, agency_code: code, unit_id: body.unitId });
      rematched++;
    }
    await repo.assignAgency(trx, name, code, body.unitId);
  }
  await addDaily(trx, changes.list());
  return { agency: toAgency(row), rematched };
}
