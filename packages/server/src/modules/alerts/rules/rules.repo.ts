import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { AlertRuleTable, Database, RuleStateTable } from '../../../db/schema.ts';
import { ACTIVE } from '../alerts.repo.ts';
import type { LevelState, RuleStateName } from './evaluate.ts';
import type { RuleDef } from './rule.ts';

type Executor = Kysely<Database> | Transaction<Database>;
export type NewRuleRow = Omit<Insertable<AlertRuleTable>, 'id'>;

const json = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export function toRuleDef(row: Selectable<AlertRuleTable>): RuleDef {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    type: row.type as RuleDef['type'],
    streams: json<string[]>(row.streams) ?? [],
    indicator: row.indicator,
    levels: json<RuleDef['levels']>(row.levels) ?? [],
    windowSeconds: row.window_seconds,
    pendingSeconds: row.pending_seconds,
    keepFiringSeconds: row.keep_firing_seconds,
    intervalSeconds: row.interval_seconds,
    condition: json<RuleDef['condition']>(row.condition),
    route: json<RuleDef['route']>(row.route) ?? {},
    labels: json<RuleDef['labels']>(row.labels) ?? {},
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export async function listRules(db: Executor): Promise<RuleDef[]> {
  const rows = await db.selectFrom('alert_rules').selectAll().orderBy('code').execute();
  return rows.map(toRuleDef);
}

export async function findRule(db: Executor, by: { id: number } | { code: string }): Promise<RuleDef | undefined> {
  const row = await db
    .selectFrom('alert_rules')
    .selectAll()
    .$if('id' in by, (q) => q.where('id', '=', (by as { id: number }).id))
    .$if('code' in by, (q) => q.where('code', '=', (by as { code: string }).code))
    .executeTakeFirst();
  return row ? toRuleDef(row) : undefined;
}

export async function insertRule(db: Executor, row: NewRuleRow): Promise<number> {
  const inserted = await db.insertInto('alert_rules').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateRule(
  db: Executor,
  id: number,
  row: Omit<NewRuleRow, 'created_at' | 'created_by'>,
): Promise<void> {
  await db.updateTable('alert_rules').set(row).where('id', '=', id).execute();
}

export async function deleteRule(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('alert_rules').where('id', '=', id).execute();
}

/** Streams × levels whose alert is open, per rule. */
export async function alertingCounts(db: Executor): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('rule_states')
    .select(['rule_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('alerting', '=', 1)
    .groupBy('rule_id')
    .execute();
  return new Map(rows.map((r) => [r.rule_id, Number(r.n)]));
}

/** Units × levels whose alert is open, per indicator rule (those keep no states: their alerts are the record). */
export async function openIndicatorAlertCounts(db: Executor): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('alerts')
    .innerJoin('alert_rules', 'alert_rules.id', 'alerts.rule_id')
    .select(['alerts.rule_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('alert_rules.indicator', 'is not', null)
    .where('alerts.status', 'in', ACTIVE)
    .groupBy('alerts.rule_id')
    .execute();
  return new Map(rows.flatMap((r) => (r.rule_id === null ? [] : [[r.rule_id, Number(r.n)] as const])));
}

export interface StoredState extends LevelState {
  ruleId: number;
  stream: string;
  level: string;
  version: number;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

function toState(row: Selectable<RuleStateTable>): StoredState {
  return {
    ruleId: row.rule_id,
    stream: row.stream,
    level: row.level,
    version: row.version,
    state: row.state as RuleStateName,
    since: num(row.since),
    clearedAt: num(row.cleared_at),
    active: row.active === 1,
    alerting: row.alerting === 1,
    lastValue: row.last_value === null ? null : Number(row.last_value),
    lastSampleAt: num(row.last_sample_at),
  };
}

const CHUNK = 500;

/** The stored states of the given streams (rows of every rule on them), read in chunks of keys. */
export async function statesOfStreams(db: Executor, streams: readonly string[]): Promise<StoredState[]> {
  const out: StoredState[] = [];
  for (let i = 0; i < streams.length; i += CHUNK) {
    const rows = await db
      .selectFrom('rule_states')
      .selectAll()
      .where('stream', 'in', streams.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) out.push(toState(row));
  }
  return out;
}

/** States the clock may change: pending, or firing with the condition cleared (keep-firing). */
export async function statesOnTimers(db: Executor): Promise<StoredState[]> {
  const rows = await db
    .selectFrom('rule_states')
    .selectAll()
    .where((eb) =>
      eb.or([eb('state', '=', 'pending'), eb.and([eb('state', '=', 'firing'), eb('cleared_at', 'is not', null)])]),
    )
    .execute();
  return rows.map(toState);
}

export async function statesOfRule(db: Executor, ruleId: number): Promise<StoredState[]> {
  const rows = await db.selectFrom('rule_states').selectAll().where('rule_id', '=', ruleId).execute();
  return rows.map(toState);
}

export async function deleteStatesOfRule(db: Executor, ruleId: number): Promise<void> {
  await db.deleteFrom('rule_states').where('rule_id', '=', ruleId).execute();
}

export interface StateWrite {
  ruleId: number;
  stream: string;
  level: string;
  /** The version read; null: there was no row. */
  version: number | null;
  state: LevelState;
}

/**
 * Writes one state if nobody wrote it since it was read (compare-and-set on the version); answers whether it won.
 * A loser's effects are dropped: the server that won the write applies them.
 */
export async function writeState(db: Executor, write: StateWrite, evaluatedAt: string): Promise<boolean> {
  const { state } = write;
  const values = {
    state: state.state,
    since: state.since,
    cleared_at: state.clearedAt,
    active: state.active ? 1 : 0,
    alerting: state.alerting ? 1 : 0,
    last_value: state.lastValue,
    last_sample_at: state.lastSampleAt,
    evaluated_at: evaluatedAt,
  };
  if (write.version === null) {
    const result = await db
      .insertInto('rule_states')
      .values({ rule_id: write.ruleId, stream: write.stream, level: write.level, version: 1, ...values })
      .onConflict((oc) => oc.columns(['rule_id', 'stream', 'level']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const result = await db
    .updateTable('rule_states')
    .set({ ...values, version: write.version + 1 })
    .where('rule_id', '=', write.ruleId)
    .where('stream', '=', write.stream)
    .where('level', '=', write.level)
    .where('version', '=', write.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Units' names and tree paths: an indicator rule's preview names the units and keeps those in the caller's scope. */
export async function unitLabels(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, { path: string; name: string; nameEn: string | null }>> {
  const out = new Map<string, { path: string; name: string; nameEn: string | null }>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += CHUNK) {
    const rows = await db
      .selectFrom('org_units')
      .select(['id', 'path', 'name', 'name_en'])
      .where('id', 'in', unique.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) out.set(row.id, { path: row.path, name: row.name, nameEn: row.name_en });
  }
  return out;
}
