/** An SSE client for tests that also tells when the server ended the stream (sse-client.ts waits for events only). */
export async function openLiveStream(baseUrl: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/v1/stream`, { headers, signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
  const names: string[] = [];
  let endedByServer = false;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const ended = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          endedByServer = true;
          return;
        }
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const name = /^event: (.+)$/m.exec(buffer.slice(0, end))?.[1];
          if (name) names.push(name);
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // aborted by the test
    }
  })();
  const deadline = Date.now() + 5000;
  while (!names.includes('ready')) {
    if (Date.now() > deadline) throw new Error('no ready event');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    names,
    /** Resolves true when the server ended the stream within the time, false otherwise. */
    endsWithin: async (ms: number) => {
      await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, ms))]);
      return endedByServer;
    },
    close: () => controller.abort(),
  };
}
