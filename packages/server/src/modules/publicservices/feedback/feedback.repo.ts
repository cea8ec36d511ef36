import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database, FeedbackTable } from '../../../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;
export type FeedbackRow = Selectable<FeedbackTable> & { unit_name: string | null };
export type NewFeedback = Omit<Insertable<FeedbackTable>, 'id'>;

/** Feedback about units under `scopeUnit` (and itself); feedback about no unit in particular is the root unit's. */
function inScope(db: Executor, scopeUnit: string, rootUnit: string) {
  const pattern = `%/${scopeUnit}/%`;
  return db
    .selectFrom('ps_feedback as f')
    .leftJoin('org_units as u', 'u.id', 'f.unit_id')
    .selectAll('f')
    .select('u.name as unit_name')
    .where((eb) =>
      scopeUnit === rootUnit
        ? eb.or([eb('f.unit_id', 'is', null), eb('u.path', 'like', pattern)])
        : eb('u.path', 'like', pattern),
    );
}

export interface FeedbackFilter {
  status?: string;
  agency?: string;
  receivedFrom?: string;
  receivedTo?: string;
  /** In remit, still open and past due at this instant. */
  overdueAt?: string;
  beforeId?: number;
  limit: number;
}

export async function listInScope(
  db: Executor,
  scopeUnit: string,
  rootUnit: string,
  filter: FeedbackFilter,
): Promise<FeedbackRow[]> {
  let query = inScope(db, scopeUnit, rootUnit);
  if (filter.status) query = query.where('f.status', '=', filter.status);
  if (filter.agency) query = query.where('f.agency_code', '=', filter.agency);
  if (filter.receivedFrom) query = query.where('f.received_at', '>=', filter.receivedFrom);
  if (filter.receivedTo) query = query.where('f.received_at', '<', filter.receivedTo);
  if (filter.overdueAt) {
    query = query
      .where('f.in_remit', '=', 1)
      .where('f.status', 'in', ['received', 'in_progress'])
      .where('f.due_at', '<', filter.overdueAt);
  }
  if (filter.beforeId) query = query.where('f.id', '<', filter.beforeId);
  return query.orderBy('f.id', 'desc').limit(filter.limit).execute();
}

export async function findInScope(
  db: Executor,
  scopeUnit: string,
  rootUnit: string,
  code: string,
): Promise<FeedbackRow | undefined> {
  return inScope(db, scopeUnit, rootUnit).where('f.code', '=', code).executeTakeFirst();
}

export async function codeExists(db: Executor, code: string): Promise<boolean> {
  return (await db.selectFrom('ps_feedback').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function insertFeedback(db: Executor, row: NewFeedback): Promise<number> {
  const inserted = await db.insertInto('ps_feedback').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateFeedback(db: Executor, id: number, changes: Updateable<FeedbackTable>): Promise<void> {
  await db.updateTable('ps_feedback').set(changes).where('id', '=', id).execute();
}

/**
 * What the figures of [from, to) can need: feedback received before `to` that was received, answered or due in the
 * period or later (an item judged before `from` has its receipt, answer and deadline all before it).
 */
export async function forFigures(
  db: Executor,
  scopeUnit: string,
  rootUnit: string,
  from: string,
  to: string,
): Promise<FeedbackRow[]> {
  return inScope(db, scopeUnit, rootUnit)
    .where('f.received_at', '<', to)
    .where((eb) =>
      eb.or([eb('f.received_at', '>=', from), eb('f.due_at', '>=', from), eb('f.answered_at', '>=', from)]),
    )
    .execute();
}

/** Feedback from another system (or the demo) by its code: new items are added, known ones take the new state. */
export async function upsertFeedback(db: Executor, rows: readonly NewFeedback[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('ps_feedback')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          answered_at: eb.ref('excluded.answered_at'),
          answer: eb.ref('excluded.answer'),
          satisfaction: eb.ref('excluded.satisfaction'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}
