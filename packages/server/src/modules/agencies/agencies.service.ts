import type { Agency, AgencyImportResult, SaveAgencyBody, SaveAgencyResult } from '@ioc/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { conflict, invalid } from '../../errors.ts';
import { readCsv } from '../../lib/csv-reader.ts';
import type { Platform } from '../../platform.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import type { Actor } from '../auth/actor.ts';
import type { OrgUnitService } from '../orgunits/orgunits.service.ts';
import * as repo from './agencies.repo.ts';
import { agencyMatcher } from './agencies.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * Called inside the transaction that saves an agency, so a subsystem can give it the records whose agency name
 * matched nothing before and matches it now; answers how many it re-matched.
 */
export type AgencySavedListener = (trx: Transaction<Database>, agency: Agency) => Promise<number>;

export const toAgency = (row: repo.AgencyRow): Agency => ({
  code: row.code,
  name: row.name,
  nameEn: row.name_en,
  unitId: row.unit_id,
  kind: row.kind as Agency['kind'],
  aliases: JSON.parse(row.aliases) as string[],
  nationalId: row.national_id,
});

/** The province's agencies (departments, communes' People's Committees): the names every subsystem matches against. */
export class AgencyService {
  private readonly listeners: AgencySavedListener[] = [];

  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
  ) {}

  /** A subsystem that stores agency names registers here to re-match its records when an agency changes. */
  whenSaved(listener: AgencySavedListener): void {
    this.listeners.push(listener);
  }

  /** Every agency; pass a transaction to read it inside one. */
  async list(db: Executor = this.platform.db): Promise<Agency[]> {
    return (await repo.listAgencies(db)).map(toAgency);
  }

  async find(code: string, db: Executor = this.platform.db): Promise<Agency | undefined> {
    const row = await repo.findAgency(db, code);
    return row ? toAgency(row) : undefined;
  }

  /** Finds the agency a source system names, by code, national id, name or alias. */
  async matcher(db: Executor = this.platform.db): Promise<(written: string) => Agency | null> {
    return agencyMatcher(await this.list(db));
  }

  async save(actor: Actor, code: string, body: SaveAgencyBody): Promise<SaveAgencyResult> {
    await this.orgUnits.requireInScope(actor.scope, body.unitId);
    const { db, now } = this.platform;
    return auditedWrite(
      db,
      actor,
      { action: 'agencies.save', entityType: 'agency', entityId: code },
      async (trx) => {
        const before = await repo.findAgency(trx, code);
        const { agency, rematched } = await this.apply(trx, code, body);
        return { before: before ? toAgency(before) : null, after: agency, result: { agency, rematched } };
      },
      now,
    );
  }

  /**
   * Agencies from CSV (code,name,name_en,unit_id,kind[,aliases][,national_id], aliases separated by ";"): every row
   * is checked first, and a file with any bad row stores nothing; then all are saved in one audited transaction.
   */
  async importCsv(actor: Actor, file: Buffer): Promise<AgencyImportResult> {
    const read = readCsv(file);
    if (!read.ok) throw invalid(read.message, [{ field: `row ${read.row}`, message: read.message, rule: 'csv' }]);
    const missing = REQUIRED.filter((c) => !read.header.includes(c));
    if (missing.length > 0)
      throw invalid(`Missing column(s) ${missing.join(', ')}`, [
        { field: 'row 1', message: `columns: ${[...REQUIRED, 'aliases', 'national_id'].join(',')}`, rule: 'header' },
      ]);
    const inScope = new Set((await this.orgUnits.currentInScope(actor.scope)).map((u) => u.id));
    const problems: { field: string; message: string; rule: string }[] = [];
    const rows = read.records.map((record) => {
      const cell = (column: string) => (record.cells[read.header.indexOf(column)] ?? '').trim();
      const problem = (column: string, message: string) =>
        problems.push({ field: `row ${record.row}: /${column}`, message, rule: 'format' });
      const code = cell('code');
      const kind = cell('kind');
      const nationalId = read.header.includes('national_id') ? cell('national_id') : '';
      if (!CODE.test(code)) problem('code', `'${code}' is not an agency code (letters, digits, _ . -)`);
      if (!cell('name')) problem('name', 'is empty');
      if (!cell('name_en')) problem('name_en', 'is empty');
      if (!inScope.has(cell('unit_id'))) problem('unit_id', `'${cell('unit_id')}' is not a current unit in your scope`);
      if (!KINDS.includes(kind)) problem('kind', `'${kind}' is not one of ${KINDS.join(', ')}`);
      if (nationalId && !NATIONAL_ID.test(nationalId)) {
        problem('national_id', `'${nationalId}' is not a national agency id (e.g. 000.00.00.H27)`);
      }
      const aliases = read.header.includes('aliases')
        ? cell('aliases')
            .split(';')
            .map((a) => a.trim())
            .filter(Boolean)
        : [];
      const body = { name: cell('name'), nameEn: cell('name_en'), unitId: cell('unit_id'), kind, aliases };
      return { code, body: { ...body, nationalId: nationalId || null } as SaveAgencyBody };
    });
    if (read.records.length === 0)
      problems.push({ field: 'row 2', message: 'the file has no agency rows', rule: 'empty' });
    if (problems.length > 0) throw invalid(`Nothing was stored: ${problems.length} problem(s)`, problems);
    const { db, now } = this.platform;
    return auditedWrite(
      db,
      actor,
      { action: 'agencies.import', entityType: 'agency', entityId: null },
      async (trx) => {
        let rematched = 0;
        for (const { code, body } of rows) rematched += (await this.apply(trx, code, body)).rematched;
        const result = { saved: rows.length, rematched };
        return { before: null, after: { ...result, codes: rows.map((r) => r.code) }, result };
      },
      now,
    );
  }

  /** Saves an agency, then lets each subsystem re-match its records to it, in the same transaction. */
  private async apply(
    trx: Transaction<Database>,
    code: string,
    body: SaveAgencyBody,
  ): Promise<{ agency: Agency; rematched: number }> {
    const previous = await repo.findAgency(trx, code);
    // A body without nationalId keeps the recorded one: older clients do not know the field.
    const nationalId = body.nationalId === undefined ? (previous?.national_id ?? null) : body.nationalId;
    if (nationalId) {
      const holder = await repo.holderOfNationalId(trx, nationalId, code);
      if (holder) {
        throw conflict(`National id ${nationalId} already belongs to agency ${holder.code}`, [
          { field: '/nationalId', message: `already belongs to ${holder.code}`, rule: 'unique' },
        ]);
      }
    }
    const row: repo.AgencyRow = {
      code,
      name: body.name,
      name_en: body.nameEn,
      unit_id: body.unitId,
      kind: body.kind,
      aliases: JSON.stringify(body.aliases),
      national_id: nationalId,
    };
    await repo.saveAgency(trx, row);
    const agency = toAgency(row);
    let rematched = 0;
    for (const listener of this.listeners) rematched += await listener(trx, agency);
    return { agency, rematched };
  }
}

const REQUIRED = ['code', 'name', 'name_en', 'unit_id', 'kind'];
const KINDS = ['department', 'commune', 'other'];
const CODE = /^[A-Za-z0-9_.-]{1,100}$/;
const NATIONAL_ID = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2}$/;
