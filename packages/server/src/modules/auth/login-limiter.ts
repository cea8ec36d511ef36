/**
 * Counts password attempts per key (an IP address or a username) in a sliding window. An attempt is taken before its
 * password is checked, so parallel guesses cannot all pass the check before the first is counted; one that turns out
 * right is given back. In memory per server: the per-user lock-out that must hold across servers and restarts is
 * reserved on the user row (see auth.service).
 */
export class LoginLimiter {
  private readonly attempts = new Map<string, number[]>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => Date,
  ) {}

  private recent(key: string): number[] {
    const since = this.now().getTime() - this.windowMs;
    const kept = (this.attempts.get(key) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.attempts.delete(key);
    else this.attempts.set(key, kept);
    return kept;
  }

  /** Seconds until the key may try again, or 0 when it is under its limit. */
  retryAfter(key: string, limit: number): number {
    const recent = this.recent(key);
    if (recent.length < limit) return 0;
    const oldestThatCounts = recent[recent.length - limit]!;
    return Math.max(1, Math.ceil((oldestThatCounts + this.windowMs - this.now().getTime()) / 1000));
  }

  /**
   * Takes one attempt on every key when all are under their limits and answers 0; otherwise takes none and answers
   * the longest wait in seconds. Synchronous, so no other request runs between the check and the count.
   */
  take(limits: readonly (readonly [key: string, limit: number])[]): number {
    const wait = Math.max(0, ...limits.map(([key, limit]) => this.retryAfter(key, limit)));
    if (wait > 0) return wait;
    for (const [key] of limits) this.fail(key);
    return 0;
  }

  fail(key: string): void {
    const recent = this.recent(key);
    recent.push(this.now().getTime());
    this.attempts.set(key, recent);
    if (this.attempts.size > 100_000) this.attempts.delete(this.attempts.keys().next().value as string);
  }

  /** Gives back the latest attempt of a key: it was not a wrong password (right, or never checked). */
  refund(key: string): void {
    const recent = this.attempts.get(key);
    recent?.pop();
    if (recent?.length === 0) this.attempts.delete(key);
  }

  clear(key: string): void {
    this.attempts.delete(key);
  }
}
