/**
 * Observation ingest: NDJSON posted over HTTP to the real server (parsing, validation, stream lookup, the bounded
 * writer, rollups and the streams' latest points in the same transactions) against the baseline of the same rows
 * inserted straight into the observation table with the writer's multi-row statement, in batches of the same size,
 * no rollups. Targets (issue 14): ≥ 100,000 observations/s and ≥ 0.5× the baseline on SQLite.
 * The sender runs in a child process, as a real sender runs on another machine.
 * IOC_BENCH_OBS_POINTS sets the number of observations (default 600,000), IOC_BENCH_OBS_STREAMS the streams (1,000).
 */
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { createServices } from '../packages/server/src/app.ts';
import { buildApp } from '../packages/server/src/app.ts';
import type { OpenPlatform } from '../packages/server/src/bootstrap.ts';
import { upsertObservations } from '../packages/server/src/modules/observations/observations.repo.ts';
import { pointAt } from './observations-points.ts';
import type { FromSender, ToSender } from './observations-sender.ts';

const POINTS = Number(process.env.IOC_BENCH_OBS_POINTS ?? 600_000);
const STREAMS = Number(process.env.IOC_BENCH_OBS_STREAMS ?? 1_000);
const REQUESTS = 4;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

type Services = ReturnType<typeof createServices>;

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
  const t0 = performance.now();
  for (let from = 0; from < POINTS; from += 50_000) {
    const batch: { streamId: number; t: number; value: number }[] = [];
    for (let i = from; i < Math.min(POINTS, from + 50_000); i++) {
      const p = pointAt(i, STREAMS);
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

  // The sender: another process, as a real sender is another machine; its bodies are built before the clock starts.
  const sender = fork(fileURLToPath(new URL('./observations-sender.ts', import.meta.url)), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = (message: ToSender) =>
    new Promise<FromSender>((resolve) => {
      sender.once('message', resolve);
      sender.send(message);
    });
  await ask({ type: 'prepare', points: POINTS, streams: STREAMS, requests: REQUESTS });
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
  const sent = await ask({ type: 'send', url: base, key: created.key });
  if (sent.type !== 'sent') throw new Error('the sender did not answer');
  const { seconds, accepted } = sent;
  clearInterval(sampling);
  const rate = accepted / seconds;
  console.log(
    `observations, HTTP NDJSON ingest (${REQUESTS} requests, rollups kept): ${accepted.toLocaleString('en')} stored in ${seconds.toFixed(2)} s = ${Math.round(rate).toLocaleString('en')} obs/s = ${(rate / baselineRate).toFixed(2)}× the baseline (targets ≥ 100,000 obs/s and ≥ 0.5×); server RSS ${mb(rssBefore)} → peak ${mb(peak)}`,
  );
  if (accepted !== POINTS) console.log(`  not all stored: ${JSON.stringify(sent.rejected)}`);
  await built.close();
}
