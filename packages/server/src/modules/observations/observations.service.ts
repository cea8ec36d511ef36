import {
  type LatestQuery,
  type ObservationSeries,
  type SaveStationBody,
  type SaveStreamBody,
  type Station,
  type Stream,
  VALUE_KINDS,
  type ValueKind,
} from '@ioc/shared';
import { invalid, notFound } from '../../errors.ts';
import type { Platform } from '../../platform.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import type { Actor, Scope } from '../auth/actor.ts';
import type { OrgUnitService } from '../orgunits/orgunits.service.ts';
import { IngestSession } from './ingest-session.ts';
import { LiveThrottle } from './live-throttle.ts';
import * as repo from './observations.repo.ts';
import { DAY, HOUR, MINUTE } from './rollups.ts';
import { chooseResolution, type Resolution } from './series.ts';
import { ObservationWriter, type StoredPoint } from './writer.ts';

export interface StationInput {
  id: string /* slug, e.g. 'son-diem' */;
  name: string;
  nameEn?: string | null;
  kind: 'hydro' | 'rain' | 'reservoir' | 'weather' | 'hospital' | 'hotel' | 'camera' | 'other';
  unit?: string | null /* org unit id */;
  lat?: number | null;
  lon?: number | null;
  owner?: string | null /* agency code */;
  attributes?: Record<string, unknown> /* e.g. river, alarm levels */;
}
export interface StreamInput {
  station: string;
  metric: string /* e.g. 'water_level' */;
  name: string;
  nameEn?: string | null;
  uom: string /* 'm', 'mm', 'm3/s', 'million m3', 'beds' */;
  cadenceSeconds?: number | null /* expected interval, for "silent" */;
  unit?: string | null;
  lat?: number | null;
  lon?: number | null;
  owner?: string | null;
  /** gauge (default), amount or state. */
  valueKind?: ValueKind;
}
export interface ObservationInput {
  stream: string /* '<station>/<metric>' */;
  time: string | number /* ISO-8601 or epoch ms */;
  value: number;
}
export interface IngestOptions {
  /** Refuse the whole batch on one bad line. */
  atomic?: boolean;
  /** Register the streams the IOC does not know yet (an API key allowed to). */
  autoRegister?: boolean;
  /** The org unit given to streams registered by this batch (the API key's unit). */
  unit?: string | null;
  /** Only streams of units in this scope may be written (the caller's); none = any stream (the IOC itself). */
  scope?: Scope;
}
export interface IngestReport {
  accepted: number;
  rejected: { line: number; stream?: string; message: string }[];
  registered: number;
}
/** What was stored in one committed batch, handed to listeners after the commit (the alert engine evaluates on it). */
export interface StoredBatch {
  points: { streamId: number; stream: string; t: number /* epoch ms */; value: number }[];
}
export interface SeriesPoint {
  t: number;
  value: number;
  min?: number;
  max?: number;
  count?: number;
}
export interface StreamInfo {
  key: string;
  id: number;
  station: string;
  metric: string;
  name: string;
  nameEn: string | null;
  uom: string;
  valueKind: ValueKind;
  cadenceSeconds: number | null;
  unit: string | null;
  owner: string | null;
}

/** A stream as the writer needs it: its id, and its unit for scope checks and live events. */
export interface KnownStream {
  id: number;
  key: string;
  unit: string | null;
  unitPath: string | null;
  uom: string;
}

/** The most points one series answer carries; a longer range takes a coarser resolution. */
const MAX_RAW_POINTS = 100_000;
const RETENTION_EVERY_MS = 3_600_000;

/** A stored kind; a value this version does not know reads as a gauge (the mean, the safe summary). */
const valueKindOf = (stored: string): ValueKind =>
  (VALUE_KINDS as readonly string[]).includes(stored) ? (stored as ValueKind) : 'gauge';

function toStreamInfo(row: repo.StreamWithUnit): StreamInfo {
  return {
    key: row.key,
    id: row.id,
    station: row.station_id,
    metric: row.metric,
    name: row.name,
    nameEn: row.name_en,
    uom: row.uom,
    valueKind: valueKindOf(row.value_kind),
    cadenceSeconds: row.cadence_seconds,
    unit: row.effective_unit,
    owner: row.owner,
  };
}

function toStream(row: repo.StreamWithUnit): Stream {
  return {
    ...toStreamInfo(row),
    lat: row.lat,
    lon: row.lon,
    lastTime: row.last_t === null ? null : new Date(Number(row.last_t)).toISOString(),
    lastValue: row.last_value,
  };
}

function toStation(row: repo.StationRow): Station {
  return {
    id: row.id,
    name: row.name,
    nameEn: row.name_en,
    kind: row.kind,
    unit: row.unit_id,
    lat: row.lat,
    lon: row.lon,
    owner: row.owner,
    attributes: JSON.parse(row.attributes) as Record<string, unknown>,
  };
}

/** Whether a unit path lies in the scope (the rule of `scopePattern`); no unit is the deployment root's. */
export function pathInScope(path: string | null, scope: Scope, rootUnit: string): boolean {
  if (path === null) return scope.unitId === rootUnit;
  return path.includes(`/${scope.unitId}/`);
}

/**
 * Time series: stations, streams, observations and their rollups. Ingest goes through one bounded writer; reads take
 * the streams' kept latest points or the rollups. Committed batches go to `whenStored` listeners (the alert engine)
 * and, throttled per stream, to browsers as `observation` events.
 */
export class ObservationService {
  readonly writer: ObservationWriter;
  private readonly known = new Map<string, KnownStream>();
  private readonly listeners: ((batch: StoredBatch) => void | Promise<void>)[] = [];
  private readonly live: LiveThrottle;
  private readonly sqlite: boolean;
  private readonly partitionsMade = new Set<string>();
  private partitionsLoaded = false;
  private retentionAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
  ) {
    this.sqlite = platform.store.engine === 'sqlite';
    this.writer = new ObservationWriter(platform.db, this.sqlite, platform.config.obsQueueLimit, {
      prepare: (points) => this.preparePartitions(points),
      committed: (points) => this.committed(points),
      idle: () => this.maybeApplyRetention(),
    });
    this.live = new LiveThrottle((point) => void this.publish(point.stream, point.t, point.value));
  }

  // ---- the contract ----

  async ensureStation(s: StationInput): Promise<void> {
    await repo.upsertStation(this.platform.db, this.stationRow(s));
    this.known.clear();
  }

  async ensureStream(s: StreamInput): Promise<number> {
    const id = await repo.upsertStream(this.platform.db, this.streamRow(s));
    this.known.clear();
    return id;
  }

  ingest(points: readonly ObservationInput[], options: IngestOptions = {}): Promise<IngestReport> {
    const session = this.openIngest(options);
    return (async () => {
      for (let i = 0; i < points.length; i++) {
        session.add(i + 1, points[i]);
        if (session.full) await session.flush();
      }
      return session.finish();
    })();
  }

  whenStored(listener: (batch: StoredBatch) => void | Promise<void>): void {
    this.listeners.push(listener);
  }

  async latest(streams: readonly string[]): Promise<Map<string, { t: number; value: number }>> {
    const rows = await repo.findStreams(this.platform.db, [...new Set(streams)]);
    const out = new Map<string, { t: number; value: number }>();
    for (const row of rows) {
      if (row.last_t !== null && row.last_value !== null)
        out.set(row.key, { t: Number(row.last_t), value: row.last_value });
    }
    return out;
  }

  async window(stream: string, fromMs: number, toMs: number): Promise<{ t: number; value: number }[]> {
    const [row] = await repo.findStreams(this.platform.db, [stream]);
    if (!row) return [];
    return (await repo.rawPoints(this.platform.db, row.id, fromMs, toMs)).map(({ t, value }) => ({ t, value }));
  }

  async lastSeen(): Promise<Map<string, number>> {
    return new Map((await repo.lastSeen(this.platform.db)).map((row) => [row.key, Number(row.last_t)]));
  }

  async listStreams(filter: { station?: string } = {}): Promise<StreamInfo[]> {
    const rows = await repo.listStreams(this.platform.db, filter, undefined, this.platform.config.rootUnit);
    return rows.map(toStreamInfo);
  }

  // ---- ingest ----

  /** Whether an API key was created with auto-registration of unknown streams. */
  keyMayRegisterStreams(apiKeyId: number): Promise<boolean> {
    return repo.apiKeyMayRegisterStreams(this.platform.db, apiKeyId);
  }

  /** A batch of lines fed one at a time (a stream of NDJSON), flushed to the writer in chunks. */
  openIngest(options: IngestOptions = {}): IngestSession {
    return new IngestSession(this, this.writer, options);
  }

  /**
   * The streams of these keys, registering the missing ones when allowed; a key that cannot be written to maps to
   * the reason. `dryRun` registers nothing (an atomic batch checks every line before it writes any).
   */
  async resolveStreams(
    keys: readonly string[],
    options: IngestOptions,
    dryRun = false,
  ): Promise<{ streams: Map<string, KnownStream | string>; registered: number }> {
    const out = new Map<string, KnownStream | string>();
    const missing = keys.filter((key) => !this.known.has(key));
    if (missing.length > 0) {
      for (const row of await repo.findStreams(this.platform.db, missing)) this.remember(row);
    }
    let registered = 0;
    for (const key of keys) {
      let stream = this.known.get(key);
      if (!stream && options.autoRegister && !dryRun) {
        if (await this.register(key, options.unit ?? null)) registered++;
        const [row] = await repo.findStreams(this.platform.db, [key]);
        if (row) stream = this.remember(row);
      }
      if (!stream) {
        out.set(key, options.autoRegister && dryRun ? 'pending registration' : 'unknown stream');
      } else if (options.scope && !pathInScope(stream.unitPath, options.scope, this.platform.config.rootUnit)) {
        out.set(key, 'stream outside your scope');
      } else {
        out.set(key, stream);
      }
    }
    return { streams: out, registered };
  }

  private remember(row: repo.StreamWithUnit): KnownStream {
    const stream = { id: row.id, key: row.key, unit: row.effective_unit, unitPath: row.unit_path, uom: row.uom };
    this.known.set(row.key, stream);
    return stream;
  }

  private async register(key: string, unit: string | null): Promise<boolean> {
    const [station = '', metric = ''] = key.split('/');
    const at = this.platform.now().toISOString();
    return this.platform.db.transaction().execute(async (trx) => {
      await repo.insertStationIfMissing(trx, {
        ...this.stationRow({ id: station, name: station, kind: 'other', unit }),
        created_at: at,
        updated_at: at,
      });
      return repo.insertStreamIfMissing(trx, this.streamRow({ station, metric, name: metric, uom: '', unit }));
    });
  }

  private async preparePartitions(points: readonly StoredPoint[]): Promise<void> {
    if (this.sqlite) return;
    const { db } = this.platform;
    if (!this.partitionsLoaded) {
      for (const name of await repo.partitions(db)) this.partitionsMade.add(name);
      this.partitionsLoaded = true;
    }
    const months = new Set<number>();
    for (const p of points) {
      const at = new Date(p.t);
      months.add(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
    }
    for (const from of months) {
      const at = new Date(from);
      const name = partitionName(at);
      if (this.partitionsMade.has(name)) continue;
      const to = Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1);
      try {
        await repo.createPartition(db, name, from, to);
      } catch (error) {
        // Another server made it at the same moment.
        if (!(await repo.partitions(db)).includes(name)) throw error;
      }
      this.partitionsMade.add(name);
    }
  }

  private committed(points: readonly StoredPoint[]): void {
    // The writer's own array, handed on as it is: nothing uses it after this.
    const batch: StoredBatch = { points: points as StoredPoint[] };
    for (const listener of this.listeners) {
      Promise.resolve()
        .then(() => listener(batch))
        .catch((error: unknown) => this.platform.log.error({ err: error }, 'an observation listener failed'));
    }
    for (let i = 0; i < points.length; i++) {
      const p = points[i]!;
      if (i + 1 === points.length || points[i + 1]!.streamId !== p.streamId) this.live.offer(p);
    }
  }

  private async publish(stream: string, t: number, value: number): Promise<void> {
    try {
      let known = this.known.get(stream);
      if (!known) {
        const [row] = await repo.findStreams(this.platform.db, [stream]);
        if (!row) return;
        known = this.remember(row);
      }
      await this.platform.bus.publish(
        'observation',
        { stream, t: new Date(t).toISOString(), value, unit: known.unit, uom: known.uom },
        known.unit,
      );
    } catch (error) {
      this.platform.log.warn({ err: error }, 'could not publish an observation event');
    }
  }

  // ---- retention ----

  private async maybeApplyRetention(): Promise<void> {
    const now = this.platform.now().getTime();
    if (now - this.retentionAt < RETENTION_EVERY_MS) return;
    this.retentionAt = now;
    try {
      await this.applyRetention();
    } catch (error) {
      this.platform.log.error({ err: error }, 'observation retention failed');
    }
  }

  /**
   * Drops raw observations older than IOC_OBS_RETENTION_DAYS (on PostgreSQL, whole months whose end is older) and
   * the minute rollups of that time; hour and day rollups stay for long charts.
   */
  async applyRetention(): Promise<void> {
    const { db, config, now } = this.platform;
    const cutoff = now().getTime() - config.obsRetentionDays * DAY;
    if (this.sqlite) {
      await repo.deleteObservationsBefore(db, cutoff);
    } else {
      for (const name of await repo.partitions(db)) {
        const month = monthOfPartition(name);
        if (month && Date.UTC(month.year, month.month + 1, 1) <= cutoff) {
          await repo.dropPartition(db, name);
          this.partitionsMade.delete(name);
        }
      }
    }
    await repo.deleteRollupsBefore(db, MINUTE, cutoff);
  }

  // ---- reads and management through the API ----

  async stations(actor: Actor): Promise<Station[]> {
    return (await repo.listStations(this.platform.db, actor.scope, this.platform.config.rootUnit)).map(toStation);
  }

  async streams(actor: Actor, filter: { station?: string }): Promise<Stream[]> {
    const rows = await repo.listStreams(this.platform.db, filter, actor.scope, this.platform.config.rootUnit);
    return rows.map(toStream);
  }

  async latestInScope(
    actor: Actor,
    query: LatestQuery,
  ): Promise<{ stream: string; time: string; value: number; uom: string }[]> {
    const keys = query.streams
      ?.split(',')
      .map((key) => key.trim())
      .filter(Boolean)
      .map((key) => (query.station && !key.includes('/') ? `${query.station}/${key}` : key));
    const rows = await repo.listStreams(
      this.platform.db,
      { ...(query.station ? { station: query.station } : {}), ...(keys ? { keys } : {}) },
      actor.scope,
      this.platform.config.rootUnit,
    );
    return rows
      .filter((row) => row.last_t !== null && row.last_value !== null)
      .map((row) => ({
        stream: row.key,
        time: new Date(Number(row.last_t)).toISOString(),
        value: row.last_value!,
        uom: row.uom,
      }));
  }

  async series(
    actor: Actor,
    key: string,
    fromMs: number,
    toMs: number,
    wanted: Resolution | 'auto',
  ): Promise<ObservationSeries> {
    if (!(toMs > fromMs)) throw invalid('`to` must be after `from`', [{ field: '/to', message: 'not after from' }]);
    const { db, config } = this.platform;
    const [row] = await repo.listStreams(db, { keys: [key] }, actor.scope, config.rootUnit);
    if (!row) throw notFound(`Stream ${key}`);
    const resolution = wanted === 'auto' ? chooseResolution(toMs - fromMs, row.cadence_seconds) : wanted;
    let points: SeriesPoint[];
    if (resolution === 'raw') {
      const raw = await repo.rawPoints(db, row.id, fromMs, toMs);
      if (raw.length > MAX_RAW_POINTS) {
        throw invalid(`More than ${MAX_RAW_POINTS} raw points in this range: ask for a coarser resolution`, [
          { field: '/resolution', message: 'too many raw points', limit: MAX_RAW_POINTS },
        ]);
      }
      points = raw.map(({ t, value }) => ({ t, value }));
    } else {
      const width = { minute: MINUTE, hour: HOUR, day: DAY }[resolution];
      if ((toMs - fromMs) / width > MAX_RAW_POINTS) {
        throw invalid(`More than ${MAX_RAW_POINTS} ${resolution}s in this range: ask for a coarser resolution`, [
          { field: '/resolution', message: 'too many points', limit: MAX_RAW_POINTS },
        ]);
      }
      const kind = valueKindOf(row.value_kind);
      points = (await repo.rollups(db, row.id, width, fromMs, toMs)).map((r) => ({
        t: r.bucket,
        value: kind === 'amount' ? r.sum : kind === 'state' ? r.last_value : r.sum / r.count,
        min: r.min,
        max: r.max,
        count: r.count,
      }));
    }
    return {
      stream: row.key,
      uom: row.uom,
      valueKind: valueKindOf(row.value_kind),
      resolution,
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      points,
    };
  }

  async saveStation(actor: Actor, body: SaveStationBody): Promise<Station> {
    if (body.unit) await this.orgUnits.requireInScope(actor.scope, body.unit);
    const { db, now } = this.platform;
    const before = await repo.findStation(db, body.id);
    const at = now().toISOString();
    const saved = await auditedWrite(
      db,
      actor,
      { action: 'stations.save', entityType: 'station', entityId: body.id },
      async (trx) => {
        const row = { ...this.stationRow(body), created_at: before?.created_at ?? at, updated_at: at };
        await repo.upsertStation(trx, row);
        const after = toStation(row);
        return { before: before ? toStation(before) : null, after, result: after };
      },
      now,
    );
    this.known.clear();
    return saved;
  }

  async saveStream(actor: Actor, body: SaveStreamBody): Promise<Stream> {
    if (body.unit) await this.orgUnits.requireInScope(actor.scope, body.unit);
    const { db, now } = this.platform;
    const station = await repo.findStation(db, body.station);
    if (!station) {
      throw invalid(`Station ${body.station} does not exist`, [{ field: '/station', message: 'unknown station' }]);
    }
    const key = `${body.station}/${body.metric}`;
    const [before] = await repo.findStreams(db, [key]);
    await auditedWrite(
      db,
      actor,
      { action: 'streams.save', entityType: 'stream', entityId: key },
      async (trx) => {
        await repo.upsertStream(trx, this.streamRow(body));
        return { before: before ? toStreamInfo(before) : null, after: body, result: undefined };
      },
      now,
    );
    this.known.clear();
    const [row] = await repo.findStreams(db, [key]);
    return toStream(row!);
  }

  /** Stops the live publishes still waiting (at shutdown). */
  close(): void {
    this.live.close();
  }

  private stationRow(s: StationInput): repo.StationRow {
    const at = this.platform.now().toISOString();
    return {
      id: s.id,
      name: s.name,
      name_en: s.nameEn ?? null,
      kind: s.kind,
      unit_id: s.unit ?? null,
      lat: s.lat ?? null,
      lon: s.lon ?? null,
      owner: s.owner ?? null,
      attributes: JSON.stringify(s.attributes ?? {}),
      created_at: at,
      updated_at: at,
    };
  }

  private streamRow(s: StreamInput): Omit<repo.StreamRow, 'id' | 'last_t' | 'last_value'> {
    const at = this.platform.now().toISOString();
    return {
      key: `${s.station}/${s.metric}`,
      station_id: s.station,
      metric: s.metric,
      name: s.name,
      name_en: s.nameEn ?? null,
      uom: s.uom,
      cadence_seconds: s.cadenceSeconds ?? null,
      value_kind: s.valueKind ?? 'gauge',
      unit_id: s.unit ?? null,
      lat: s.lat ?? null,
      lon: s.lon ?? null,
      owner: s.owner ?? null,
      created_at: at,
      updated_at: at,
    };
  }
}

function partitionName(monthStart: Date): string {
  return `observations_y${monthStart.getUTCFullYear()}m${String(monthStart.getUTCMonth() + 1).padStart(2, '0')}`;
}

function monthOfPartition(name: string): { year: number; month: number } | null {
  const match = /^observations_y(\d{4})m(\d{2})$/.exec(name);
  return match ? { year: Number(match[1]), month: Number(match[2]) - 1 } : null;
}
