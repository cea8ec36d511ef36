import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, ProcedureTable } from '../../../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;
export type ProcedureRow = Selectable<ProcedureTable>;
export type ProcedureWithField = ProcedureRow & { field_name: string };
export interface FieldRow {
  code: string;
  name: string;
  name_en: string | null;
}

export async function listFields(db: Executor): Promise<FieldRow[]> {
  return db.selectFrom('ps_fields').selectAll().orderBy('code').execute();
}

export async function findField(db: Executor, code: string): Promise<FieldRow | undefined> {
  return db.selectFrom('ps_fields').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function saveField(db: Executor, row: FieldRow): Promise<void> {
  await db
    .insertInto('ps_fields')
    .values(row)
    .onConflict((oc) => oc.column('code').doUpdateSet({ name: row.name, name_en: row.name_en }))
    .execute();
}

export interface ProcedureFilter {
  field?: string;
  agency?: string;
  level?: string;
  /** Already without accents or case. */
  search?: string;
}

function withField(db: Executor) {
  return db
    .selectFrom('ps_procedures as p')
    .innerJoin('ps_fields as f', 'f.code', 'p.field_code')
    .selectAll('p')
    .select('f.name as field_name');
}

export async function listProcedures(db: Executor, filter: ProcedureFilter = {}): Promise<ProcedureWithField[]> {
  let query = withField(db);
  if (filter.field) query = query.where('p.field_code', '=', filter.field);
  if (filter.agency) query = query.where('p.agency_code', '=', filter.agency);
  if (filter.level) query = query.where('p.level', '=', filter.level);
  if (filter.search) query = query.where('p.search_text', 'like', `%${filter.search}%`);
  return query.orderBy('p.code').execute();
}

export async function findProcedure(db: Executor, code: string): Promise<ProcedureWithField | undefined> {
  return withField(db).where('p.code', '=', code).executeTakeFirst();
}

/** Inserts or replaces procedures, 100 to a statement. */
export async function upsertProcedures(db: Executor, rows: readonly ProcedureRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('ps_procedures')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          field_code: eb.ref('excluded.field_code'),
          level: eb.ref('excluded.level'),
          agency_code: eb.ref('excluded.agency_code'),
          online_level: eb.ref('excluded.online_level'),
          online_payment: eb.ref('excluded.online_payment'),
          deadline_days: eb.ref('excluded.deadline_days'),
          fee_vnd: eb.ref('excluded.fee_vnd'),
          search_text: eb.ref('excluded.search_text'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

export async function insertFields(db: Executor, rows: readonly FieldRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('ps_fields')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
