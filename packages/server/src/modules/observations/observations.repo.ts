import { CompiledQuery, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database, StationTable, StreamTable } from '../../db/schema.ts';
import type { Scope } from '../auth/actor.ts';
import { scopePattern } from '../orgunits/orgunits.repo.ts';

type Executor = Kysely<Database> | Transaction<Database>;
export type StationRow = Selectable<StationTable>;
export type StreamRow = Selectable<StreamTable>;
/** A stream with the org unit it belongs to (its own, else its station's) and that unit's path, for scope checks. */
export type StreamWithUnit = StreamRow & { effective_unit: string | null; unit_path: string | null };

export interface Point {
  streamId: number;
  t: number;
  value: number;
}

export interface RollupRow {
  stream_id: number;
  width: number;
  bucket: number;
  min: number;
  max: number;
  sum: number;
  count: number;
  last_t: number;
  last_value: number;
}

// ---- stations and streams ----

export async function upsertStation(db: Executor, row: StationRow): Promise<void> {
  const { id: _id, created_at: _created, ...changes } = row;
  await db
    .insertInto('stations')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet(changes))
    .execute();
}

export async function upsertStream(
  db: Executor,
  row: Omit<StreamRow, 'id' | 'last_t' | 'last_value'>,
): Promise<number> {
  const { key: _key, created_at: _created, ...changes } = row;
  const inserted = await db
    .insertInto('streams')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet(changes))
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** Registers a stream only if it does not exist (auto-registration must not overwrite a curated name). */
export async function insertStreamIfMissing(
  db: Executor,
  row: Omit<StreamRow, 'id' | 'last_t' | 'last_value'>,
): Promise<boolean> {
  const result = await db
    .insertInto('streams')
    .values(row)
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function insertStationIfMissing(db: Executor, row: StationRow): Promise<void> {
  await db
    .insertInto('stations')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

function streamsWithUnit(db: Executor) {
  return db
    .selectFrom('streams as s')
    .innerJoin('stations as st', 'st.id', 's.station_id')
    .leftJoin('org_units as u', (join) => join.on((eb) => eb('u.id', '=', eb.fn.coalesce('s.unit_id', 'st.unit_id'))))
    .selectAll('s')
    .select((eb) => [eb.fn.coalesce('s.unit_id', 'st.unit_id').as('effective_unit'), 'u.path as unit_path']);
}

export async function findStreams(db: Executor, keys: readonly string[]): Promise<StreamWithUnit[]> {
  const out: StreamWithUnit[] = [];
  for (let i = 0; i < keys.length; i += 500) {
    out.push(
      ...(await streamsWithUnit(db)
        .where('s.key', 'in', keys.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}

/**
 * Streams in the scope: their unit (or their station's) lies under the scope's unit; streams of no unit belong to
 * the deployment's root, as alerts about no unit do.
 */
function inScope<Q extends ReturnType<typeof streamsWithUnit>>(
  query: Q,
  scope: Scope | undefined,
  rootUnit: string,
): Q {
  if (!scope) return query;
  return query.where((eb) =>
    scope.unitId === rootUnit
      ? eb.or([eb('u.path', 'is', null), eb('u.path', 'like', scopePattern(scope))])
      : eb('u.path', 'like', scopePattern(scope)),
  ) as Q;
}

export async function listStreams(
  db: Executor,
  filter: { station?: string; keys?: readonly string[] },
  scope: Scope | undefined,
  rootUnit: string,
): Promise<StreamWithUnit[]> {
  let query = inScope(streamsWithUnit(db), scope, rootUnit);
  if (filter.station) query = query.where('s.station_id', '=', filter.station);
  if (filter.keys) query = query.where('s.key', 'in', filter.keys.length ? [...filter.keys] : ['']);
  return query.orderBy('s.key').execute();
}

export async function listStations(db: Executor, scope: Scope | undefined, rootUnit: string): Promise<StationRow[]> {
  return db
    .selectFrom('stations as st')
    .leftJoin('org_units as u', 'u.id', 'st.unit_id')
    .selectAll('st')
    .$if(scope !== undefined, (query) =>
      query.where((eb) =>
        scope!.unitId === rootUnit
          ? eb.or([eb('u.path', 'is', null), eb('u.path', 'like', scopePattern(scope!))])
          : eb('u.path', 'like', scopePattern(scope!)),
      ),
    )
    .orderBy('st.id')
    .execute();
}

export async function findStation(db: Executor, id: string): Promise<StationRow | undefined> {
  return db.selectFrom('stations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function unitExists(db: Executor, id: string): Promise<boolean> {
  return (await db.selectFrom('org_units').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function lastSeen(db: Executor): Promise<{ key: string; last_t: number }[]> {
  const rows = await db.selectFrom('streams').select(['key', 'last_t']).where('last_t', 'is not', null).execute();
  return rows as { key: string; last_t: number }[];
}

export async function apiKeyMayRegisterStreams(db: Executor, apiKeyId: number): Promise<boolean> {
  const row = await db
    .selectFrom('api_keys')
    .select('auto_register_streams')
    .where('id', '=', apiKeyId)
    .executeTakeFirst();
  return row?.auto_register_streams === 1;
}

// ---- the writer's statements: SQL text built once per shape, so the driver reuses its prepared statement ----

const texts = new Map<string, string>();
function textOf(key: string, build: () => string): string {
  let text = texts.get(key);
  if (text === undefined) {
    text = build();
    texts.set(key, text);
  }
  return text;
}
const rowsOf = (rows: number, columns: number) =>
  Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(',')})`).join(',');

/**
 * Rows per multi-row statement on SQLite (at most 32,766 parameters per statement). A batch is cut into statements of
 * this many rows and a rest cut into powers of two, so a few statement shapes serve every batch and each is prepared
 * once (a rest of any length would prepare a new statement per batch).
 */
const SQLITE_ROWS = 512;

/** [start, end) of each statement's rows: full statements of `max` rows, then the rest in falling powers of two. */
function pieces(count: number, max: number): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (; at + max <= count; at += max) out.push([at, at + max]);
  for (let size = 2 ** Math.floor(Math.log2(max)); at < count; size /= 2) {
    if (at + size <= count) {
      out.push([at, at + size]);
      at += size;
    }
  }
  return out;
}

/** Inserts or overwrites points, idempotent on (stream, time). The points must not repeat a (stream, time). */
export async function upsertObservations(db: Executor, sqlite: boolean, points: readonly Point[]): Promise<void> {
  if (points.length === 0) return;
  if (!sqlite) {
    const text = `insert into observations (stream_id, t, value)
      select * from unnest($1::integer[], $2::bigint[], $3::double precision[])
      on conflict (stream_id, t) do update set value = excluded.value`;
    await db.executeQuery(
      CompiledQuery.raw(text, [points.map((p) => p.streamId), points.map((p) => p.t), points.map((p) => p.value)]),
    );
    return;
  }
  for (const [from, to] of pieces(points.length, SQLITE_ROWS)) {
    const chunk = points.slice(from, to);
    const text = textOf(
      `obs:${chunk.length}`,
      () =>
        `insert into observations (stream_id, t, value) values ${rowsOf(chunk.length, 3)} on conflict (stream_id, t) do update set value = excluded.value`,
    );
    const params: number[] = new Array(chunk.length * 3);
    for (let j = 0; j < chunk.length; j++) {
      const p = chunk[j]!;
      params[j * 3] = p.streamId;
      params[j * 3 + 1] = p.t;
      params[j * 3 + 2] = p.value;
    }
    await db.executeQuery(CompiledQuery.raw(text, params));
  }
}

const ROLLUP_COLUMNS = ['stream_id', 'width', 'bucket', 'min', 'max', 'sum', 'count', 'last_t', 'last_value'] as const;

/**
 * Adds buckets of new points to the stored rollups (`merge`), or replaces the stored buckets with recomputed ones
 * (`replace`, after an overwrite).
 */
export async function upsertRollups(
  db: Executor,
  sqlite: boolean,
  rows: readonly RollupRow[],
  mode: 'merge' | 'replace',
): Promise<void> {
  if (rows.length === 0) return;
  const lo = sqlite ? 'min' : 'least';
  const hi = sqlite ? 'max' : 'greatest';
  const r = 'observation_rollups';
  const set =
    mode === 'merge'
      ? `min = ${lo}(${r}.min, excluded.min), max = ${hi}(${r}.max, excluded.max), sum = ${r}.sum + excluded.sum,
         count = ${r}.count + excluded.count,
         last_value = case when excluded.last_t >= ${r}.last_t then excluded.last_value else ${r}.last_value end,
         last_t = ${hi}(${r}.last_t, excluded.last_t)`
      : 'min = excluded.min, max = excluded.max, sum = excluded.sum, count = excluded.count, last_t = excluded.last_t, last_value = excluded.last_value';
  const conflict = `on conflict (stream_id, width, bucket) do update set ${set}`;
  if (!sqlite) {
    const text = `insert into ${r} (${ROLLUP_COLUMNS.join(', ')})
      select * from unnest($1::integer[], $2::integer[], $3::bigint[], $4::double precision[], $5::double precision[],
        $6::double precision[], $7::integer[], $8::bigint[], $9::double precision[]) ${conflict}`;
    await db.executeQuery(
      CompiledQuery.raw(
        text,
        ROLLUP_COLUMNS.map((column) => rows.map((row) => row[column])),
      ),
    );
    return;
  }
  for (const [from, to] of pieces(rows.length, SQLITE_ROWS)) {
    const chunk = rows.slice(from, to);
    const text = textOf(
      `rollup:${mode}:${chunk.length}`,
      () => `insert into ${r} (${ROLLUP_COLUMNS.join(', ')}) values ${rowsOf(chunk.length, 9)} ${conflict}`,
    );
    const params: number[] = new Array(chunk.length * 9);
    for (let j = 0, k = 0; j < chunk.length; j++) {
      const row = chunk[j]!;
      params[k++] = row.stream_id;
      params[k++] = row.width;
      params[k++] = row.bucket;
      params[k++] = row.min;
      params[k++] = row.max;
      params[k++] = row.sum;
      params[k++] = row.count;
      params[k++] = row.last_t;
      params[k++] = row.last_value;
    }
    await db.executeQuery(CompiledQuery.raw(text, params));
  }
}

/** The latest stored time of each stream, locked on PostgreSQL so two servers writing one stream take turns. */
export async function streamHeads(db: Executor, sqlite: boolean, ids: readonly number[]): Promise<Map<number, number>> {
  const heads = new Map<number, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    let query = db.selectFrom('streams').select(['id', 'last_t']).where('id', 'in', chunk);
    if (!sqlite) query = query.orderBy('id').forUpdate();
    for (const row of await query.execute()) if (row.last_t !== null) heads.set(row.id, Number(row.last_t));
  }
  return heads;
}

/** Moves each stream's latest point forward (never back: a late backfill leaves it). One statement per 500 streams. */
export async function advanceStreamHeads(db: Executor, sqlite: boolean, heads: readonly Point[]): Promise<void> {
  if (heads.length === 0) return;
  if (!sqlite) {
    const text = `update streams s set last_t = v.t, last_value = v.value
      from unnest($1::integer[], $2::bigint[], $3::double precision[]) as v(id, t, value)
      where s.id = v.id and (s.last_t is null or s.last_t <= v.t)`;
    await db.executeQuery(
      CompiledQuery.raw(text, [heads.map((p) => p.streamId), heads.map((p) => p.t), heads.map((p) => p.value)]),
    );
    return;
  }
  for (const [from, to] of pieces(heads.length, SQLITE_ROWS)) {
    const chunk = heads.slice(from, to);
    const text = textOf(
      `heads:${chunk.length}`,
      () => `update streams set last_t = v.column2, last_value = v.column3 from (values ${rowsOf(chunk.length, 3)}) as v
        where streams.id = v.column1 and (streams.last_t is null or streams.last_t <= v.column2)`,
    );
    await db.executeQuery(
      CompiledQuery.raw(
        text,
        chunk.flatMap((p) => [p.streamId, p.t, p.value]),
      ),
    );
  }
}

// ---- reads ----

export async function rawPoints(db: Executor, streamId: number, from: number, to: number): Promise<Point[]> {
  const rows = await db
    .selectFrom('observations')
    .select(['t', 'value'])
    .where('stream_id', '=', streamId)
    .where('t', '>=', from)
    .where('t', '<', to)
    .orderBy('t')
    .execute();
  return rows.map((row) => ({ streamId, t: Number(row.t), value: row.value }));
}

export async function rollups(
  db: Executor,
  streamId: number,
  width: number,
  from: number,
  to: number,
): Promise<RollupRow[]> {
  const rows = await db
    .selectFrom('observation_rollups')
    .selectAll()
    .where('stream_id', '=', streamId)
    .where('width', '=', width)
    .where('bucket', '>=', from)
    .where('bucket', '<', to)
    .orderBy('bucket')
    .execute();
  return rows.map((row) => ({ ...row, bucket: Number(row.bucket), last_t: Number(row.last_t) }));
}

// ---- retention ----

export async function deleteObservationsBefore(db: Executor, cutoff: number): Promise<void> {
  await db.deleteFrom('observations').where('t', '<', cutoff).execute();
}

export async function deleteRollupsBefore(db: Executor, width: number, cutoff: number): Promise<void> {
  await db.deleteFrom('observation_rollups').where('width', '=', width).where('bucket', '<', cutoff).execute();
}

/** PostgreSQL: the observation table's monthly partitions, by name (observations_yYYYYmMM). */
export async function partitions(db: Executor): Promise<string[]> {
  const result = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i
      join pg_class c on c.oid = i.inhrelid
      join pg_class p on p.oid = i.inhparent
      join pg_namespace n on n.oid = p.relnamespace
    where p.relname = 'observations' and n.nspname = current_schema()`.execute(db);
  return result.rows.map((row) => row.name);
}

export async function createPartition(db: Executor, name: string, from: number, to: number): Promise<void> {
  await sql`create table if not exists ${sql.id(name)} partition of observations for values from (${sql.lit(from)}) to (${sql.lit(to)})`.execute(
    db,
  );
}

export async function dropPartition(db: Executor, name: string): Promise<void> {
  await sql`drop table if exists ${sql.id(name)}`.execute(db);
}
