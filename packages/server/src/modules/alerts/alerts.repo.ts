import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { AlertTable, Database } from '../../db/schema.ts';
import type { Scope } from '../auth/actor.ts';
import { scopePattern } from '../orgunits/orgunits.repo.ts';

type Executor = Kysely<Database> | Transaction<Database>;
export type AlertRow = Selectable<AlertTable> & { unit_name: string | null };
export type NewAlert = Omit<
  Insertable<AlertTable>,
  'id' | 'status' | 'raised_at' | 'updated_at' | 'acknowledged_by' | 'acknowledged_at'
>;

/**
 * Raises an alert, or refreshes the open one with the same dedupe key (the situation is still going on).
 * Returns the id and whether it is new, so only a new alert is pushed live. An acknowledged alert raised again
 * reopens: the situation came back.
 */
export async function upsertAlert(db: Executor, alert: NewAlert, at: string): Promise<{ id: number; isNew: boolean }> {
  const found = await db
    .selectFrom('alerts')
    .select(['id', 'status'])
    .where('dedupe_key', '=', alert.dedupe_key)
    .executeTakeFirst();
  if (found) {
    await db
      .updateTable('alerts')
      .set({ ...alert, status: 'open', updated_at: at, acknowledged_by: null, acknowledged_at: null })
      .where('id', '=', found.id)
      .execute();
    return { id: found.id, isNew: found.status !== 'open' };
  }
  const inserted = await db
    .insertInto('alerts')
    .values({ ...alert, status: 'open', raised_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: inserted.id, isNew: true };
}

export interface AlertFilter {
  status?: 'open' | 'acknowledged';
  kind?: string;
  limit: number;
}

/** The agencies an alert belongs to, replaced as a whole: the record it is about may have changed hands. */
export async function setAlertAgencies(db: Executor, alertId: number, agencies: readonly string[]): Promise<void> {
  await db.deleteFrom('alert_agencies').where('alert_id', '=', alertId).execute();
  if (agencies.length === 0) return;
  await db
    .insertInto('alert_agencies')
    .values([...new Set(agencies)].map((agency_code) => ({ alert_id: alertId, agency_code })))
    .execute();
}

/**
 * Alerts on units in the scope; alerts about no unit in particular are the root unit's (the province's). An officer
 * acting for an agency sees an alert that belongs to agencies only if theirs is one of them.
 */
function inScope(db: Executor, scope: Scope, rootUnit: string) {
  const agency = scope.agency;
  return db
    .selectFrom('alerts as a')
    .leftJoin('org_units as u', 'u.id', 'a.unit_id')
    .selectAll('a')
    .select('u.name as unit_name')
    .where((eb) =>
      scope.unitId === rootUnit
        ? eb.or([eb('a.unit_id', 'is', null), eb('u.path', 'like', scopePattern(scope))])
        : eb('u.path', 'like', scopePattern(scope)),
    )
    .$if(Boolean(agency), (query) =>
      query.where((eb) =>
        eb.or([
          eb.not(
            eb.exists(eb.selectFrom('alert_agencies as g').select('g.alert_id').whereRef('g.alert_id', '=', 'a.id')),
          ),
          eb.exists(
            eb
              .selectFrom('alert_agencies as g')
              .select('g.alert_id')
              .whereRef('g.alert_id', '=', 'a.id')
              .where('g.agency_code', '=', agency ?? ''),
          ),
        ]),
      ),
    );
}

export async function listAlertsInScope(
  db: Executor,
  scope: Scope,
  rootUnit: string,
  filter: AlertFilter,
): Promise<AlertRow[]> {
  let query = inScope(db, scope, rootUnit);
  if (filter.status) query = query.where('a.status', '=', filter.status);
  if (filter.kind) query = query.where('a.kind', '=', filter.kind);
  return query.orderBy('a.raised_at', 'desc').orderBy('a.id', 'desc').limit(filter.limit).execute();
}

export async function findAlertInScope(
  db: Executor,
  scope: Scope,
  rootUnit: string,
  id: number,
): Promise<AlertRow | undefined> {
  return inScope(db, scope, rootUnit).where('a.id', '=', id).executeTakeFirst();
}

export async function acknowledgeAlert(db: Executor, id: number, by: string, at: string): Promise<void> {
  await db
    .updateTable('alerts')
    .set({ status: 'acknowledged', acknowledged_by: by, acknowledged_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
}
