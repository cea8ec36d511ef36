import type { App } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import type { Kernel } from '../../kernel.ts';
import { SESSION_COOKIE } from '../auth/auth.service.ts';
import { Audiences } from './audiences.ts';
import type { OpenStream, StreamRegistry } from './stream-registry.ts';

export { StreamRegistry } from './stream-registry.ts';

const HEARTBEAT_MS = 15_000;

export function streamRoutes(app: App, { platform, orgUnits, auth }: Kernel, streams: StreamRegistry): void {
  streams.watch((sessionIds, apiKeyIds) => auth.liveSignIns(sessionIds, apiKeyIds));
  // A logout, a changed password, a disabled user or a revoked key on any server ends the streams it opened.
  const stopRevocations = platform.bus.onRevoke?.((revocation) => streams.revoke(revocation));
  app.addHook('onClose', async () => stopRevocations?.());
  const audiences = new Audiences(
    platform.bus,
    platform.config.rootUnit,
    (actor) => (unit: string) => orgUnits.inScope(actor.scope, unit),
    platform.now,
    (error) =>
      platform.log.warn(
        { err: error },
        'live events: a reader group could not be checked; its streams missed an event',
      ),
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
      const unsubscribe = audiences.join(actor, {
        write: (chunk) => {
          if (!ended && !response.writableEnded) response.write(chunk);
        },
      });
      const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), HEARTBEAT_MS);
      const stream: OpenStream = {
        signIn,
        end: () => {
          if (ended) return;
          clearInterval(heartbeat);
          unsubscribe();
          ended = true;
          streams.remove(stream);
          if (!response.writableEnded) response.end();
        },
      };
      streams.add(stream);
      request.raw.on('close', stream.end);
    },
  );
}
