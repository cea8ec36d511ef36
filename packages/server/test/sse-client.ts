import type { BusEvent } from '@ioc/shared';

/** A minimal SSE reader over fetch, for tests: collects events and waits for the one wanted. */
export async function openStream(baseUrl: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/v1/stream`, { headers, signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
  const events: BusEvent[] = [];
  const waiters: (() => void)[] = [];
  let ready = false;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const name = /^event: (.+)$/m.exec(frame)?.[1];
          const data = /^data: (.+)$/m.exec(frame)?.[1];
          if (name === 'ready') ready = true;
          else if (name && data) events.push(JSON.parse(data) as BusEvent);
          for (const wake of waiters.splice(0)) wake();
          end = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  const until = async (check: () => boolean, what: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  };
  await until(() => ready, 'the ready event', 5000);
  return {
    events,
    next: async (name: string, timeoutMs = 3000) => {
      await until(() => events.some((e) => e.name === name), name, timeoutMs);
      return events.find((e) => e.name === name) as BusEvent;
    },
    close: () => controller.abort(),
  };
}
