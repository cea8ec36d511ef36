import type { SignIn } from '../auth/actor.ts';
import type { Revocation } from '../bus/bus.ts';

export interface OpenStream {
  /** The sign-in the stream was opened with: it ends when that sign-in ends. */
  signIn: SignIn;
  /** Ends the response and releases what the stream holds; safe to call twice. */
  end(): void;
}

/** Which of these sign-ins are still live: sessions not expired nor deleted of enabled users, keys not revoked. */
export type LiveSignIns = (
  sessionIds: string[],
  apiKeyIds: number[],
) => Promise<{ sessions: ReadonlySet<string>; apiKeys: ReadonlySet<number> }>;

// Catches what no revocation announced: sessions that expired, and announcements NATS lost (it is at-most-once).
const SWEEP_MS = 15_000;

function revokes(revocation: Revocation, signIn: SignIn): boolean {
  if (signIn.sessionId && revocation.sessionIds?.includes(signIn.sessionId)) return true;
  if (signIn.apiKeyId !== null && revocation.apiKeyIds?.includes(signIn.apiKeyId)) return true;
  if (signIn.userId === null || !revocation.userIds?.includes(signIn.userId)) return false;
  return !revocation.keepSessionId || signIn.sessionId !== revocation.keepSessionId;
}

/** Open SSE connections: shutdown ends them, and each ends with the sign-in that opened it. */
export class StreamRegistry {
  private readonly open = new Set<OpenStream>();
  private liveSignIns: LiveSignIns | null = null;
  private timer: NodeJS.Timeout | null = null;
  private sweeping: Promise<number> | null = null;

  /** Checks open streams against the database every 15 s while any is open. */
  watch(liveSignIns: LiveSignIns): void {
    this.liveSignIns = liveSignIns;
  }

  add(stream: OpenStream): void {
    this.open.add(stream);
    if (!this.timer && this.liveSignIns) {
      this.timer = setInterval(() => void this.sweep().catch(() => {}), SWEEP_MS);
      this.timer.unref();
    }
  }

  remove(stream: OpenStream): void {
    this.open.delete(stream);
    if (this.open.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  get size(): number {
    return this.open.size;
  }

  /** Ends at once the streams of the sign-ins named; answers how many ended. */
  revoke(revocation: Revocation): number {
    let ended = 0;
    for (const stream of [...this.open]) {
      if (!revokes(revocation, stream.signIn)) continue;
      stream.end();
      ended++;
    }
    return ended;
  }

  /** Ends the streams whose sign-in is no longer live: one query per kind of sign-in, however many streams. */
  sweep(): Promise<number> {
    this.sweeping ??= this.check().finally(() => {
      this.sweeping = null;
    });
    return this.sweeping;
  }

  private async check(): Promise<number> {
    if (!this.liveSignIns || this.open.size === 0) return 0;
    const streams = [...this.open];
    const sessionIds = [...new Set(streams.flatMap((s) => (s.signIn.sessionId ? [s.signIn.sessionId] : [])))];
    const apiKeyIds = [...new Set(streams.flatMap((s) => (s.signIn.apiKeyId !== null ? [s.signIn.apiKeyId] : [])))];
    const live = await this.liveSignIns(sessionIds, apiKeyIds);
    let ended = 0;
    for (const stream of streams) {
      const { sessionId, apiKeyId } = stream.signIn;
      const alive = sessionId ? live.sessions.has(sessionId) : apiKeyId !== null && live.apiKeys.has(apiKeyId);
      if (alive) continue;
      stream.end();
      ended++;
    }
    return ended;
  }

  closeAll(): void {
    for (const stream of [...this.open]) stream.end();
    this.open.clear();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
