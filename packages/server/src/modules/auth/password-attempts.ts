import { AppError } from '../../errors.ts';
import type { Platform } from '../../platform.ts';
import { LoginLimiter } from './login-limiter.ts';
import { findUserById, reservePasswordAttempt, type UserRow } from './users.repo.ts';

/** The user's count of password attempts in the window, this one included, and the lock it set if any. */
export interface AttemptCount {
  failures: number;
  lockedUntil: string | null;
}

const rateLimited = (seconds: number, what: string) =>
  new AppError(
    'RATE_LIMITED',
    `Too many ${what}; try again in ${seconds} s`,
    { retryAfterSeconds: seconds },
    { 'retry-after': String(seconds) },
  );

/**
 * Password checks (sign-in, password change) are counted before argon2 runs, so parallel guesses get no more checks
 * than the limit: on this server per address and name, and on the user's row for every server sharing the database.
 */
export class PasswordAttempts {
  private readonly limiter: LoginLimiter;

  constructor(private readonly platform: Platform) {
    this.limiter = new LoginLimiter(this.lockMs, platform.now);
  }

  private get lockMs(): number {
    return this.platform.config.loginLockMinutes * 60_000;
  }

  /**
   * Takes an attempt: first on this server for the address and the name (at once, before any await, so a burst is
   * cut in arrival order), then on the user's row. Answers the user and the row's count (null for an unknown name),
   * or throws 429 with Retry-After and nothing counted.
   */
  async reserve(
    name: string,
    ip: string,
    findUser: () => Promise<UserRow | undefined>,
    what: string,
  ): Promise<{ user: UserRow | undefined; reserved: AttemptCount | null }> {
    const { config, db, now } = this.platform;
    const keys = [`ip:${ip}`, `user:${name}`] as const;
    const wait = this.limiter.take([
      [keys[0], config.loginMaxFailures * 2],
      [keys[1], config.loginMaxFailures],
    ]);
    if (wait > 0) throw rateLimited(wait, what);
    const user = await findUser();
    if (!user) return { user, reserved: null };
    const at = now().getTime();
    const reserved = await reservePasswordAttempt(db, user.id, {
      now: new Date(at).toISOString(),
      windowStart: new Date(at - this.lockMs).toISOString(),
      lockUntil: new Date(at + this.lockMs).toISOString(),
      maxFailures: config.loginMaxFailures,
    });
    if (reserved) return { user, reserved };
    // Locked on the row (perhaps by another server): this attempt was never checked, so it counts nowhere.
    for (const key of keys) this.limiter.refund(key);
    throw rateLimited(await this.lockedFor(user.id), what);
  }

  /** A right password gives its attempt back; the caller resets the row in its own write. */
  release(name: string, ip: string): void {
    this.limiter.refund(`ip:${ip}`);
    this.limiter.clear(`user:${name}`);
  }

  /** Seconds until a user refused by the row may try again: the lock's end, else the failure window's. */
  private async lockedFor(userId: number): Promise<number> {
    const { db, now } = this.platform;
    const row = await findUserById(db, userId);
    const until = row?.locked_until
      ? Date.parse(row.locked_until)
      : Date.parse(row?.first_failed_at ?? now().toISOString()) + this.lockMs;
    return Math.max(1, Math.ceil((until - now().getTime()) / 1000));
  }
}
