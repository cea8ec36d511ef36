import { QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { createQueryClient, refreshQueries } from './queries.ts';

/** A read the test answers by hand: each call waits until `answer` is called for it. */
function slowRead() {
  const calls: { signal: AbortSignal; answer(value: number): void }[] = [];
  const queryFn = ({ signal }: { signal: AbortSignal }) =>
    new Promise<number>((resolve) => calls.push({ signal, answer: resolve }));
  return { calls, queryFn };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('refreshing the queries a live event concerns', () => {
  const client = createQueryClient();
  afterEach(() => client.clear());

  it('follows a read still running with one more, instead of cancelling it', async () => {
    const read = slowRead();
    const key = ['GET /api/v1/tasks', { params: {}, query: {} }];
    const observer = new QueryObserver(client, { queryKey: key, queryFn: read.queryFn });
    const stop = observer.subscribe(() => {});
    await settle();
    read.calls[0]?.answer(0);
    await settle();

    // An event starts a second read; a burst of events comes while it runs on a slow server.
    const first = refreshQueries(client, ['GET /api/v1/tasks']);
    await settle();
    expect(read.calls).toHaveLength(2);
    const burst = Promise.all([
      refreshQueries(client, ['GET /api/v1/tasks']),
      refreshQueries(client, ['GET /api/v1/tasks']),
    ]);
    await settle();
    expect(read.calls).toHaveLength(2);
    expect(read.calls[1]?.signal.aborted).toBe(false);

    // Its answer is kept, then exactly one more read for the whole burst, whose answer is the one shown.
    read.calls[1]?.answer(1);
    await first;
    await settle();
    expect(read.calls).toHaveLength(3);
    read.calls[2]?.answer(2);
    await burst;
    expect(observer.getCurrentResult().data).toBe(2);
    expect(read.calls).toHaveLength(3);
    stop();
  });

  it('asks again at once a read that is not running, and only the targets', async () => {
    const tasks = slowRead();
    const documents = slowRead();
    const stops = [
      new QueryObserver(client, {
        queryKey: ['GET /api/v1/tasks', { params: {}, query: { limit: 5 } }],
        queryFn: tasks.queryFn,
      }),
      new QueryObserver(client, {
        queryKey: ['GET /api/v1/documents', { params: {}, query: {} }],
        queryFn: documents.queryFn,
      }),
    ].map((observer) => observer.subscribe(() => {}));
    await settle();
    tasks.calls[0]?.answer(1);
    documents.calls[0]?.answer(1);
    await settle();

    const refreshed = refreshQueries(client, ['GET /api/v1/tasks']);
    await settle();
    expect(tasks.calls).toHaveLength(2);
    expect(documents.calls).toHaveLength(1);
    tasks.calls[1]?.answer(2);
    await refreshed;
    for (const stop of stops) stop();
  });
});
