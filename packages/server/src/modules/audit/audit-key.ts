import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DialectAdapter, Kysely } from 'kysely';
import type { Config } from '../../config.ts';

/**
 * The key that makes the audit chain's hashes unforgeable by whoever can write the database: 32 random bytes in a file
 * outside it (IOC_AUDIT_KEY_FILE, by default audit.key in IOC_DATA_DIR, mode 0600). A file rather than a variable,
 * because environments leak into child processes and process listings; outside the database, because the database
 * is what the chain must be checked against.
 */
export class AuditKey {
  private secret: Buffer | null;
  private keyId: string | null = null;

  constructor(
    readonly file: string,
    /** This node's own record of the chain's head, outside the database (see audit-checkpoint.ts). */
    readonly checkpointFile: string,
  ) {
    this.secret = existsSync(file) ? readKeyFile(file) : null;
  }

  /** Another node or process sharing the data dir may have created the file since this one started. */
  private load(): Buffer | null {
    if (!this.secret && existsSync(this.file)) this.secret = readKeyFile(this.file);
    return this.secret;
  }

  get present(): boolean {
    return this.load() !== null;
  }

  /** A short public name of the key (an HMAC of a constant), stored in the anchor so nodes with another key stop. */
  get id(): string | null {
    if (!this.keyId && this.present) this.keyId = this.macOf(['ioc-audit-key-id']).slice(0, 16);
    return this.keyId;
  }

  /** Creates the key file; called only while the chain has no key yet, so two nodes cannot make two keys. */
  create(): void {
    if (this.load()) return;
    mkdirSync(dirname(this.file), { recursive: true });
    try {
      writeFileSync(this.file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    this.secret = readKeyFile(this.file);
  }

  macOf(fields: readonly unknown[]): string {
    const secret = this.load();
    if (!secret) throw new Error(`no audit key in ${this.file} (IOC_AUDIT_KEY_FILE)`);
    return createHmac('sha256', secret).update(JSON.stringify(fields)).digest('hex');
  }
}

function readKeyFile(file: string): Buffer {
  // Like ssh with its private keys: a key others can read is not a secret any more.
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
    throw new Error(`IOC_AUDIT_KEY_FILE ${file} is readable by others: chmod 600 ${file}`);
  }
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64,}$/.test(hex)) throw new Error(`IOC_AUDIT_KEY_FILE ${file} does not hold a hex key of 32+ bytes`);
  return Buffer.from(hex, 'hex');
}

// Audit entries are appended through plain functions given a transaction; a transaction shares its database's
// adapter, so the adapter is what ties an entry to the key of the platform it belongs to.
const keys = new WeakMap<DialectAdapter, AuditKey>();

/** Loads (or prepares to create) the platform's audit key and ties it to its database; called at start. */
export function useAuditKey(db: Kysely<unknown>, config: Pick<Config, 'auditKeyFile' | 'dataDir'>): AuditKey {
  const adapter = db.getExecutor().adapter;
  const known = keys.get(adapter);
  if (known?.file === config.auditKeyFile) return known;
  const key = new AuditKey(config.auditKeyFile, join(config.dataDir, 'audit-checkpoint.json'));
  keys.set(adapter, key);
  return key;
}

export function auditKeyOf(db: Kysely<unknown>): AuditKey {
  const key = keys.get(db.getExecutor().adapter);
  if (!key) throw new Error('the audit key was not loaded for this database (useAuditKey at start)');
  return key;
}
