import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { AlertHistoryTable, AlertTable, Database } from '../../db/schema.ts';
import type { Scope } from '../auth/actor.ts';
import { scopePattern } from '../orgunits/orgunits.repo.ts';

export type Executor = Kysely<Database> | Transaction<Database>;
export type AlertRow = Selectable<AlertTable> & { unit_name: string | null; assigned_unit_name: string | null };
/** What a raiser sets; the lifecycle columns are the service's. */
export type RaisedFields = Pick<
  Selectable<AlertTable>,
  | 'kind'
  | 'severity'
  | 'unit_id'
  | 'title'
  | 'title_en'
  | 'detail'
  | 'dedupe_key'
  | 'rule_id'
  | 'labels'
  | 'link_kind'
  | 'link_ref'
  | 'agency_code'
> & { started_at: string | null };
export type HistoryAction = 'raised' | 'reopened' | 'acknowledged' | 'assigned' | 'resolved' | 'commented' | 'notified';

export const ACTIVE = ['open', 'acknowledged'] as const;

/** What raising an alert did: a new alert or a resolved one back (both to be notified), or a refresh of an active one. */
export type RaiseOutcome = 'new' | 'reopened' | 'refreshed';

/**
 * Raises an alert, or refreshes the active one with the same dedupe key (the condition is still going on: an
 * acknowledged alert stays acknowledged). A resolved alert raised again reopens as a new episode: its start, its
 * acknowledgement, assignment and resolution start afresh.
 */
export async function upsertAlert(
  db: Executor,
  alert: RaisedFields,
  at: string,
): Promise<{ id: number; outcome: RaiseOutcome }> {
  const found = await db.selectFrom('alerts').selectAll().where('dedupe_key', '=', alert.dedupe_key).executeTakeFirst();
  if (!found) {
    const inserted = await db
      .insertInto('alerts')
      .values({ ...alert, started_at: alert.started_at ?? at, status: 'open', raised_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addHistory(db, inserted.id, at, 'raised', null, null);
    return { id: inserted.id, outcome: 'new' };
  }
  // Resolved by hand while the condition holds: the same episode, still resolved.
  if (found.status === 'resolved' && found.resolved_by !== null && found.condition_cleared_at === null) {
    return { id: found.id, outcome: 'refreshed' };
  }
  if (found.status !== 'resolved') {
    // A scan reports its conditions every few minutes: an unchanged alert is not written again.
    const same = (Object.keys(alert) as (keyof RaisedFields)[]).every(
      (key) => (key === 'started_at' && alert.started_at === null) || alert[key] === found[key],
    );
    if (same) return { id: found.id, outcome: 'refreshed' };
    await db
      .updateTable('alerts')
      .set({ ...alert, started_at: alert.started_at ?? found.started_at ?? at, updated_at: at })
      .where('id', '=', found.id)
      .execute();
    return { id: found.id, outcome: 'refreshed' };
  }
  await db
    .updateTable('alerts')
    .set({
      ...alert,
      started_at: alert.started_at ?? at,
      status: 'open',
      raised_at: at,
      updated_at: at,
      acknowledged_by: null,
      acknowledged_at: null,
      resolved_at: null,
      resolved_by: null,
      resolution: null,
      assigned_unit: null,
      assigned_by: null,
      assigned_at: null,
      notified_at: null,
      condition_cleared_at: null,
    })
    .where('id', '=', found.id)
    .execute();
  await addHistory(db, found.id, at, 'reopened', null, null);
  return { id: found.id, outcome: 'reopened' };
}

export async function addHistory(
  db: Executor,
  alertId: number,
  at: string,
  action: HistoryAction,
  actor: string | null,
  note: string | null,
): Promise<void> {
  await db.insertInto('alert_history').values({ alert_id: alertId, at, action, actor, note }).execute();
}

export async function historyOf(db: Executor, alertId: number): Promise<Selectable<AlertHistoryTable>[]> {
  return db
    .selectFrom('alert_history')
    .selectAll()
    .where('alert_id', '=', alertId)
    .orderBy('at')
    .orderBy('id')
    .execute();
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

export async function agenciesOf(db: Executor, alertIds: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (alertIds.length === 0) return out;
  for (let i = 0; i < alertIds.length; i += 500) {
    const rows = await db
      .selectFrom('alert_agencies')
      .select(['alert_id', 'agency_code'])
      .where('alert_id', 'in', alertIds.slice(i, i + 500))
      .orderBy('agency_code')
      .execute();
    for (const row of rows) out.set(row.alert_id, [...(out.get(row.alert_id) ?? []), row.agency_code]);
  }
  return out;
}

/** The active alerts of a kind (those whose key starts with the prefix, if given): what a reconcile may resolve. */
export async function activeKeysOfKind(
  db: Executor,
  kind: string,
  keyPrefix: string | undefined,
): Promise<{ id: number; dedupe_key: string; detail: string }[]> {
  return db
    .selectFrom('alerts')
    .select(['id', 'dedupe_key', 'detail'])
    .where('kind', '=', kind)
    .where('status', 'in', ACTIVE)
    .$if(Boolean(keyPrefix), (q) =>
      q.where(sql<string>`substr(dedupe_key, 1, ${keyPrefix?.length ?? 0})`, '=', keyPrefix ?? ''),
    )
    .execute();
}

export async function activeByKeys(db: Executor, keys: readonly string[]): Promise<Selectable<AlertTable>[]> {
  const out: Selectable<AlertTable>[] = [];
  for (let i = 0; i < keys.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('alerts')
        .selectAll()
        .where('dedupe_key', 'in', keys.slice(i, i + 500))
        .where('status', 'in', ACTIVE)
        .execute()),
    );
  }
  return out;
}

export async function alertsByIds(db: Executor, ids: readonly number[]): Promise<Selectable<AlertTable>[]> {
  const out: Selectable<AlertTable>[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('alerts')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}

export async function markResolved(
  db: Executor,
  ids: readonly number[],
  at: string,
  by: string | null,
  reason: string,
): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await db
      .updateTable('alerts')
      .set({
        status: 'resolved',
        resolved_at: at,
        resolved_by: by,
        resolution: reason,
        updated_at: at,
        condition_cleared_at: by === null ? at : null,
      })
      .where('id', 'in', chunk)
      .execute();
    await db
      .insertInto('alert_history')
      .values(chunk.map((alert_id) => ({ alert_id, at, action: 'resolved', actor: by, note: reason })))
      .execute();
  }
}

export async function markNotified(db: Executor, ids: readonly number[], at: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('alerts')
      .set({ notified_at: at })
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}

/**
 * Alerts resolved by hand whose condition the raiser still reported until now (keys, or of a kind and key prefix
 * other than `except`): the condition has cleared, so its return will reopen them.
 */
export async function noteConditionCleared(
  db: Executor,
  at: string,
  which: { keys: readonly string[] } | { kind: string; keyPrefix: string | undefined; except: ReadonlySet<string> },
): Promise<void> {
  const base = db
    .selectFrom('alerts')
    .select(['id', 'dedupe_key'])
    .where('status', '=', 'resolved')
    .where('resolved_by', 'is not', null)
    .where('condition_cleared_at', 'is', null);
  const rows =
    'keys' in which
      ? which.keys.length === 0
        ? []
        : await base.where('dedupe_key', 'in', [...which.keys]).execute()
      : (
          await base
            .where('kind', '=', which.kind)
            .$if(Boolean(which.keyPrefix), (q) =>
              q.where(sql<string>`substr(dedupe_key, 1, ${which.keyPrefix?.length ?? 0})`, '=', which.keyPrefix ?? ''),
            )
            .execute()
        ).filter((r) => !which.except.has(r.dedupe_key));
  const ids = rows.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('alerts')
      .set({ condition_cleared_at: at })
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}

/** Active alerts not yet notified (held back by a silence when they were raised). */
export async function heldAlerts(db: Executor, limit: number): Promise<Selectable<AlertTable>[]> {
  return db
    .selectFrom('alerts')
    .selectAll()
    .where('notified_at', 'is', null)
    .where('status', 'in', ACTIVE)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function setAcknowledged(db: Executor, id: number, by: string, at: string): Promise<void> {
  await db
    .updateTable('alerts')
    .set({ status: 'acknowledged', acknowledged_by: by, acknowledged_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
  await addHistory(db, id, at, 'acknowledged', by, null);
}

export async function setAssigned(db: Executor, id: number, unit: string, by: string, at: string): Promise<void> {
  await db
    .updateTable('alerts')
    .set({ assigned_unit: unit, assigned_by: by, assigned_at: at, updated_at: at })
    .where('id', '=', id)
    .execute();
  await addHistory(db, id, at, 'assigned', by, unit);
}

// ——— Reading within a scope ———

export interface AlertFilter {
  statuses: readonly string[] | null;
  severity?: string;
  kind?: string;
  /** Unit path pattern ('/42/18073/%'): the unit and those under it. */
  unitPattern?: string;
  agency?: string;
  /** An org unit id, 'none' or 'any'. */
  assigned?: string;
  q?: string;
}

/**
 * The alerts a user may see. An officer acting for an agency sees the alerts that concern their agency (listed in
 * alert_agencies), whatever unit they are on — the same rule the live events follow (realtime/audience.ts); an alert
 * that names no agency is the unit's (its leaders and the operator), not every department's. Others see the alerts on
 * units in their scope; alerts about no unit in particular are the root unit's (the province's).
 */
function inScope(db: Executor, scope: Scope, rootUnit: string) {
  const agency = scope.agency;
  return db
    .selectFrom('alerts as a')
    .leftJoin('org_units as u', 'u.id', 'a.unit_id')
    .where((eb) =>
      agency
        ? eb.exists(
            eb
              .selectFrom('alert_agencies as g')
              .select('g.alert_id')
              .whereRef('g.alert_id', '=', 'a.id')
              .where('g.agency_code', '=', agency),
          )
        : scope.unitId === rootUnit
          ? eb.or([eb('a.unit_id', 'is', null), eb('u.path', 'like', scopePattern(scope))])
          : eb('u.path', 'like', scopePattern(scope)),
    );
}

function filtered(db: Executor, scope: Scope, rootUnit: string, filter: AlertFilter) {
  const { statuses, severity, kind, unitPattern, agency, assigned, q } = filter;
  return inScope(db, scope, rootUnit)
    .$if(statuses !== null, (b) => b.where('a.status', 'in', statuses ?? []))
    .$if(Boolean(severity), (b) => b.where('a.severity', '=', severity ?? ''))
    .$if(Boolean(kind), (b) => b.where('a.kind', '=', kind ?? ''))
    .$if(Boolean(unitPattern), (b) => b.where('u.path', 'like', unitPattern ?? ''))
    .$if(Boolean(agency), (b) =>
      b.where((eb) =>
        eb.exists(
          eb
            .selectFrom('alert_agencies as f')
            .select('f.alert_id')
            .whereRef('f.alert_id', '=', 'a.id')
            .where('f.agency_code', '=', agency ?? ''),
        ),
      ),
    )
    .$if(assigned === 'none', (b) => b.where('a.assigned_unit', 'is', null))
    .$if(assigned === 'any', (b) => b.where('a.assigned_unit', 'is not', null))
    .$if(Boolean(assigned) && assigned !== 'none' && assigned !== 'any', (b) =>
      b.where('a.assigned_unit', '=', assigned ?? ''),
    )
    .$if(Boolean(q), (b) => {
      const words = (q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
      return b.where((eb) =>
        eb.and(
          words.map((word) => {
            const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
            return eb.or([
              eb(sql`lower(a.title)`, 'like', sql`${pattern} escape '\\'`),
              eb(sql`lower(a.title_en)`, 'like', sql`${pattern} escape '\\'`),
            ]);
          }),
        ),
      );
    });
}

const withNames = (db: Executor, scope: Scope, rootUnit: string, filter: AlertFilter) =>
  filtered(db, scope, rootUnit, filter)
    .leftJoin('org_units as au', 'au.id', 'a.assigned_unit')
    .selectAll('a')
    .select(['u.name as unit_name', 'au.name as assigned_unit_name']);

export async function listAlertsInScope(
  db: Executor,
  scope: Scope,
  rootUnit: string,
  filter: AlertFilter,
  page: { limit: number; offset: number },
): Promise<AlertRow[]> {
  return withNames(db, scope, rootUnit, filter)
    .orderBy('a.started_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function findAlertInScope(
  db: Executor,
  scope: Scope,
  rootUnit: string,
  id: number,
): Promise<AlertRow | undefined> {
  return withNames(db, scope, rootUnit, { statuses: null }).where('a.id', '=', id).executeTakeFirst();
}

export interface CountRow {
  kind: string;
  severity: string;
  status: string;
  count: number;
}

/** Counts by kind × severity × status of the alerts matching the filter: every total the pages show comes from here. */
export async function countAlerts(
  db: Executor,
  scope: Scope,
  rootUnit: string,
  filter: AlertFilter,
): Promise<CountRow[]> {
  const rows = await filtered(db, scope, rootUnit, filter)
    .select(['a.kind', 'a.severity', 'a.status', (eb) => eb.fn.countAll<string | number>().as('count')])
    .groupBy(['a.kind', 'a.severity', 'a.status'])
    .execute();
  return rows.map((r) => ({ kind: r.kind, severity: r.severity, status: r.status, count: Number(r.count) }));
}

export interface GroupRow {
  kind: string;
  agency: string | null;
  unit_id: string | null;
  unit_name: string | null;
  severity: string;
  count: number;
  since: string;
}

/** Alerts of one kind grouped by the agency they are first about, or else by their unit. */
export async function groupAlerts(
  db: Executor,
  scope: Scope,
  rootUnit: string,
  filter: AlertFilter,
): Promise<GroupRow[]> {
  const inner = filtered(db, scope, rootUnit, filter).select([
    'a.kind',
    'a.severity',
    'a.unit_id',
    'u.name as unit_name',
    'a.started_at',
    'a.agency_code as agency',
  ]);
  const rows = await db
    .selectFrom(inner.as('t'))
    .select((eb) => [
      't.kind',
      't.agency',
      't.unit_id',
      't.unit_name',
      't.severity',
      eb.fn.countAll<string | number>().as('count'),
      eb.fn.min('t.started_at').as('since'),
    ])
    .groupBy(['t.kind', 't.agency', 't.unit_id', 't.unit_name', 't.severity'])
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    agency: r.agency ?? null,
    unit_id: r.unit_id,
    unit_name: r.unit_name,
    severity: r.severity,
    count: Number(r.count),
    since: r.since ?? '',
  }));
}

// ——— Silences ———

export async function insertSilence(db: Executor, silence: Insertable<Database['alert_silences']>): Promise<number> {
  const row = await db.insertInto('alert_silences').values(silence).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function listSilences(db: Executor, endingAfter: string | null) {
  return db
    .selectFrom('alert_silences')
    .selectAll()
    .$if(endingAfter !== null, (q) => q.where('ends_at', '>', endingAfter ?? ''))
    .orderBy('ends_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1000)
    .execute();
}

/** Silences in force at an instant: started and not yet ended. */
export async function activeSilences(db: Executor, at: string) {
  return db.selectFrom('alert_silences').selectAll().where('starts_at', '<=', at).where('ends_at', '>', at).execute();
}

export async function findSilence(db: Executor, id: number) {
  return db.selectFrom('alert_silences').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function endSilence(db: Executor, id: number, at: string): Promise<void> {
  await db.updateTable('alert_silences').set({ ends_at: at }).where('id', '=', id).execute();
}

/** The unit paths, to match a silence on a unit against alerts on the units under it. */
export async function unitPaths(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_units')
    .select(['id', 'path'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.path]));
}

/** Agency names for the summary's groups. */
export async function agencyNames(
  db: Executor,
  codes: readonly string[],
): Promise<Map<string, { name: string; name_en: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('agencies').select(['code', 'name', 'name_en']).where('code', 'in', codes).execute();
  return new Map(rows.map((r) => [r.code, r]));
}
