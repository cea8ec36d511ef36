import type { ServerResponse } from 'node:http';
import type { BusEvent } from '@ioc/shared';
import type { App } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import type { Kernel } from '../../kernel.ts';
import { mayReceive } from './audience.ts';

const HEARTBEAT_MS = 15_000;

/** Open SSE connections, so shutdown can end them instead of waiting for browsers to leave. */
export class StreamRegistry {
  private readonly open = new Set<ServerResponse>();
  add(response: ServerResponse): void {
    this.open.add(response);
  }
  remove(response: ServerResponse): void {
    this.open.delete(response);
  }
  get size(): number {
    return this.open.size;
  }
  closeAll(): void {
    for (const response of this.open) response.end();
    this.open.clear();
  }
}

function frame(event: BusEvent): string {
  return `event: ${event.name}\ndata: ${JSON.stringify(event)}\n\n`;
}

export function streamRoutes(app: App, { platform, orgUnits }: Kernel, streams: StreamRegistry): void {
  app.get(
    '/api/v1/stream',
    {
      config: { permission: 'events.read' },
      schema: {
        tags: ['realtime'],
        summary:
          "Server-Sent Events: live events (names and payloads in the shared EventMap), each only to users who may read its data: the event type's permission, the org-unit scope and, for tasks and documents, the agency",
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const response = reply.raw;
      reply.hijack();
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      response.write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ node: platform.config.nodeId })}\n\n`);
      streams.add(response);
      const covers = (unit: string) => orgUnits.inScope(actor.scope, unit);
      const unsubscribe = platform.bus.subscribe((event) => {
        void mayReceive(actor, event, platform.config.rootUnit, covers).then((allowed) => {
          if (allowed && !response.writableEnded) response.write(frame(event));
        });
      });
      const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.remove(response);
      });
    },
  );
}
