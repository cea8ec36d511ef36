/**
 * The sender of bench/observations-ingest.ts, in a child process of its own: a real sender is another machine, and
 * its HTTP client (building and streaming four request bodies) would otherwise run on the server's event loop and be
 * counted as the server's cost. Driven over IPC: `prepare` builds the NDJSON bodies (not timed), `send` posts them
 * at once and answers what the server reported.
 */
import { pointAt } from './observations-points.ts';

export type ToSender =
  | { type: 'prepare'; points: number; streams: number; requests: number }
  | { type: 'send'; url: string; key: string };

export type FromSender =
  | { type: 'prepared' }
  | { type: 'sent'; accepted: number; rejected: unknown[]; seconds: number };

let bodies: Buffer[][] = [];

function prepare(points: number, streams: number, requests: number): void {
  bodies = Array.from({ length: requests }, () => []);
  for (let r = 0; r < requests; r++) {
    let chunk = '';
    for (let i = r; i < points; i += requests) {
      const p = pointAt(i, streams);
      chunk += `{"stream":"bench/m${p.stream}","time":${p.t},"value":${p.value}}\n`;
      if (chunk.length > 64 * 1024) {
        bodies[r]!.push(Buffer.from(chunk));
        chunk = '';
      }
    }
    if (chunk) bodies[r]!.push(Buffer.from(chunk));
  }
}

async function send(url: string, key: string): Promise<FromSender> {
  const t0 = performance.now();
  const reports = await Promise.all(
    bodies.map(async (chunks) => {
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      });
      const response = await fetch(`${url}/api/v1/observations`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${key}` },
        body,
        duplex: 'half',
      } as RequestInit);
      return (await response.json()) as { accepted: number; rejected: unknown[] };
    }),
  );
  return {
    type: 'sent',
    accepted: reports.reduce((sum, r) => sum + r.accepted, 0),
    rejected: reports.flatMap((r) => r.rejected.slice(0, 3)),
    seconds: (performance.now() - t0) / 1000,
  };
}

process.on('message', (message: ToSender) => {
  if (message.type === 'prepare') {
    prepare(message.points, message.streams, message.requests);
    process.send?.({ type: 'prepared' } satisfies FromSender);
  } else {
    void send(message.url, message.key).then((answer) => {
      process.send?.(answer);
      process.disconnect();
    });
  }
});
