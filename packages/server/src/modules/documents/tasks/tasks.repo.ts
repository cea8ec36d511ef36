import type { TaskState } from '@ioc/shared';
import type { ExpressionBuilder, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database, TaskEventTable, TaskTable } from '../../../db/schema.ts';

type Executor = Kysely<Database> | Transaction<Database>;
export type TaskRow = Selectable<TaskTable>;
export type TaskEventRow = Selectable<TaskEventTable>;

export async function insertTask(
  trx: Transaction<Database>,
  row: Insertable<TaskTable>,
  units: { code: string; role: 'lead' | 'cooperating' }[],
): Promise<number> {
  const { id } = await trx.insertInto('tasks').values(row).returning('id').executeTakeFirstOrThrow();
  const taskId = Number(id);
  await trx
    .insertInto('task_units')
    .values(units.map((u) => ({ task_id: taskId, agency_code: u.code, role: u.role })))
    .execute();
  return taskId;
}

export async function updateTask(trx: Transaction<Database>, id: number, changes: Updateable<TaskTable>) {
  await trx.updateTable('tasks').set(changes).where('id', '=', id).execute();
}

export async function insertEvent(trx: Transaction<Database>, row: Insertable<TaskEventTable>): Promise<number> {
  const { id } = await trx.insertInto('task_events').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export async function findTask(db: Executor, id: number): Promise<TaskRow | undefined> {
  return db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function unitsOf(db: Executor, taskIds: readonly number[]) {
  const byTask = new Map<number, { code: string; role: string }[]>();
  if (taskIds.length === 0) return byTask;
  const rows = await db
    .selectFrom('task_units')
    .select(['task_id', 'agency_code', 'role'])
    .where('task_id', 'in', [...taskIds])
    .orderBy('agency_code')
    .execute();
  for (const r of rows) {
    const list = byTask.get(Number(r.task_id)) ?? [];
    list.push({ code: r.agency_code, role: r.role });
    byTask.set(Number(r.task_id), list);
  }
  return byTask;
}

export async function eventsOf(db: Executor, taskId: number): Promise<TaskEventRow[]> {
  return db.selectFrom('task_events').selectAll().where('task_id', '=', taskId).orderBy('id').execute();
}

export async function pendingExtensions(db: Executor, taskIds: readonly number[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('task_extensions')
    .selectAll()
    .where('task_id', 'in', [...taskIds])
    .where('status', '=', 'pending')
    .execute();
}

export async function findExtension(db: Executor, taskId: number, id: number) {
  return db
    .selectFrom('task_extensions')
    .selectAll()
    .where('task_id', '=', taskId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertExtension(
  trx: Transaction<Database>,
  row: { task_id: number; requested_due_date: string; reason: string; requested_at: string; requested_by: string },
) {
  await trx
    .insertInto('task_extensions')
    .values({ ...row, status: 'pending', decided_at: null, decided_by: null, note: null })
    .execute();
}

export async function decideExtension(
  trx: Transaction<Database>,
  id: number,
  status: 'approved' | 'refused' | 'withdrawn',
  at: string,
  by: string,
  note: string | null,
) {
  await trx
    .updateTable('task_extensions')
    .set({ status, decided_at: at, decided_by: by, note })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/** Today's state as SQL, the same rule as `taskState`: `until` is the last nearly-due day. */
function stateCondition(eb: ExpressionBuilder<Database, 'tasks'>, state: TaskState, today: string, until: string) {
  const open = eb.and([eb('completed_on', 'is', null), eb('cancelled_at', 'is', null)]);
  const started = eb.or([eb('progress', '>', 0), eb('last_report_at', 'is not', null)]);
  switch (state) {
    case 'cancelled':
      return eb('cancelled_at', 'is not', null);
    case 'done_on_time':
      return eb.and([eb('cancelled_at', 'is', null), eb('completed_on', '<=', eb.ref('due_date'))]);
    case 'done_late':
      return eb.and([eb('cancelled_at', 'is', null), eb('completed_on', '>', eb.ref('due_date'))]);
    case 'overdue':
      return eb.and([open, eb('due_date', '<', today)]);
    case 'nearly_due':
      return eb.and([open, eb('due_date', '>=', today), eb('due_date', '<=', until)]);
    case 'in_progress':
      return eb.and([open, eb('due_date', '>', until), started]);
    case 'not_started':
      return eb.and([open, eb('due_date', '>', until), eb.not(started)]);
  }
}

export interface TaskFilter {
  /** Agencies the caller acts for; null = every task. */
  units: readonly string[] | null;
  state?: TaskState;
  open?: boolean;
  unit?: string;
  documentId?: number;
  words: string[];
  dueFrom?: string;
  dueTo?: string;
  sort: 'due' | 'lateness' | 'recent';
  limit: number;
  offset: number;
  today: string;
  nearlyDueUntil: string;
}

function filtered(db: Executor, f: TaskFilter) {
  let q = db.selectFrom('tasks');
  const units = f.units;
  if (units !== null) {
    q = q.where('id', 'in', (eb) =>
      eb
        .selectFrom('task_units')
        .select('task_id')
        .where('agency_code', 'in', units.length > 0 ? [...units] : ['']),
    );
  }
  const unit = f.unit;
  if (unit)
    q = q.where('id', 'in', (eb) => eb.selectFrom('task_units').select('task_id').where('agency_code', '=', unit));
  const state = f.state;
  if (state) q = q.where((eb) => stateCondition(eb, state, f.today, f.nearlyDueUntil));
  if (f.open === true) q = q.where('completed_on', 'is', null).where('cancelled_at', 'is', null);
  if (f.open === false)
    q = q.where((eb) => eb.or([eb('completed_on', 'is not', null), eb('cancelled_at', 'is not', null)]));
  if (f.documentId !== undefined) q = q.where('document_id', '=', f.documentId);
  if (f.dueFrom) q = q.where('due_date', '>=', f.dueFrom);
  if (f.dueTo) q = q.where('due_date', '<=', f.dueTo);
  for (const word of f.words) q = q.where('search_text', 'like', `%${word}%`);
  return q;
}

export async function listTasks(db: Executor, f: TaskFilter): Promise<{ rows: TaskRow[]; total: number }> {
  let q = filtered(db, f).selectAll();
  // "lateness": the open task furthest past its deadline first, i.e. the earliest deadline among open ones.
  if (f.sort === 'recent') q = q.orderBy('assigned_at', 'desc');
  else q = q.orderBy('due_date', 'asc');
  const [rows, count] = await Promise.all([
    q.orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
    filtered(db, f)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/**
 * The tasks a page's figures count, with what decides their state: those assigned from `from` to `to`, and with
 * `carryOver` those assigned earlier and still open; `units` keeps the tasks those agencies lead or co-operate on, as
 * the lists do (null: every task).
 */
export async function tasksForFigures(
  db: Executor,
  f: { from: string; to: string; carryOver: boolean; units: readonly string[] | null },
) {
  let q = db
    .selectFrom('tasks')
    .select([
      'id',
      'lead_unit',
      'assigned_on',
      'due_date',
      'progress',
      'last_report_at',
      'completed_on',
      'cancelled_at',
    ])
    .where('assigned_on', '<=', f.to)
    .where((eb) => {
      const inSpan = eb('assigned_on', '>=', f.from);
      if (!f.carryOver) return inSpan;
      return eb.or([inSpan, eb.and([eb('completed_on', 'is', null), eb('cancelled_at', 'is', null)])]);
    });
  const units = f.units;
  if (units !== null) {
    q = q.where('id', 'in', (eb) =>
      eb
        .selectFrom('task_units')
        .select('task_id')
        .where('agency_code', 'in', units.length > 0 ? [...units] : ['']),
    );
  }
  return q.execute();
}

/** Reminders per unit between two instants. */
export async function remindersByUnit(db: Executor, fromIso: string, toIso: string) {
  const rows = await db
    .selectFrom('task_events')
    .select(['unit', (eb) => eb.fn.countAll<number>().as('n')])
    .where('kind', '=', 'reminder')
    .where('at', '>=', fromIso)
    .where('at', '<', toIso)
    .groupBy('unit')
    .execute();
  return new Map(rows.map((r) => [r.unit ?? '', Number(r.n)]));
}

/** Open tasks due on or before a day whose last alerted state may be stale; `ids` limits it to some tasks. */
export async function openTasksDueBy(db: Executor, until: string, ids?: readonly number[]) {
  let q = db.selectFrom('tasks');
  if (ids) q = q.where('id', 'in', ids.length > 0 ? [...ids] : [0]);
  return q
    .select(['id', 'title', 'lead_unit', 'due_date', 'progress', 'last_report_at', 'alerted_state'])
    .where('completed_on', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('due_date', '<=', until)
    .execute();
}

export async function setAlertedState(trx: Transaction<Database>, ids: readonly number[], state: string) {
  if (ids.length === 0) return;
  await trx
    .updateTable('tasks')
    .set({ alerted_state: state })
    .where('id', 'in', [...ids])
    .execute();
}

export async function taskOfEvent(db: Executor, eventId: number): Promise<number | null> {
  const row = await db.selectFrom('task_events').select('task_id').where('id', '=', eventId).executeTakeFirst();
  return row ? Number(row.task_id) : null;
}
