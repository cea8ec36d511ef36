import { type Kysely, type RawBuilder, type SqlBool, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AgencyLink } from './document-links.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** One link as stored. */
export interface LinkRow {
  documentId: number;
  agencyCode: string;
  role: AgencyLink['role'];
}

/** Adds links, a few hundred rows a statement; one already there is left as it is. */
export async function insertLinks(db: Executor, links: readonly LinkRow[]): Promise<void> {
  for (let i = 0; i < links.length; i += 500) {
    await db
      .insertInto('document_agencies')
      .values(
        links.slice(i, i + 500).map((l) => ({ document_id: l.documentId, agency_code: l.agencyCode, role: l.role })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function linksOf(db: Executor, documentIds: readonly number[]): Promise<Map<number, AgencyLink[]>> {
  const byDocument = new Map<number, AgencyLink[]>();
  if (documentIds.length === 0) return byDocument;
  const rows = await db
    .selectFrom('document_agencies')
    .select(['document_id', 'agency_code', 'role'])
    .where('document_id', 'in', [...documentIds])
    .execute();
  for (const r of rows) {
    const list = byDocument.get(Number(r.document_id)) ?? [];
    list.push({ agencyCode: r.agency_code, role: r.role as AgencyLink['role'] });
    byDocument.set(Number(r.document_id), list);
  }
  return byDocument;
}

/** An empty list matches nothing; `in ()` is not SQL. */
const codesOf = (agencies: readonly string[]) => (agencies.length > 0 ? [...agencies] : ['']);

/**
 * Whether the document whose id is in column `id` is one the agencies read (`document-access.ts`): linked to one of
 * them, or the source of a task one of them leads or co-operates on. Written so that each test is a few index probes
 * from the document (its links; its tasks, then their units), never a walk over an agency's tasks.
 */
export function readableAt(id: string, agencies: readonly string[]): RawBuilder<SqlBool> {
  const codes = sql.join(codesOf(agencies));
  const doc = sql.ref(id);
  return sql<SqlBool>`(exists (select 1 from document_agencies da
      where da.document_id = ${doc} and da.agency_code in (${codes}))
    or exists (select 1 from tasks t where t.document_id = ${doc}
      and exists (select 1 from task_units tu where tu.task_id = t.id and tu.agency_code in (${codes}))))`;
}

/** The ids of the documents the agencies read, from the agency indexes (a query, to use inside another). */
export function readableIdsOf(db: Executor, agencies: readonly string[]) {
  const codes = codesOf(agencies);
  return db
    .selectFrom('document_agencies')
    .select('document_id')
    .where('agency_code', 'in', codes)
    .union(
      db
        .selectFrom('task_units')
        .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
        .select('tasks.document_id as document_id')
        .where('task_units.agency_code', 'in', codes)
        .where('tasks.document_id', 'is not', null)
        .$narrowType<{ document_id: number }>(),
    );
}

/**
 * Those ids up to `cap`: all of them when fewer, which then lead a search as a plain list of ids (both planners then
 * look each one up rather than guess at a join).
 */
export async function readableIdsUpTo(db: Executor, agencies: readonly string[], cap: number): Promise<number[]> {
  const rows = await readableIdsOf(db, agencies).limit(cap).execute();
  return rows.map((r) => Number(r.document_id));
}

export async function isReadable(db: Executor, documentId: number, agencies: readonly string[]): Promise<boolean> {
  const row = await db
    .selectFrom('documents')
    .select('id')
    .where('id', '=', documentId)
    .where(readableAt('documents.id', agencies))
    .executeTakeFirst();
  return row !== undefined;
}

/** A batch of registered documents in id order, with what their links are matched from. */
export async function organsAfter(db: Executor, afterId: number, limit: number) {
  return db
    .selectFrom('documents')
    .select(['id', 'organ_id', 'organ_name', 'recipients'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Documents that may name an agency: issued under one of `keys` (normalised organ id or name, read off the identifier
 * index) or with one of `texts` among their recipients. A superset: the caller matches each one.
 */
export async function organsNaming(db: Executor, keys: readonly string[], texts: readonly string[]) {
  if (keys.length === 0 && texts.length === 0) return [];
  return db
    .selectFrom('documents')
    .select(['id', 'organ_id', 'organ_name', 'recipients'])
    .where((eb) =>
      eb.or([
        // The identifier starts with the organ and '|'; '}' is the character after '|'.
        ...keys.map((k) => eb.and([eb('ident_key', '>=', `${k}|`), eb('ident_key', '<', `${k}}`)])),
        ...texts.map((t) => eb('recipients', 'like', `%${t}%`)),
      ]),
    )
    .execute();
}

export async function linkedTo(db: Executor, agencyCode: string, documentIds: readonly number[]): Promise<Set<string>> {
  if (documentIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('document_agencies')
    .select(['document_id', 'role'])
    .where('agency_code', '=', agencyCode)
    .where('document_id', 'in', [...documentIds])
    .execute();
  return new Set(rows.map((r) => `${r.document_id}:${r.role}`));
}
