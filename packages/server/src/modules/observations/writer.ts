import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import * as repo from './observations.repo.ts';
import { updateRollups } from './rollups.ts';

/** A point ready to store: its stream resolved to its id. */
export interface StoredPoint extends repo.Point {
  stream: string;
}

interface Job {
  points: readonly StoredPoint[];
  resolve(): void;
  reject(error: unknown): void;
}

/** Points committed in one transaction at most: enough to amortise a commit, small enough to keep a batch brief. */
const MAX_BATCH = 50_000;

export interface WriterHooks {
  /** Runs before each transaction, outside it (PostgreSQL: create the months' partitions). */
  prepare(points: readonly StoredPoint[]): Promise<void>;
  /** After each commit, with what was stored (deduplicated, in stream and time order). */
  committed(points: readonly StoredPoint[]): void;
  /** After each batch, whether it committed or not (housekeeping such as retention). */
  idle(): Promise<void>;
}

/**
 * The one writer of observations: requests queue their points; the writer takes all that wait (up to MAX_BATCH) and
 * commits them in one transaction with multi-row statements, the rollups and the streams' latest points with them.
 * The queue is bounded: `hasRoom` tells a caller whether to wait, or refuse, before it adds more.
 */
export class ObservationWriter {
  private readonly jobs: Job[] = [];
  private queued = 0;
  private running = false;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly sqlite: boolean,
    readonly limit: number,
    private readonly hooks: WriterHooks,
  ) {}

  /** Points waiting for the writer. */
  get pending(): number {
    return this.queued;
  }

  hasRoom(count: number): boolean {
    return this.queued === 0 || this.queued + count <= this.limit;
  }

  /** Resolves when `count` more points fit in the queue. */
  async waitForRoom(count: number): Promise<void> {
    while (!this.hasRoom(count)) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Queues the points (the caller checked the room) and resolves once they are committed. */
  write(points: readonly StoredPoint[]): Promise<void> {
    if (points.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.jobs.push({ points, resolve, reject });
      this.queued += points.length;
      if (!this.running) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.jobs.length > 0) {
        const batch: Job[] = [];
        let size = 0;
        while (this.jobs.length > 0 && (batch.length === 0 || size + this.jobs[0]!.points.length <= MAX_BATCH)) {
          const job = this.jobs.shift()!;
          batch.push(job);
          size += job.points.length;
        }
        try {
          const points = latestOfEach(batch.length === 1 ? batch[0]!.points : batch.flatMap((job) => job.points));
          await this.hooks.prepare(points);
          await this.db.transaction().execute(async (trx) => {
            const heads = await repo.streamHeads(trx, this.sqlite, [...new Set(points.map((p) => p.streamId))]);
            await repo.upsertObservations(trx, this.sqlite, points);
            await updateRollups(trx, this.sqlite, points, heads);
            const moved = lastOfEachStream(points).filter(
              (last) => last.t >= (heads.get(last.streamId) ?? Number.NEGATIVE_INFINITY),
            );
            await repo.advanceStreamHeads(trx, this.sqlite, moved);
          });
          for (const job of batch) job.resolve();
          this.hooks.committed(points);
        } catch (error) {
          for (const job of batch) job.reject(error);
        } finally {
          this.queued -= size;
          for (const wake of this.waiting.splice(0)) wake();
        }
        await this.hooks.idle();
      }
    } finally {
      this.running = false;
    }
  }
}

/**
 * Sorted by stream and time, as the primary key is; of points at one (stream, time), the last given is kept. Grouped
 * by stream first (in order of arrival), so only each stream's own points are sorted, and only if they came out of
 * order — the usual batch, every stream in time order, takes one pass.
 */
function latestOfEach(points: readonly StoredPoint[]): StoredPoint[] {
  const byStream = new Map<number, StoredPoint[]>();
  for (const p of points) {
    const list = byStream.get(p.streamId);
    if (list) list.push(p);
    else byStream.set(p.streamId, [p]);
  }
  const ids = [...byStream.keys()].sort((a, b) => a - b);
  const out: StoredPoint[] = [];
  for (const id of ids) {
    const list = byStream.get(id)!;
    for (let i = 1; i < list.length; i++) {
      if (list[i]!.t <= list[i - 1]!.t) {
        // The sort is stable: among equal times the order given stays, and the last of each run wins.
        list.sort((a, b) => a.t - b.t);
        break;
      }
    }
    for (let i = 0; i < list.length; i++) {
      if (i + 1 === list.length || list[i + 1]!.t !== list[i]!.t) out.push(list[i]!);
    }
  }
  return out;
}

/** The sorted batch's latest point of each stream. */
function lastOfEachStream(sorted: readonly StoredPoint[]): StoredPoint[] {
  const out: StoredPoint[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (i + 1 === sorted.length || sorted[i + 1]!.streamId !== sorted[i]!.streamId) out.push(sorted[i]!);
  }
  return out;
}
