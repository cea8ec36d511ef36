import type { BusEvent } from '@ioc/shared';
import type { App } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import type { Kernel } from '../../kernel.ts';
import { SESSION_COOKIE } from '../auth/auth.service.ts';
import { Audiences } from './audiences.ts';
import { DossierBatcher } from './dossier-batcher.ts';
import type { OpenStream, StreamRegistry } from './stream-registry.ts';

export { StreamRegistry } from './stream-registry.ts';

const HEARTBEAT_MS = 15_000;
/**
 * Events wait at most this long and leave together: a write per event per stream is what a busy second cannot afford
 * (a bare server writing 10 s of 1,000 events/s to 1,000 streams one write each took 24 s on 2 cores, 5 GB queued);
 * a write per 25 ms is 40 a second per stream.
 */
const FLUSH_MS = 25;

// An event goes to every open stream: serialised once, not once per stream (1,000 streams × 1,000 events/s).
const frames = new WeakMap<BusEvent, string>();

function frame(event: BusEvent): string {
  let text = frames.get(event);
  if (text === undefined) {
    text = `event: ${event.name}\ndata: ${JSON.stringify(event)}\n\n`;
    frames.set(event, text);
  }
  return text;
}

export function streamRoutes(app: App, { platform, orgUnits, auth }: Kernel, streams: StreamRegistry): void {
  streams.watch((sessionIds, apiKeyIds) => auth.liveSignIns(sessionIds, apiKeyIds));
  // A logout, a changed password, a disabled user or a revoked key on any server ends the streams it opened.
  const stopRevocations = platform.bus.onRevoke?.((revocation) => streams.revoke(revocation));
  app.addHook('onClose', async () => stopRevocations?.());
  const audiences = new Audiences(
    platform.bus,
    platform.config.rootUnit,
    (actor) => (unit: string) => orgUnits.inScope(actor.scope, unit),
  );

  app.get(
    '/api/v1/stream',
    {
      config: { permission: 'events.read' },
      schema: {
        tags: ['realtime'],
        summary:
          "Server-Sent Events: live events (names and payloads in the shared EventMap), each only to users who may read its data: the event type's permission, the org-unit scope and, for tasks and documents, the agency. Synced dossiers come as `dossiers.synced` batches (at most two a second, counted in full), never one `dossier.synced` each. The stream ends when the sign-in that opened it ends (logout, expiry, password change, disabled user, revoked key)",
        produces: ['text/event-stream'],
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const signIn = auth.signInOf(actor, request.headers.authorization, request.cookies[SESSION_COOKIE]);
      const response = reply.raw;
      reply.hijack();
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      response.write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ node: platform.config.nodeId })}\n\n`);
      let ended = false;
      let queued: string[] = [];
      let flushing: NodeJS.Timeout | null = null;
      const flush = () => {
        flushing = null;
        if (queued.length > 0 && !response.writableEnded) response.write(queued.join(''));
        queued = [];
      };
      const send = (event: BusEvent) => {
        if (ended || response.writableEnded) return;
        queued.push(frame(event));
        flushing ??= setTimeout(flush, FLUSH_MS);
      };
      // Synced dossiers reach the reader in batches, counted in full: a busy sync is thousands a minute.
      const dossiers = new DossierBatcher(send, actor.scope.unitId, platform.now);
      const unsubscribe = audiences.join(actor, (event) => {
        if (ended) return;
        if (event.name === 'dossier.synced') dossiers.add(event.payload as BusEvent<'dossier.synced'>['payload']);
        else send(event);
      });
      const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const stream: OpenStream = {
        signIn,
        end: () => {
          if (ended) return;
          if (flushing) clearTimeout(flushing);
          flush();
          ended = true;
          clearInterval(heartbeat);
          unsubscribe();
          dossiers.stop();
          streams.remove(stream);
          if (!response.writableEnded) response.end();
        },
      };
      streams.add(stream);
      request.raw.on('close', stream.end);
    },
  );
}
