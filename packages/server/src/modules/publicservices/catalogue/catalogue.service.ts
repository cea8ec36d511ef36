import type {
  Procedure,
  ProcedureField,
  ProcedureImportProblem,
  ProcedureImportResult,
  ProcedureListQuery,
  SaveProcedureBody,
  SaveProcedureFieldBody,
} from '@ioc/shared';
import { invalid, notFound } from '../../../errors.ts';
import { readCsv } from '../../../lib/csv-reader.ts';
import type { Platform } from '../../../platform.ts';
import type { AgencyService } from '../../agencies/agencies.service.ts';
import { normalizeName } from '../../agencies/agencies.ts';
import { auditedWrite } from '../../audit/audit.service.ts';
import type { Actor } from '../../auth/actor.ts';
import { figuresChanged } from '../figures-version.ts';
import * as repo from './catalogue.repo.ts';
import {
  agencyProblem,
  checkImportRows,
  headerProblems,
  type OnlineLevel,
  type ProcedureInput,
  type ProcedureLevel,
} from './procedure-rows.ts';

const toField = (row: repo.FieldRow): ProcedureField => ({ code: row.code, name: row.name, nameEn: row.name_en });

function toProcedure(row: repo.ProcedureWithField): Procedure {
  return {
    code: row.code,
    name: row.name,
    fieldCode: row.field_code,
    fieldName: row.field_name,
    level: row.level as ProcedureLevel,
    agencyCode: row.agency_code,
    onlineLevel: row.online_level as OnlineLevel,
    onlinePayment: Number(row.online_payment) === 1,
    deadlineDays: row.deadline_days === null ? null : Number(row.deadline_days),
    feeVnd: row.fee_vnd === null ? null : Number(row.fee_vnd),
    updatedAt: row.updated_at,
  };
}

/** A procedure as stored, with its search text. */
export function procedureRow(p: ProcedureInput, at: string): repo.ProcedureRow {
  return {
    code: p.code,
    name: p.name,
    field_code: p.fieldCode,
    level: p.level,
    agency_code: p.agencyCode,
    online_level: p.onlineLevel,
    online_payment: p.onlinePayment ? 1 : 0,
    deadline_days: p.deadlineDays,
    fee_vnd: p.feeVnd,
    search_text: normalizeName(`${p.code} ${p.name}`),
    updated_at: at,
  };
}

/** Whether an import row would change the stored procedure (its update time aside). */
function sameProcedure(stored: repo.ProcedureRow, next: repo.ProcedureRow): boolean {
  const keys = ['name', 'field_code', 'level', 'agency_code', 'online_level', 'online_payment'] as const;
  return (
    keys.every((k) => stored[k] === next[k]) &&
    (stored.deadline_days === null ? null : Number(stored.deadline_days)) === next.deadline_days &&
    (stored.fee_vnd === null ? null : Number(stored.fee_vnd)) === next.fee_vnd
  );
}

const asFieldErrors = (problems: readonly ProcedureImportProblem[]) =>
  problems.map((p) => ({
    field: `/rows/${p.row}${p.column === null ? '' : `/${p.column}`}`,
    message: p.message,
    rule: p.rule,
  }));

/**
 * The catalogue of fields (lĩnh vực) and administrative procedures (TTHC): what the province offers, by which tier and
 * agency, how far online, with which fee and deadline. Kept by hand or imported from the portal's CSV export.
 */
export class ProcedureCatalogueService {
  constructor(
    private readonly platform: Platform,
    private readonly agencies: AgencyService,
  ) {}

  async fields(): Promise<ProcedureField[]> {
    return (await repo.listFields(this.platform.db)).map(toField);
  }

  async saveField(actor: Actor, code: string, body: SaveProcedureFieldBody): Promise<ProcedureField> {
    const { db, now } = this.platform;
    const row: repo.FieldRow = { code, name: body.name, name_en: body.nameEn ?? null };
    return auditedWrite(
      db,
      actor,
      { action: 'publicservices.field.save', entityType: 'ps_field', entityId: code },
      async (trx) => {
        await figuresChanged(trx, this.platform.now().toISOString());
        const before = await repo.findField(trx, code);
        await repo.saveField(trx, row);
        return { before: before ? toField(before) : null, after: toField(row), result: toField(row) };
      },
      now,
    );
  }

  async procedures(query: ProcedureListQuery): Promise<Procedure[]> {
    const search = query.q ? normalizeName(query.q).replace(/\\/g, '') : '';
    const rows = await repo.listProcedures(this.platform.db, {
      ...(query.field ? { field: query.field } : {}),
      ...(query.agency ? { agency: query.agency } : {}),
      ...(query.level ? { level: query.level } : {}),
      ...(search ? { search } : {}),
    });
    return rows.map(toProcedure);
  }

  async procedure(code: string): Promise<Procedure> {
    const row = await repo.findProcedure(this.platform.db, code);
    if (!row) throw notFound(`Procedure ${code}`);
    return toProcedure(row);
  }

  async saveProcedure(actor: Actor, code: string, body: SaveProcedureBody): Promise<Procedure> {
    const { db, now } = this.platform;
    const input: ProcedureInput = {
      code,
      name: body.name,
      fieldCode: body.fieldCode,
      level: body.level,
      agencyCode: body.agencyCode ?? null,
      onlineLevel: body.onlineLevel,
      onlinePayment: body.onlinePayment ?? false,
      deadlineDays: body.deadlineDays ?? null,
      feeVnd: body.feeVnd ?? null,
    };
    const [field, agencies] = await Promise.all([repo.findField(db, input.fieldCode), this.agencies.list()]);
    const problems = [];
    if (!field) problems.push({ field: '/fieldCode', message: `unknown field '${input.fieldCode}'`, rule: 'unknown' });
    const agency = agencyProblem(
      input.level,
      input.agencyCode,
      new Map(agencies.map((a) => [a.code, a])),
      this.platform.config.rootUnit,
    );
    if (agency) problems.push({ field: '/agencyCode', message: agency, rule: 'agency' });
    if (problems.length > 0) throw invalid(`The procedure was refused: ${problems.length} problem(s)`, problems);
    return auditedWrite(
      db,
      actor,
      { action: 'publicservices.procedure.save', entityType: 'ps_procedure', entityId: code },
      async (trx) => {
        await figuresChanged(trx, this.platform.now().toISOString());
        const before = await repo.findProcedure(trx, code);
        await repo.upsertProcedures(trx, [procedureRow(input, now().toISOString())]);
        const after = toProcedure((await repo.findProcedure(trx, code))!);
        return { before: before ? toProcedure(before) : null, after, result: after };
      },
      now,
    );
  }

  /**
   * A CSV of procedures (see procedure-rows.ts for the columns). mode 'all' stores nothing unless every row is good
   * (400 naming each bad row and column); 'valid' stores the good rows and reports the bad. A field code the
   * catalogue lacks is created when a row gives its field_name. Unchanged rows keep their update time.
   */
  async importCsv(actor: Actor, body: Buffer | string, mode: 'all' | 'valid'): Promise<ProcedureImportResult> {
    const { db, now } = this.platform;
    const read = readCsv(body);
    if (!read.ok)
      throw invalid(`The CSV cannot be read: ${read.message} (row ${read.row})`, [
        { field: `/rows/${read.row}`, message: read.message, rule: 'csv' },
      ]);
    const header = headerProblems(read.header);
    if (header.length > 0)
      throw invalid(`The CSV header was refused: ${header.length} problem(s)`, asFieldErrors(header));
    if (read.records.length === 0) {
      throw invalid('The CSV has no data rows', [{ field: '/rows', message: 'no data rows', rule: 'minItems' }]);
    }
    const [fields, agencies] = await Promise.all([repo.listFields(db), this.agencies.list()]);
    const checked = checkImportRows(
      read.header,
      read.records,
      new Set(fields.map((f) => f.code)),
      new Map(agencies.map((a) => [a.code, a])),
      this.platform.config.rootUnit,
    );
    const { problems } = checked;
    if (problems.length > 0 && mode === 'all') {
      const rows = new Set(problems.map((p) => p.row)).size;
      throw invalid(
        `The file was refused: ${problems.length} problem(s) in ${rows} row(s); nothing was stored`,
        asFieldErrors(problems),
      );
    }
    const result: ProcedureImportResult = {
      applied: false,
      rows: read.records.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      fieldsCreated: [],
      refused: problems,
    };
    if (checked.rows.length === 0) return result;
    return auditedWrite(
      db,
      actor,
      { action: 'publicservices.procedure.import', entityType: 'ps_procedure', entityId: null },
      async (trx) => {
        await figuresChanged(trx, this.platform.now().toISOString());
        const at = now().toISOString();
        const stored = new Map((await repo.listProcedures(trx)).map((p) => [p.code, p]));
        const used = new Set(checked.rows.map((r) => r.procedure.fieldCode));
        const newFields = [...checked.newFields].filter(([code]) => used.has(code));
        await repo.insertFields(
          trx,
          newFields.map(([code, name]) => ({ code, name, name_en: null })),
        );
        const changed: repo.ProcedureRow[] = [];
        for (const { procedure } of checked.rows) {
          const row = procedureRow(procedure, at);
          const before = stored.get(procedure.code);
          if (before && sameProcedure(before, row)) result.unchanged++;
          else {
            changed.push(row);
            if (before) result.updated++;
            else result.created++;
          }
        }
        await repo.upsertProcedures(trx, changed);
        result.applied = true;
        result.fieldsCreated = newFields.map(([code]) => code);
        const { refused: _refused, ...counts } = result;
        return { before: null, after: { ...counts, refused: problems.length }, result };
      },
      now,
    );
  }
}
