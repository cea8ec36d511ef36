import type {
  Connector,
  ConnectorRun,
  ConnectorServiceRun,
  Permission,
  SaveConnectorBody,
  SyncEnvelope,
  SyncResult,
} from '@ioc/shared';
import { AppError, conflict, invalid, notFound } from '../../../errors.ts';
import { TargetGuard, TargetRefused } from '../../../lib/target-guard.ts';
import type { Platform } from '../../../platform.ts';
import { auditedWrite } from '../../audit/audit.service.ts';
import { type Actor, systemActor } from '../../auth/actor.ts';
import * as repo from './connector.repo.ts';
import { ConnectorFailure, OnestopClient, type OnestopEndpoint, TokenCache } from './onestop.client.ts';

/** Where a connector that has never read anything starts: this many days back (PUT a cursor to read further). */
export const FIRST_READ_DAYS = 30;
const PROBLEMS_KEPT = 100;

/** What the pulled envelopes are handed to: the portal sync, the same path as the push API. */
export interface DossierSink {
  sync(actor: Actor, envelope: SyncEnvelope, mode: 'all' | 'valid'): Promise<SyncResult>;
}

/** Dossiers a connector brings in are written, and audited, under its own name. */
export function connectorActor(code: string, rootUnit: string): Actor {
  return systemActor(`connector:${code}`, rootUnit, new Set<Permission>(['ingest.write']));
}

function endpointOf(row: repo.ConnectorRow): OnestopEndpoint {
  return {
    tokenUrl: row.token_url,
    baseUrl: row.base_url,
    clientId: row.client_id,
    clientSecret: row.client_secret,
    pageSize: row.page_size,
  };
}

function toConnector(row: repo.ConnectorRow, at: Date, runningHere: boolean): Connector {
  const failing =
    row.last_error_at !== null && (row.last_success_at === null || row.last_error_at > row.last_success_at);
  return {
    code: row.code,
    name: row.name,
    tokenUrl: row.token_url,
    baseUrl: row.base_url,
    clientId: row.client_id,
    hasSecret: row.client_secret !== '',
    services: JSON.parse(row.services) as string[],
    intervalSeconds: row.interval_seconds,
    overlapSeconds: row.overlap_seconds,
    pageSize: row.page_size,
    enabled: row.enabled === 1,
    health: failing ? 'failing' : row.last_success_at ? 'ok' : 'not_run',
    running: runningHere || (row.running_until !== null && row.running_until > at.toISOString()),
    cursor: row.cursor,
    lagSeconds: row.cursor ? Math.max(0, Math.round((at.getTime() - Date.parse(row.cursor)) / 1000)) : null,
    lastRunAt: row.last_run_at,
    lastSuccessAt: row.last_success_at,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at,
    lastCount: row.last_count,
    lastRefused: row.last_refused,
    updatedAt: row.updated_at,
  };
}

/** The settings as the audit log keeps them: never the secret, only whether it changed. */
function auditView(row: repo.ConnectorRow, secretChanged = false) {
  return {
    name: row.name,
    // Not `tokenUrl`: the audit log hides every *token* key, and who pointed the credentials elsewhere must show.
    authUrl: row.token_url,
    baseUrl: row.base_url,
    clientId: row.client_id,
    credentialChanged: secretChanged,
    services: JSON.parse(row.services) as string[],
    intervalSeconds: row.interval_seconds,
    overlapSeconds: row.overlap_seconds,
    pageSize: row.page_size,
    enabled: row.enabled === 1,
    cursor: row.cursor,
  };
}

function httpUrl(field: string, value: string): string {
  let parsed: URL | null = null;
  try {
    parsed = new URL(value);
  } catch {
    parsed = null;
  }
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
    throw invalid(`${field} must be an http(s) URL`, [{ field: `/${field}`, message: 'must be an http(s) URL' }]);
  }
  return value.replace(/\/+$/, '');
}

/** Refuses, at once, a URL the runs would refuse: a host that is or resolves to a non-public address. */
async function publicTarget(guard: TargetGuard, field: string, value: string): Promise<void> {
  try {
    await guard.check(new URL(value));
  } catch (error) {
    if (!(error instanceof TargetRefused)) throw error;
    throw invalid(`${field}: ${error.message}`, [{ field: `/${field}`, message: error.message, rule: 'publicHost' }]);
  }
}

/** Creates or updates a connector; a missing secret keeps the stored one. Shared by the API and IOC_ONESTOP_*. */
export async function saveConnector(
  platform: Platform,
  actor: Actor,
  code: string,
  body: SaveConnectorBody,
): Promise<repo.ConnectorRow> {
  const { db, now } = platform;
  const tokenUrl = httpUrl('tokenUrl', body.tokenUrl);
  const baseUrl = httpUrl('baseUrl', body.baseUrl);
  const guard = new TargetGuard(platform.config.connectorAllowHosts);
  await publicTarget(guard, 'tokenUrl', tokenUrl);
  await publicTarget(guard, 'baseUrl', baseUrl);
  const cursor = body.cursor ? new Date(body.cursor).toISOString() : body.cursor;
  if (cursor && cursor > now().toISOString()) {
    throw invalid('cursor is in the future', [{ field: '/cursor', message: 'must not be in the future' }]);
  }
  return auditedWrite(
    db,
    actor,
    { action: 'publicservices.connector.save', entityType: 'ps_connector', entityId: code },
    async (trx) => {
      const before = await repo.findConnector(trx, code);
      const secret = body.clientSecret ?? before?.client_secret;
      if (!secret) {
        throw invalid('clientSecret is required for a new connector', [
          { field: '/clientSecret', message: 'is required for a new connector', rule: 'required' },
        ]);
      }
      const settings = {
        name: body.name,
        token_url: tokenUrl,
        base_url: baseUrl,
        client_id: body.clientId,
        client_secret: secret,
        services: JSON.stringify(body.services),
        page_size: body.pageSize === undefined ? (before?.page_size ?? null) : body.pageSize,
        interval_seconds: body.intervalSeconds,
        overlap_seconds: body.overlapSeconds ?? before?.overlap_seconds ?? 300,
        enabled: body.enabled === undefined ? (before?.enabled ?? 1) : body.enabled ? 1 : 0,
        cursor: cursor === undefined ? (before?.cursor ?? null) : cursor,
        updated_at: now().toISOString(),
      };
      if (before) await repo.updateConnector(trx, code, settings);
      else {
        await repo.insertConnector(trx, {
          code,
          ...settings,
          last_run_at: null,
          last_success_at: null,
          last_error: null,
          last_error_at: null,
          last_count: null,
          last_refused: null,
          running_until: null,
        });
      }
      const after = (await repo.findConnector(trx, code))!;
      return {
        before: before ? auditView(before) : null,
        after: auditView(after, !before || before.client_secret !== secret),
        result: after,
      };
    },
    now,
  );
}

/**
 * Pull connectors to provincial one-stop systems: each run reads [cursor − overlap, now) of every service and hands
 * the envelopes to the portal sync (mode `valid`, so an invalid record is refused and counted, not fatal). The cursor
 * moves to the run's start only when every service answered. A run holds the connector in the database, so no two
 * runs of one connector overlap, on this server or another.
 */
export class ConnectorService {
  private readonly tokens = new TokenCache();
  private readonly guard: TargetGuard;
  private readonly runs = new Map<string, Promise<ConnectorRun>>();
  private readonly stopping = new AbortController();

  constructor(
    private readonly platform: Platform,
    private readonly dossiers: DossierSink,
  ) {
    this.guard = new TargetGuard(platform.config.connectorAllowHosts);
  }

  private get timeoutMs(): number {
    return this.platform.config.connectorTimeoutSeconds * 1000;
  }

  /** Long enough for one request and the sync of its answer; renewed before every request. */
  private holdUntil(): string {
    return new Date(this.platform.now().getTime() + 2 * this.timeoutMs + 120_000).toISOString();
  }

  async list(): Promise<Connector[]> {
    const at = this.platform.now();
    return (await repo.listConnectors(this.platform.db)).map((row) => toConnector(row, at, this.runs.has(row.code)));
  }

  async save(actor: Actor, code: string, body: SaveConnectorBody): Promise<Connector> {
    const row = await saveConnector(this.platform, actor, code, body);
    return toConnector(row, this.platform.now(), this.runs.has(code));
  }

  async remove(actor: Actor, code: string): Promise<void> {
    const { db, now } = this.platform;
    await auditedWrite(
      db,
      actor,
      { action: 'publicservices.connector.delete', entityType: 'ps_connector', entityId: code },
      async (trx) => {
        const before = await repo.findConnector(trx, code);
        if (!before) throw notFound(`Connector ${code}`);
        if (toConnector(before, now(), this.runs.has(code)).running) {
          throw conflict(`Connector ${code} is running; delete it when the run has ended`);
        }
        await repo.deleteConnector(trx, code);
        return { before: auditView(before), after: null, result: undefined };
      },
      now,
    );
  }

  /** Runs a connector now, enabled or not, and answers when the run has ended. */
  async run(actor: Actor, code: string): Promise<ConnectorRun> {
    if (this.stopping.signal.aborted) throw new AppError('UNAVAILABLE', 'The server is shutting down');
    if (!(await repo.findConnector(this.platform.db, code))) throw notFound(`Connector ${code}`);
    const started = await this.start(code, actor);
    if (!started && this.stopping.signal.aborted) throw new AppError('UNAVAILABLE', 'The server is shutting down');
    if (!started) throw conflict(`Connector ${code} is already running; try again when the run has ended`);
    return started.run;
  }

  /** Starts every enabled connector whose interval has passed since its last run; returns the runs started. */
  async startDue(): Promise<Promise<ConnectorRun>[]> {
    if (this.stopping.signal.aborted) return [];
    const at = this.platform.now();
    const started: Promise<ConnectorRun>[] = [];
    for (const row of await repo.listConnectors(this.platform.db)) {
      if (row.enabled !== 1 || this.runs.has(row.code)) continue;
      const dueBefore = new Date(at.getTime() - row.interval_seconds * 1000).toISOString();
      if (row.last_run_at !== null && row.last_run_at > dueBefore) continue;
      const next = await this.start(row.code, connectorActor(row.code, this.platform.config.rootUnit), dueBefore);
      if (next) started.push(next.run);
    }
    return started;
  }

  /** Shutdown: no new runs; runs in progress are cut off (their cursor stays) and awaited. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.allSettled([...this.runs.values()]);
  }

  /** Claims the connector and starts its run; the run is wrapped, so awaiting the start does not await the run. */
  private async start(code: string, actor: Actor, dueBefore?: string): Promise<{ run: Promise<ConnectorRun> } | null> {
    const { db, now } = this.platform;
    if (this.runs.has(code)) return null;
    const startedAt = now();
    const claimed = await repo.claimRun(db, code, {
      at: startedAt.toISOString(),
      until: this.holdUntil(),
      ...(dueBefore !== undefined ? { dueBefore } : {}),
    });
    if (!claimed) return null;
    if (this.stopping.signal.aborted) {
      await repo.updateConnector(db, code, { running_until: null });
      return null;
    }
    const run = this.pull(code, startedAt, actor).finally(() => this.runs.delete(code));
    this.runs.set(code, run);
    return { run };
  }

  private async pull(code: string, startedAt: Date, actor: Actor): Promise<ConnectorRun> {
    const { db, now, log } = this.platform;
    try {
      // Read after the claim: the cursor another run may just have moved.
      const row = await repo.findConnector(db, code);
      if (!row) throw new Error(`connector ${code} vanished`);
      const to = startedAt;
      const since = row.cursor ? Date.parse(row.cursor) : to.getTime() - FIRST_READ_DAYS * 86_400_000;
      const from = new Date(since - row.overlap_seconds * 1000);
      const client = new OnestopClient(endpointOf(row), {
        timeoutMs: this.timeoutMs,
        signal: this.stopping.signal,
        tokens: this.tokens,
        now,
        beforeRequest: () => repo.renewHold(db, code, this.holdUntil()),
        guard: this.guard,
        onRejectedAnswer: (label, status, excerpt) =>
          log.warn({ connector: code, request: label, status, answer: excerpt }, 'connector answer refused'),
      });
      const services = (JSON.parse(row.services) as string[]).map(emptyServiceRun);
      const failures: string[] = [];
      try {
        await client.token();
        for (const service of services) {
          try {
            await client.pull(service.service, from, to, (envelope) => this.apply(service, envelope, code));
          } catch (failure) {
            service.error = this.describe(code, service.service, failure);
            failures.push(service.error);
          }
        }
      } catch (failure) {
        failures.unshift(this.describe(code, 'token', failure));
        for (const service of services) service.error ??= 'not read: no access token';
      }

      const ok = failures.length === 0;
      const finishedAt = now().toISOString();
      const run: ConnectorRun = {
        code,
        ok,
        startedAt: startedAt.toISOString(),
        finishedAt,
        from: from.toISOString(),
        to: to.toISOString(),
        cursor: ok ? to.toISOString() : row.cursor,
        count: services.reduce((n, s) => n + s.received - s.refused, 0),
        refused: services.reduce((n, s) => n + s.refused, 0),
        error: ok ? null : failures.join('; ').slice(0, 2000),
        services,
      };
      const state: repo.ConnectorChanges = ok
        ? {
            cursor: run.cursor,
            last_success_at: finishedAt,
            last_count: run.count,
            last_refused: run.refused,
            running_until: null,
          }
        : { last_error: run.error, last_error_at: finishedAt, last_refused: run.refused, running_until: null };
      const { services: _services, ...summary } = run;
      await auditedWrite(
        db,
        actor,
        { action: 'publicservices.connector.run', entityType: 'ps_connector', entityId: code },
        async (trx) => {
          await repo.updateConnector(trx, code, state);
          return { before: { cursor: row.cursor }, after: summary, result: undefined };
        },
        now,
      );
      if (ok) log.info({ connector: code, count: run.count, refused: run.refused }, 'connector run');
      else log.warn({ connector: code, error: run.error }, 'connector run failed');
      return run;
    } catch (error) {
      // The run could not even record itself: let the connector go, so the next tick can try again.
      await repo.updateConnector(db, code, { running_until: null }).catch(() => undefined);
      throw error;
    }
  }

  private async apply(service: ConnectorServiceRun, envelope: SyncEnvelope, code: string): Promise<void> {
    service.pages++;
    if (envelope.data.length === 0) return;
    const result = await this.dossiers.sync(connectorActor(code, this.platform.config.rootUnit), envelope, 'valid');
    service.received += result.received;
    service.created += result.created;
    service.updated += result.updated;
    service.unchanged += result.unchanged;
    service.pending += result.pending;
    service.refused += new Set(result.refused.map((p) => p.index)).size;
    service.problems.push(...result.refused.slice(0, PROBLEMS_KEPT - service.problems.length));
  }

  /** A failure of the source system says so as it is; anything else is ours, and logged with its stack. */
  private describe(code: string, what: string, failure: unknown): string {
    if (failure instanceof ConnectorFailure) return failure.message;
    this.platform.log.error({ err: failure, connector: code }, 'connector run failed unexpectedly');
    // The list shows this to every reader: the details stay in the server log.
    return `${what}: failed unexpectedly (the server log has the details)`;
  }
}

function emptyServiceRun(service: string): ConnectorServiceRun {
  return {
    service,
    pages: 0,
    received: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    pending: 0,
    refused: 0,
    problems: [],
    error: null,
  };
}
