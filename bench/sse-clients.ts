/**
 * The SSE clients of bench/sse-fanout.ts, in a child process of their own so that their work (1,000 sockets, a
 * million frames a second to parse) is not counted in the server's memory nor run on the server's event loop. Driven
 * over IPC: `open` the connections, then `report` the latencies (a histogram in 0.1 ms steps) and close.
 * Each `observation` frame carries, as its value, the epoch time (ms, fractional) the event was due.
 */
import { type IncomingMessage, request } from 'node:http';

export type ToClients =
  | { type: 'open'; url: string; tokens: string[]; clients: number }
  | { type: 'start' }
  | { type: 'report' }
  | { type: 'close' };

export type FromClients =
  | { type: 'opened'; ready: number; failed: string[] }
  | { type: 'progress'; frames: number }
  | {
      type: 'report';
      frames: number;
      /** [bucket of 0.1 ms, count], the non-empty buckets only. */
      histogram: [number, number][];
      maxMs: number;
      perClientMin: number;
      perClientMax: number;
      cpuMs: number;
      wallMs: number;
    };

const STEP = 10; // buckets per ms
const BUCKETS = 60_000 * STEP; // up to a minute late
const histogram = new Uint32Array(BUCKETS);
const now = () => performance.timeOrigin + performance.now();
const VALUE = /"value":([0-9.e+-]+)/g;

let frames = 0;
let maxMs = 0;
const perClient: number[] = [];
const responses: IncomingMessage[] = [];
const send = (message: FromClients) => process.send?.(message);
let cpuStart = process.cpuUsage();
let wallStart = performance.now();

function open(url: string, token: string, index: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      agent: false,
      headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`HTTP ${res.statusCode}`));
        res.resume();
        return;
      }
      responses.push(res);
      perClient[index] = 0;
      res.setEncoding('utf8');
      let pending = '';
      let ready = false;
      res.on('data', (chunk: string) => {
        const at = now();
        pending += chunk;
        const end = pending.lastIndexOf('\n\n');
        if (end < 0) return;
        const complete = pending.slice(0, end);
        pending = pending.slice(end + 2);
        if (!ready && complete.includes('event: ready')) {
          ready = true;
          resolve();
        }
        let count = 0;
        for (const match of complete.matchAll(VALUE)) {
          const late = at - Number(match[1]);
          histogram[Math.min(BUCKETS - 1, Math.max(0, Math.floor(late * STEP)))]!++;
          if (late > maxMs) maxMs = late;
          count++;
        }
        frames += count;
        perClient[index]! += count;
      });
    });
    req.end();
  });
}

process.on('message', async (message: ToClients) => {
  if (message.type === 'open') {
    const failed: string[] = [];
    let ready = 0;
    // 50 at a time: a thousand sign-ins at once would measure the connection storm, not the fan-out.
    for (let from = 0; from < message.clients; from += 50) {
      const batch = [];
      for (let i = from; i < Math.min(message.clients, from + 50); i++) {
        batch.push(open(message.url, message.tokens[i % message.tokens.length]!, i));
      }
      for (const result of await Promise.allSettled(batch)) {
        if (result.status === 'fulfilled') ready++;
        else if (failed.length < 5) failed.push(String(result.reason));
      }
    }
    send({ type: 'opened', ready, failed });
    setInterval(() => send({ type: 'progress', frames }), 250).unref();
  } else if (message.type === 'start') {
    cpuStart = process.cpuUsage();
    wallStart = performance.now();
  } else if (message.type === 'report') {
    const buckets: [number, number][] = [];
    for (let i = 0; i < BUCKETS; i++) if (histogram[i]) buckets.push([i, histogram[i]!]);
    const counts = perClient.filter((n) => n !== undefined);
    const cpu = process.cpuUsage(cpuStart);
    send({
      type: 'report',
      frames,
      histogram: buckets,
      maxMs,
      perClientMin: Math.min(...counts),
      perClientMax: Math.max(...counts),
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs: performance.now() - wallStart,
    });
  } else {
    for (const res of responses) res.destroy();
    process.disconnect?.();
    process.exit(0);
  }
});
