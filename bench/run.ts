/**
 * `npm run bench`: figures, each against a baseline measured in the same process. Runs on a fresh embedded
 * SQLite, or on PostgreSQL with IOC_BENCH_DATABASE_URL=postgres://… (use an empty schema or database).
 * IOC_BENCH_ONLY=audit|indicators|publicservices|documents|rules|mqtt|observations|sse runs one part
 * (observations: HTTP ingest and the 30-day chart; sse: 1,000 live-stream clients at 1,000 events/s).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '../packages/server/src/app.ts';
import { openPlatform, preparePlatform } from '../packages/server/src/bootstrap.ts';
import { loadConfig } from '../packages/server/src/config.ts';
import { benchAudit } from './audit.ts';
import { benchDocuments } from './documents.ts';
import { benchIndicators } from './indicators.ts';
import { benchMqtt } from './mqtt-ingest.ts';
import { benchObservationChart } from './observations-chart.ts';
import { benchObservationIngest } from './observations-ingest.ts';
import { benchPublicServices } from './publicservices.ts';
import { benchRules } from './rules-eval.ts';
import { benchSseFanout } from './sse-fanout.ts';

const only = process.env.IOC_BENCH_ONLY;
const dataDir = mkdtempSync(join(tmpdir(), 'ioc-bench-'));
const config = loadConfig({
  IOC_DATA_DIR: dataDir,
  IOC_DEMO: '0',
  IOC_ADMIN_PASSWORD: 'bench-password',
  IOC_LOG_LEVEL: 'silent',
  ...(process.env.IOC_BENCH_DATABASE_URL ? { IOC_DATABASE_URL: process.env.IOC_BENCH_DATABASE_URL } : {}),
});
const platform = await openPlatform(config);
await preparePlatform(platform, { demo: false });
console.log(`engine: ${platform.store.engine}`);
if (!only || only === 'audit') await benchAudit(platform);
if (!only || only === 'indicators') await benchIndicators(platform, createServices(platform).indicators);
if (!only || only === 'publicservices') await benchPublicServices(platform, createServices(platform));
if (!only || only === 'documents') await benchDocuments(platform, createServices(platform));
if (!only || only === 'observations') await benchObservationIngest(platform, createServices(platform));
if (!only || only === 'observations') await benchObservationChart(platform);
if (!only || only === 'mqtt') await benchMqtt(platform, createServices(platform));
if (!only || only === 'rules') await benchRules(platform, createServices(platform));
if (!only || only === 'sse') await benchSseFanout(platform);
await platform.close();
rmSync(dataDir, { recursive: true, force: true });
