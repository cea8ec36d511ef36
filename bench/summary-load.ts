/**
 * The leaders' view under load: 50 screens asking for the province's year by agency at once, for a few seconds,
 * with the computation alone (no cache) as the baseline, then through the app's view cache while the data keeps
 * changing (a sync every 2 seconds, as the demo's one-stop system does every 10). Prints requests/s, p50/p99 and
 * the process's memory before and after.
 */
import type { PsSummary, PsSummaryQuery } from '@ioc/shared';
import type { createServices } from '../packages/server/src/app.ts';
import type { OpenPlatform } from '../packages/server/src/bootstrap.ts';
import type { Actor } from '../packages/server/src/modules/auth/actor.ts';
import { PublicServiceSummaryService } from '../packages/server/src/modules/publicservices/summary/summary.service.ts';

const CLIENTS = Number(process.env.IOC_BENCH_CLIENTS ?? 50);
const SECONDS = Number(process.env.IOC_BENCH_LOAD_SECONDS ?? 8);

type Services = ReturnType<typeof createServices>;
interface Summaries {
  summary(actor: Actor, query: PsSummaryQuery): Promise<PsSummary>;
}

/** The same service as the app's, with its view cache off: what each request costs without it. */
export function uncachedSummaries(platform: OpenPlatform, services: Services): Summaries {
  const { orgUnits, agencies, calendar } = services;
  const { feedback, scoringRules } = services.publicServices;
  return new PublicServiceSummaryService(platform, orgUnits, agencies, calendar, feedback, scoringRules, {
    cacheViews: false,
  });
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function load(label: string, summaries: Summaries, actor: Actor, during?: () => Promise<unknown>) {
  const query = { period: '2025', groupBy: 'agency' as const };
  const latencies: number[] = [];
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const until = performance.now() + SECONDS * 1000;
  let writing: NodeJS.Timeout | undefined;
  let written: Promise<unknown> = Promise.resolve();
  if (during) writing = setInterval(() => (written = written.then(during)), 2000);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await summaries.summary(actor, query);
        latencies.push(performance.now() - t0);
        peak = Math.max(peak, process.memoryUsage().rss);
      }
    }),
  );
  clearInterval(writing);
  await written;
  const seconds = (performance.now() - started) / 1000;
  const rate = latencies.length / seconds;
  console.log(
    `${label}: ${CLIENTS} clients, ${latencies.length} requests in ${seconds.toFixed(1)} s = ${rate.toFixed(1)} requests/s, p50 ${pct(latencies, 0.5).toFixed(0)} ms, p99 ${pct(latencies, 0.99).toFixed(0)} ms; memory ${mb(rssBefore)} → peak ${mb(peak)}`,
  );
  return { rate, p99: pct(latencies, 0.99) };
}

export async function benchSummaryLoad(services: Services, actor: Actor, uncached: Summaries): Promise<void> {
  const before = await load('summary under load, baseline (computed per request)', uncached, actor);
  let n = 0;
  const sync = () =>
    services.publicServices.dossierSync.sync(
      actor,
      {
        service: 'DongBoHoSoMC',
        data: [
          {
            MaHoSo: `LOAD-${n++}`,
            MaTTHC: '1.000894',
            NgayTiepNhan: '20250310083000',
            NgayHenTra: '20250317170000',
            TrangThaiHoSo: 4,
            DonViXuLy: 'UBND phường Thành Sen',
          },
        ],
      },
      'all',
    );
  const after = await load(
    'summary under load, view cache (a sync every 2 s)',
    services.publicServices.summary,
    actor,
    sync,
  );
  console.log(
    `summary under load: ${(after.rate / before.rate).toFixed(0)}× the requests/s, p99 ${before.p99.toFixed(0)} → ${after.p99.toFixed(0)} ms (target p99 < 300 ms)`,
  );
}
