/**
 * Live fan-out: 1,000 SSE clients on GET /api/v1/stream (API keys with events.read and observations.read, two at the
 * province's scope and two at a commune's) while `observation` events are published on the platform bus at 1,000 a
 * second for 10 s — each of 1,000 streams once a second, what the per-stream live throttle lets through — all about
 * that commune, so every client receives every event (a million frames a second). The event-to-client latency runs
 * from the moment an event was due (publishing late counts as late) to the moment its frame is read by the client.
 * Baseline in the same run: the same events written to 1,000 bare node:http SSE responses by a minimal server (no
 * auth, no audience check, each event serialised once, batched like the stream's 25 ms): what the plumbing alone
 * costs.
 *
 * Two cores: the server (and its publisher, as ingest publishes in-process) run on this process's event loop; the
 * clients run in IOC_BENCH_SSE_PROCS child processes (default 1), so their memory is not the server's and their
 * parsing has the other core. Targets (issue 14): p99 < 250 ms; server RSS < 500 MB throughout.
 * IOC_BENCH_SSE_CLIENTS (1,000), IOC_BENCH_SSE_RATE (events/s, 1,000), IOC_BENCH_SSE_SECONDS (10).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { BusEvent, EventMap } from '@ioc/shared';
import { buildApp } from '../packages/server/src/app.ts';
import type { OpenPlatform } from '../packages/server/src/bootstrap.ts';
import { makeEvent } from '../packages/server/src/modules/bus/bus.ts';
import type { FromClients, ToClients } from './sse-clients.ts';

const CLIENTS = Number(process.env.IOC_BENCH_SSE_CLIENTS ?? 1_000);
const RATE = Number(process.env.IOC_BENCH_SSE_RATE ?? 1_000);
const SECONDS = Number(process.env.IOC_BENCH_SSE_SECONDS ?? 10);
const PROCS = Number(process.env.IOC_BENCH_SSE_PROCS ?? 1);
const STREAMS = 1_000;
/** Phường Thành Sen: the events' unit, inside the commune-scoped keys' scope and the province's. */
const UNIT = '18073';
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const epochMs = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Report = Extract<FromClients, { type: 'report' }>;
interface Result {
  p50: number;
  p99: number;
  max: number;
  delivered: number;
  expected: number;
  rssOpen: number;
  rssPeak: number;
  publishSeconds: number;
  clientCpu: number;
  perClient: [number, number];
}

/** The client processes, each with its share of the connections. */
class Clients {
  private readonly children: ChildProcess[] = [];
  private readonly frames: number[] = [];

  static async open(url: string, tokens: string[]): Promise<Clients> {
    const clients = new Clients();
    const script = fileURLToPath(new URL('./sse-clients.ts', import.meta.url));
    const opened = [];
    for (let p = 0; p < PROCS; p++) {
      const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      clients.children.push(child);
      clients.frames.push(0);
      child.on('message', (message: FromClients) => {
        if (message.type === 'progress') clients.frames[p] = message.frames;
      });
      const share = Math.floor(CLIENTS / PROCS) + (p < CLIENTS % PROCS ? 1 : 0);
      opened.push(clients.ask(child, { type: 'open', url, tokens, clients: share }, 'opened'));
    }
    for (const answer of await Promise.all(opened)) {
      if (answer.type === 'opened' && answer.failed.length > 0)
        throw new Error(`SSE clients could not connect: ${answer.failed.join('; ')}`);
    }
    return clients;
  }

  private ask(child: ChildProcess, message: ToClients, answer: FromClients['type']): Promise<FromClients> {
    return new Promise((resolve) => {
      const listener = (reply: FromClients) => {
        if (reply.type !== answer) return;
        child.off('message', listener);
        resolve(reply);
      };
      child.on('message', listener);
      child.send(message);
    });
  }

  start(): void {
    for (const child of this.children) child.send({ type: 'start' } satisfies ToClients);
  }

  get delivered(): number {
    return this.frames.reduce((a, b) => a + b, 0);
  }

  async report(): Promise<Report[]> {
    return (await Promise.all(this.children.map((c) => this.ask(c, { type: 'report' }, 'report')))) as Report[];
  }

  close(): void {
    for (const child of this.children) child.send({ type: 'close' } satisfies ToClients);
  }
}

function percentile(histogram: Map<number, number>, total: number, p: number): number {
  const rank = Math.ceil(total * p);
  let seen = 0;
  for (const [bucket, count] of [...histogram].sort((a, b) => a[0] - b[0])) {
    seen += count;
    if (seen >= rank) return bucket / 10;
  }
  return Number.NaN;
}

/** One observation, due at `dueAt` (epoch ms): its value is that time, which the client reads back. */
function observation(seq: number, dueAt: number): EventMap['observation'] {
  return { stream: `bench/m${seq % STREAMS}`, t: new Date(dueAt).toISOString(), value: dueAt, unit: UNIT, uom: 'cm' };
}

async function measure(url: string, tokens: string[], publish: (seq: number, dueAt: number) => void) {
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampling = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 100);
  const clients = await Clients.open(url, tokens);
  const rssOpen = process.memoryUsage().rss;
  clients.start();
  const total = RATE * SECONDS;
  const started = performance.now();
  const startedAt = epochMs();
  // Publishes what is due each millisecond or so; a busy loop publishes late, and the lateness is measured.
  for (let seq = 0; seq < total; ) {
    const due = Math.min(total, Math.floor(((performance.now() - started) * RATE) / 1000) + 1);
    for (; seq < due; seq++) publish(seq, startedAt + (seq * 1000) / RATE);
    await sleep(1);
  }
  const publishSeconds = (performance.now() - started) / 1000;
  const expected = total * CLIENTS;
  // Drained when every frame arrived, when nothing more arrives for 3 s, or after 30 s (what is late by then is lost).
  let last = -1;
  let still = 0;
  const drainUntil = performance.now() + 30_000;
  while (clients.delivered < expected && still < 3000 && performance.now() < drainUntil) {
    await sleep(250);
    still = clients.delivered === last ? still + 250 : 0;
    last = clients.delivered;
  }
  const reports = await clients.report();
  clients.close();
  clearInterval(sampling);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  const histogram = new Map<number, number>();
  for (const r of reports) for (const [b, n] of r.histogram) histogram.set(b, (histogram.get(b) ?? 0) + n);
  const delivered = reports.reduce((sum, r) => sum + r.frames, 0);
  const clientCpu = reports.reduce((sum, r) => sum + r.cpuMs / r.wallMs, 0);
  return {
    p50: percentile(histogram, delivered, 0.5),
    p99: percentile(histogram, delivered, 0.99),
    max: Math.max(...reports.map((r) => r.maxMs)),
    delivered,
    expected,
    rssOpen,
    rssPeak,
    publishSeconds,
    clientCpu,
    perClient: [Math.min(...reports.map((r) => r.perClientMin)), Math.max(...reports.map((r) => r.perClientMax))],
  } satisfies Result;
}

function print(label: string, r: Result) {
  console.log(
    `${label}: ${CLIENTS.toLocaleString('en')} clients × ${(RATE * SECONDS).toLocaleString('en')} events (${RATE}/s, published in ${r.publishSeconds.toFixed(1)} s): ${r.delivered.toLocaleString('en')} of ${r.expected.toLocaleString('en')} frames delivered (per client ${r.perClient[0]}–${r.perClient[1]}), event-to-client p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(0)} ms; server RSS ${mb(r.rssOpen)} with the clients connected → peak ${mb(r.rssPeak)}; client processes ${(r.clientCpu * 100).toFixed(0)}% of a core`,
  );
}

/** The baseline: a bare node:http server holding the responses, each event serialised once and written to all. */
async function baseline(): Promise<Result> {
  const open = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    res.write('retry: 3000\nevent: ready\ndata: {}\n\n');
    open.add(res);
    req.on('close', () => open.delete(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // Like the stream, frames wait at most 25 ms and leave in one write per response (one write per event per response
  // could not keep up: 10 s of events took 24 s to write, 5 GB queued).
  let queued: string[] = [];
  let flushing = false;
  const flush = () => {
    flushing = false;
    const batch = queued.join('');
    queued = [];
    for (const res of open) res.write(batch);
  };
  const result = await measure(`http://127.0.0.1:${port}/api/v1/stream`, [''], (seq, dueAt) => {
    const event: BusEvent = makeEvent('observation', observation(seq, dueAt), UNIT);
    queued.push(`event: ${event.name}\ndata: ${JSON.stringify(event)}\n\n`);
    if (!flushing) {
      flushing = true;
      setTimeout(flush, 25);
    }
  });
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return result;
}

export async function benchSseFanout(platform: OpenPlatform): Promise<void> {
  const base = await baseline();
  print('SSE fan-out, bare node:http (baseline)', base);
  global.gc?.();

  const built = await buildApp(platform);
  const url = `${await built.app.listen({ port: 0, host: '127.0.0.1' })}/api/v1/stream`;
  const { apiKeys, orgUnits } = built.services;
  const system = {
    type: 'system' as const,
    id: null,
    name: 'bench',
    ip: null,
    permissions: new Set(['events.read', 'observations.read'] as const),
    scope: { unitId: platform.config.rootUnit },
    mustChangePassword: false,
  };
  const commune = (await orgUnits.find(UNIT)) ? UNIT : platform.config.rootUnit;
  const tokens: string[] = [];
  for (const [i, unit] of [platform.config.rootUnit, commune, platform.config.rootUnit, commune].entries()) {
    const created = await apiKeys.create(system, {
      name: `sse-bench-${i}`,
      permissions: ['events.read', 'observations.read'],
      orgUnitCode: unit,
    });
    tokens.push(created.key);
  }
  const real = await measure(url, tokens, (seq, dueAt) => {
    void platform.bus.publish('observation', observation(seq, dueAt), UNIT);
  });
  print(`SSE fan-out, GET /api/v1/stream (4 API keys: province ×2, commune ${commune} ×2)`, real);
  console.log(
    `SSE fan-out: p99 ${real.p99.toFixed(1)} ms vs ${base.p99.toFixed(1)} ms bare (target < 250 ms), ${((100 * real.delivered) / real.expected).toFixed(1)}% delivered, server RSS peak ${mb(real.rssPeak)} (target < 500 MB)`,
  );
  await built.close();
}
