/**
 * Observation ingest: NDJSON posted over HTTP to the real server (parsing, validation, stream lookup, the bounded
 * writer, rollups and the streams' latest points in the same transactions) against the baseline of the same rows
 * inserted straight into the observation table with the writer's multi-row statement, in batches of the same size,
 * no rollups. Targets (issue 14): ≥ 100,000 observations/s and ≥ 0.5× the baseline on SQLite.
 * IOC_BENCH_OBS_POINTS sets the number of observations (default 600,000), IOC_BENCH_OBS_STREAMS the streams (1,000).
 */
import { performance } from 'node:perf_hooks';
import type { createServices } from '../packages/server/src/app.ts';
import { buildApp } from '../packages/server/src/app.ts';
import type { OpenPlatform } from '../packages/server/src/bootstrap.ts';
import { upsertObservations } from '../packages/server/src/modules/observations/observations.repo.ts';

const POINTS = Number(process.env.IOC_BENCH_OBS_POINTS ?? 600_000);
const STREAMS = Number(process.env.IOC_BENCH_OBS_STREAMS ?? 1_000);
const REQUESTS = 4;
const START = Date.UTC(2026, 0, 1);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

type Services = ReturnType<typeof createServices>;

/** Every stream sends a point each 10 s, as a busy network of gauges would; streams interleave as they would. */
function pointAt(i: number): { stream: number; t: number; value: number } {
  const stream = i % STREAMS;
  const step = Math.floor(i / STREAMS);
  return { stream, t: START + step * 10_000, value: Math.round(Math.sin(step / 50 + stream) * 1000) / 100 };
}

export async function benchObservationIngest(platform: OpenPlatform, services: Services): Promise<void> {
  const obs = services.observations;
  await obs.ensureStation({ id: 'bench', name: 'Bench', kind: 'other' });
  await obs.ensureStation({ id: 'baseline', name: 'Baseline', kind: 'other' });
  const ids: number[] = [];
  for (let s = 0; s < STREAMS; s++) {
    await obs.ensureStream({ station: 'bench', metric: `m${s}`, name: `m${s}`, uom: 'm', cadenceSeconds: 10 });
    ids.push(await obs.ensureStream({ station: 'baseline', metric: `m${s}`, name: `m${s}`, uom: 'm' }));
  }

  // Baseline: the same rows, the writer's statement, batches of 50,000 per transaction.
  const sqlite = platform.store.engine === 'sqlite';
  let t0 = performance.now();
  for (let from = 0; from < POINTS; from += 50_000) {
    const batch: { streamId: number; t: number; value: number }[] = [];
    for (let i = from; i < Math.min(POINTS, from + 50_000); i++) {
      const p = pointAt(i);
      batch.push({ streamId: ids[p.stream]!, t: p.t, value: p.value });
    }
    batch.sort((a, b) => a.streamId - b.streamId || a.t - b.t);
    await platform.db.transaction().execute((trx) => upsertObservations(trx, sqlite, batch));
  }
  const baselineSeconds = (performance.now() - t0) / 1000;
  const baselineRate = POINTS / baselineSeconds;
  console.log(
    `observations, raw batched insert (baseline): ${POINTS.toLocaleString('en')} rows in ${baselineSeconds.toFixed(2)} s = ${Math.round(baselineRate).toLocaleString('en')} rows/s`,
  );

  // The server: NDJSON bodies prepared beforehand, so the figure is the server's, not the client's JSON.stringify.
  const bodies: Buffer[][] = Array.from({ length: REQUESTS }, () => []);
  for (let r = 0; r < REQUESTS; r++) {
    let chunk = '';
    for (let i = r; i < POINTS; i += REQUESTS) {
      const p = pointAt(i);
      chunk += `{"stream":"bench/m${p.stream}","time":${p.t},"value":${p.value}}\n`;
      if (chunk.length > 64 * 1024) {
        bodies[r]!.push(Buffer.from(chunk));
        chunk = '';
      }
    }
    if (chunk) bodies[r]!.push(Buffer.from(chunk));
  }
  const built = await buildApp(platform);
  const base = await built.app.listen({ port: 0, host: '127.0.0.1' });
  const created = await services.apiKeys.create(
    {
      type: 'system',
      id: null,
      name: 'bench',
      ip: null,
      permissions: new Set(['observations.write']),
      scope: { unitId: platform.config.rootUnit },
      mustChangePassword: false,
    },
    { name: 'bench', permissions: ['observations.write'], orgUnitCode: platform.config.rootUnit },
  );
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampling = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  t0 = performance.now();
  const reports = await Promise.all(
    bodies.map(async (chunks) => {
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      });
      const response = await fetch(`${base}/api/v1/observations`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${created.key}` },
        body,
        duplex: 'half',
      } as RequestInit);
      return (await response.json()) as { accepted: number; rejected: unknown[] };
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampling);
  const accepted = reports.reduce((sum, r) => sum + r.accepted, 0);
  const rate = accepted / seconds;
  console.log(
    `observations, HTTP NDJSON ingest (${REQUESTS} requests, rollups kept): ${accepted.toLocaleString('en')} stored in ${seconds.toFixed(2)} s = ${Math.round(rate).toLocaleString('en')} obs/s = ${(rate / baselineRate).toFixed(2)}× the baseline (targets ≥ 100,000 obs/s and ≥ 0.5×); server RSS ${mb(rssBefore)} → peak ${mb(peak)}`,
  );
  if (accepted !== POINTS)
    console.log(`  not all stored: ${JSON.stringify(reports.map((r) => r.rejected.slice(0, 3)))}`);
  await built.close();
}
