import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database, NotificationEndpointTable } from '../../db/schema.ts';

export type Executor = Kysely<Database> | Transaction<Database>;
export type EndpointRow = Selectable<NotificationEndpointTable>;
export type EndpointHealth = { endpoint_id: number; pending: number; failed_last_day: number };

export async function listEndpoints(db: Executor): Promise<EndpointRow[]> {
  return db.selectFrom('notification_endpoints').selectAll().orderBy('id').execute();
}

export async function enabledEndpoints(db: Executor): Promise<EndpointRow[]> {
  return db.selectFrom('notification_endpoints').selectAll().where('enabled', '=', 1).orderBy('id').execute();
}

export async function findEndpoint(db: Executor, id: number): Promise<EndpointRow | undefined> {
  return db.selectFrom('notification_endpoints').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertEndpoint(
  db: Executor,
  row: Omit<Insertable<NotificationEndpointTable>, 'id'>,
): Promise<number> {
  const inserted = await db.insertInto('notification_endpoints').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateEndpoint(
  db: Executor,
  id: number,
  changes: Updateable<NotificationEndpointTable>,
): Promise<void> {
  await db.updateTable('notification_endpoints').set(changes).where('id', '=', id).execute();
}

/** Its deliveries, their attempts and its waiting items go with it (foreign keys, on both engines). */
export async function deleteEndpoint(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('notification_endpoints').where('id', '=', id).execute();
}

/** Per endpoint: deliveries still to send, and those given up since `since`. */
export async function endpointHealth(db: Executor, since: string): Promise<EndpointHealth[]> {
  const rows = await db
    .selectFrom('notification_deliveries')
    .select((eb) => [
      'endpoint_id',
      eb.fn.sum<number>(eb.case().when('state', '=', 'pending').then(1).else(0).end()).as('pending'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('state', '=', 'failed'), eb('created_at', '>=', since)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('failed_last_day'),
    ])
    .groupBy('endpoint_id')
    .execute();
  return rows.map((r) => ({
    endpoint_id: r.endpoint_id,
    pending: Number(r.pending),
    failed_last_day: Number(r.failed_last_day),
  }));
}
