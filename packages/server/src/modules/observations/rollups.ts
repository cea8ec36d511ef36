import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { LOCAL_OFFSET_MS } from '../calendar/local-time.ts';
import * as repo from './observations.repo.ts';

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
/** Finest first: each width is recomputed from the one before it. */
export const WIDTHS = [MINUTE, HOUR, DAY] as const;

/** A bucket's start: minutes and hours on the clock, days from local midnight (UTC+7). */
export function bucketOf(t: number, width: number): number {
  if (width === DAY) return Math.floor((t + LOCAL_OFFSET_MS) / DAY) * DAY - LOCAL_OFFSET_MS;
  return Math.floor(t / width) * width;
}

interface Aggregate {
  min: number;
  max: number;
  sum: number;
  count: number;
  last_t: number;
  last_value: number;
}

function add(into: Aggregate | undefined, a: Aggregate): Aggregate {
  if (!into) return { min: a.min, max: a.max, sum: a.sum, count: a.count, last_t: a.last_t, last_value: a.last_value };
  into.min = Math.min(into.min, a.min);
  into.max = Math.max(into.max, a.max);
  into.sum += a.sum;
  into.count += a.count;
  if (a.last_t >= into.last_t) {
    into.last_t = a.last_t;
    into.last_value = a.last_value;
  }
  return into;
}

const ofPoint = (p: repo.Point): Aggregate => ({
  min: p.value,
  max: p.value,
  sum: p.value,
  count: 1,
  last_t: p.t,
  last_value: p.value,
});

/** `${streamId}:${bucket}` → its parts. */
const keyOf = (streamId: number, bucket: number) => `${streamId}:${bucket}`;
function partsOf(key: string): [number, number] {
  const at = key.indexOf(':');
  return [Number(key.slice(0, at)), Number(key.slice(at + 1))];
}

/**
 * Keeps the rollups exact for a batch just written. A point later than its stream's latest stored time is new, so
 * its buckets simply add it (the common case: live data). A point at or before that time may have overwritten a
 * stored value: its buckets are recomputed — minutes from the raw rows, hours from the minutes, days from the hours.
 * `points` are sorted by stream and time, without repeats; `heads` are the streams' latest times before the batch.
 * One pass over the points aggregates all three widths; the new buckets of all widths go in the same statements.
 */
export async function updateRollups(
  trx: Transaction<Database>,
  sqlite: boolean,
  points: readonly repo.Point[],
  heads: ReadonlyMap<number, number>,
): Promise<void> {
  // Sorted points: each bucket is one run of consecutive points, so one pass aggregates them.
  const added: repo.RollupRow[] = [];
  const dirty = WIDTHS.map(() => new Set<string>());
  const open: (repo.RollupRow | null)[] = WIDTHS.map(() => null);
  const openDirty = WIDTHS.map(() => false);
  const close = (w: number) => {
    const row = open[w];
    if (!row) return;
    if (openDirty[w]) dirty[w]!.add(keyOf(row.stream_id, row.bucket));
    else added.push(row);
  };
  let stream = Number.NaN;
  let head: number | undefined;
  for (const p of points) {
    if (p.streamId !== stream) {
      stream = p.streamId;
      head = heads.get(stream);
    }
    const old = head !== undefined && p.t <= head;
    for (let w = 0; w < WIDTHS.length; w++) {
      const width = WIDTHS[w]!;
      const bucket = bucketOf(p.t, width);
      let row = open[w] ?? null;
      if (!row || row.stream_id !== p.streamId || row.bucket !== bucket) {
        close(w);
        row = {
          stream_id: p.streamId,
          width,
          bucket,
          min: p.value,
          max: p.value,
          sum: 0,
          count: 0,
          last_t: p.t,
          last_value: p.value,
        };
        open[w] = row;
        openDirty[w] = false;
      }
      if (p.value < row.min) row.min = p.value;
      if (p.value > row.max) row.max = p.value;
      row.sum += p.value;
      row.count++;
      row.last_t = p.t;
      row.last_value = p.value;
      if (old) openDirty[w] = true;
    }
  }
  for (let w = 0; w < WIDTHS.length; w++) close(w);
  await repo.upsertRollups(trx, sqlite, added, 'merge');
  // Finest first: an hour is recomputed from minutes already exact.
  for (let w = 0; w < WIDTHS.length; w++) {
    if (dirty[w]!.size > 0) await recompute(trx, sqlite, WIDTHS[w]!, dirty[w]!);
  }
}

function rowsOf(aggregates: Map<string, Aggregate>, width: number): repo.RollupRow[] {
  return [...aggregates].map(([key, a]) => {
    const [stream_id, bucket] = partsOf(key);
    return { stream_id, width, bucket, ...a };
  });
}

/** Recomputes whole buckets from the level below, reading each stream's run of adjacent buckets at once. */
async function recompute(trx: Transaction<Database>, sqlite: boolean, width: number, keys: Set<string>): Promise<void> {
  const byStream = new Map<number, number[]>();
  for (const key of keys) {
    const [streamId, bucket] = partsOf(key);
    const list = byStream.get(streamId) ?? [];
    list.push(bucket);
    byStream.set(streamId, list);
  }
  const below = WIDTHS[WIDTHS.indexOf(width as (typeof WIDTHS)[number]) - 1];
  const fresh = new Map<string, Aggregate>();
  for (const [streamId, buckets] of byStream) {
    buckets.sort((a, b) => a - b);
    for (let start = 0; start < buckets.length; ) {
      let end = start;
      while (end + 1 < buckets.length && nextBucket(buckets[end]!, width) === buckets[end + 1]) end++;
      const from = buckets[start]!;
      const to = nextBucket(buckets[end]!, width);
      const parts: { t: number; a: Aggregate }[] =
        below === undefined
          ? (await repo.rawPoints(trx, streamId, from, to)).map((p) => ({ t: p.t, a: ofPoint(p) }))
          : (await repo.rollups(trx, streamId, below, from, to)).map((r) => ({ t: r.bucket, a: r }));
      for (const { t, a } of parts) {
        const key = keyOf(streamId, bucketOf(t, width));
        fresh.set(key, add(fresh.get(key), a));
      }
      start = end + 1;
    }
  }
  await repo.upsertRollups(trx, sqlite, rowsOf(fresh, width), 'replace');
}

const nextBucket = (bucket: number, width: number) => bucket + width;
