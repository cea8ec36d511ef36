/**
 * A 30-day chart of one stream with many observations in the table: GET …/series (auto: the hourly rollup) through
 * the real server, cold (the first request of a server just started on the database) and warm (the median and p99 of
 * the next 50), against the baseline of the same chart computed from the stream's raw rows. Target (issue 14): < 1 s
 * cold and < 100 ms warm at 100 million observations. IOC_BENCH_OBS_TABLE sets the table's size (default 2,000,000,
 * which runs in well under a minute; 100000000 is the full size, about 2 minutes to fill on SQLite and 4 GB of disk).
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '../packages/server/src/app.ts';
import { type OpenPlatform, openPlatform } from '../packages/server/src/bootstrap.ts';
import { upsertObservations } from '../packages/server/src/modules/observations/observations.repo.ts';
import { ObservationService } from '../packages/server/src/modules/observations/observations.service.ts';
import { OrgUnitService } from '../packages/server/src/modules/orgunits/orgunits.service.ts';

const TABLE = Number(process.env.IOC_BENCH_OBS_TABLE ?? 2_000_000);
const OTHER_STREAMS = 2_000;
const END = Date.UTC(2026, 2, 1);
const DAY = 86_400_000;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

export async function benchObservationChart(platform: OpenPlatform): Promise<void> {
  const obs = new ObservationService(platform, new OrgUnitService(platform));
  await obs.ensureStation({ id: 'chart', name: 'Chart', kind: 'hydro' });
  await obs.ensureStream({ station: 'chart', metric: 'level', name: 'level', uom: 'm', cadenceSeconds: 60 });
  // The charted stream: 60 days at one point a minute, through the writer (rollups kept).
  const own: { stream: string; time: number; value: number }[] = [];
  for (let t = END - 60 * DAY; t < END; t += 60_000)
    own.push({ stream: 'chart/level', time: t, value: Math.sin(t / 3.6e6) });
  await obs.ingest(own);

  // The rest of the table: other streams' raw rows, inserted straight (their rollups do not matter here).
  let t0 = performance.now();
  const ids: number[] = [];
  for (let s = 0; s < OTHER_STREAMS; s++) {
    ids.push(await obs.ensureStream({ station: 'chart', metric: `other${s}`, name: 'other', uom: 'm' }));
  }
  const sqlite = platform.store.engine === 'sqlite';
  const perStream = Math.ceil((TABLE - own.length) / OTHER_STREAMS);
  let filled = own.length;
  for (let s = 0; s < OTHER_STREAMS && filled < TABLE; s++) {
    for (let from = 0; from < perStream && filled < TABLE; from += 50_000) {
      const batch: { streamId: number; t: number; value: number }[] = [];
      for (let i = from; i < Math.min(perStream, from + 50_000) && filled + batch.length < TABLE; i++) {
        batch.push({ streamId: ids[s]!, t: END - (perStream - i) * 60_000, value: i % 100 });
      }
      await platform.db.transaction().execute((trx) => upsertObservations(trx, sqlite, batch));
      filled += batch.length;
    }
  }
  console.log(
    `observations chart: ${filled.toLocaleString('en')} observations in the table (filled in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );

  // A server started afresh on the database: its first request is the cold one.
  const fresh = await openPlatform(platform.config);
  const built = await buildApp(fresh);
  const base = await built.app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'bench-password' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const from = new Date(END - 30 * DAY).toISOString();
  const url = `${base}/api/v1/streams/chart/level/series?from=${from}&to=${new Date(END).toISOString()}`;
  const chart = async () => {
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    const body = (await response.json()) as { resolution: string; points: unknown[] };
    return { ms: performance.now() - started, body };
  };
  const cold = await chart();
  const warm: number[] = [];
  for (let i = 0; i < 50; i++) warm.push((await chart()).ms);

  // Baseline: the same 30 days from the raw rows, bucketed by hour in the process.
  const raw: number[] = [];
  for (let i = 0; i < 5; i++) {
    t0 = performance.now();
    const points = await obs.window('chart/level', END - 30 * DAY, END);
    const hours = new Map<number, { sum: number; count: number }>();
    for (const p of points) {
      const h = Math.floor(p.t / 3_600_000);
      const bucket = hours.get(h) ?? { sum: 0, count: 0 };
      bucket.sum += p.value;
      bucket.count++;
      hours.set(h, bucket);
    }
    raw.push(performance.now() - t0);
  }
  console.log(
    `observations chart, 30 days of one stream (${cold.body.resolution}, ${cold.body.points.length} points): cold ${cold.ms.toFixed(0)} ms, warm p50 ${pct(warm, 0.5).toFixed(1)} ms, p99 ${pct(warm, 0.99).toFixed(1)} ms (targets < 1 s cold, < 100 ms warm); baseline from the raw rows ${pct(raw, 0.5).toFixed(0)} ms; server RSS ${mb(process.memoryUsage().rss)}`,
  );
  await built.close();
  await fresh.close();
}
