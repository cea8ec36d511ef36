import type { Insertable, Selectable } from 'kysely';
import type { NotificationAttemptTable, NotificationDeliveryTable, NotificationItemTable } from '../../db/schema.ts';
import type { Executor } from './endpoints.repo.ts';

export type DeliveryRow = Selectable<NotificationDeliveryTable>;
export type AttemptRow = Selectable<NotificationAttemptTable>;
export type ItemRow = Selectable<NotificationItemTable>;
export type NewItem = Omit<Insertable<NotificationItemTable>, 'id' | 'delivery_id'>;

/** Every server hears every bus event: the first to write an item keeps it, the others' rows are dropped. */
export async function insertItems(db: Executor, items: readonly NewItem[]): Promise<void> {
  if (items.length === 0) return;
  await db
    .insertInto('notification_items')
    .values([...items])
    .onConflict((oc) => oc.columns(['endpoint_id', 'event_key']).doNothing())
    .execute();
}

/** Items not yet carried by a delivery, per endpoint and event, with the oldest one's time. */
export async function waitingGroups(db: Executor): Promise<{ endpoint_id: number; event: string; first: string }[]> {
  return db
    .selectFrom('notification_items')
    .innerJoin('notification_endpoints as e', 'e.id', 'notification_items.endpoint_id')
    .select((eb) => ['endpoint_id', 'event', eb.fn.min<string>('queued_at').as('first')])
    .where('delivery_id', 'is', null)
    .where('e.enabled', '=', 1)
    .groupBy(['endpoint_id', 'event'])
    .execute();
}

export async function waitingItems(db: Executor, endpointId: number, event: string): Promise<ItemRow[]> {
  return db
    .selectFrom('notification_items')
    .selectAll()
    .where('endpoint_id', '=', endpointId)
    .where('event', '=', event)
    .where('delivery_id', 'is', null)
    .orderBy('id')
    .execute();
}

/** How many of the items this delivery took: fewer than asked means another server took them first. */
export async function attachItems(db: Executor, itemIds: readonly number[], deliveryId: number): Promise<number> {
  const result = await db
    .updateTable('notification_items')
    .set({ delivery_id: deliveryId })
    .where('id', 'in', [...itemIds])
    .where('delivery_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertDelivery(
  db: Executor,
  row: Omit<Insertable<NotificationDeliveryTable>, 'id'>,
): Promise<number> {
  const inserted = await db.insertInto('notification_deliveries').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

/** Pending deliveries whose time has come and that no live server holds, of enabled endpoints, oldest first. */
export async function dueDeliveries(db: Executor, at: string, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('notification_deliveries as d')
    .innerJoin('notification_endpoints as e', 'e.id', 'd.endpoint_id')
    .select('d.id')
    .where('d.state', '=', 'pending')
    .where('d.next_attempt_at', '<=', at)
    .where((eb) => eb.or([eb('d.claimed_until', 'is', null), eb('d.claimed_until', '<', at)]))
    .where('e.enabled', '=', 1)
    .orderBy('d.next_attempt_at')
    .orderBy('d.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Takes a pending delivery for this server until `until`, in one statement: of several servers claiming the same
 * row, PostgreSQL lets the first update through and re-checks the others' condition, which then fails.
 */
export async function claimDelivery(
  db: Executor,
  id: number,
  node: string,
  at: string,
  until: string,
): Promise<DeliveryRow | undefined> {
  return db
    .updateTable('notification_deliveries')
    .set({ claimed_by: node, claimed_until: until })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at)]))
    .returningAll()
    .executeTakeFirst();
}

export async function recordAttempt(
  db: Executor,
  attempt: Omit<Insertable<NotificationAttemptTable>, 'id'>,
  outcome: { state: string; attempts: number; nextAttemptAt: string | null; deliveredAt: string | null },
): Promise<void> {
  await db.insertInto('notification_attempts').values(attempt).execute();
  await db
    .updateTable('notification_deliveries')
    .set({
      state: outcome.state,
      attempts: outcome.attempts,
      next_attempt_at: outcome.nextAttemptAt,
      delivered_at: outcome.deliveredAt,
      claimed_by: null,
      claimed_until: null,
    })
    .where('id', '=', attempt.delivery_id)
    .execute();
}

export async function findDelivery(db: Executor, id: number): Promise<DeliveryRow | undefined> {
  return db.selectFrom('notification_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface DeliveryFilter {
  endpointId?: number;
  state?: string;
}

export async function listDeliveries(
  db: Executor,
  filter: DeliveryFilter,
  limit: number,
  offset: number,
): Promise<{ rows: (DeliveryRow & { endpoint_name: string })[]; total: number }> {
  let query = db
    .selectFrom('notification_deliveries as d')
    .innerJoin('notification_endpoints as e', 'e.id', 'd.endpoint_id');
  if (filter.endpointId !== undefined) query = query.where('d.endpoint_id', '=', filter.endpointId);
  if (filter.state !== undefined) query = query.where('d.state', '=', filter.state);
  const [rows, count] = await Promise.all([
    query
      .selectAll('d')
      .select('e.name as endpoint_name')
      .orderBy('d.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function attemptsOf(db: Executor, deliveryIds: readonly number[]): Promise<AttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return db
    .selectFrom('notification_attempts')
    .selectAll()
    .where('delivery_id', 'in', [...deliveryIds])
    .orderBy('delivery_id')
    .orderBy('id')
    .execute();
}
