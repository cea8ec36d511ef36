import { createHash } from 'node:crypto';
import type { SyncEnvelope } from '@ioc/shared';
import {
  requestSource,
  type SourceAnswer,
  type SourceRequest,
  SourceUnreachable,
} from '../../../lib/guarded-request.ts';
import type { TargetGuard } from '../../../lib/target-guard.ts';
import { envelopeOf } from '../portal/envelope.ts';

/**
 * A run that could not read a service: the message says what and why in fixed words (the HTTP status, the kind of
 * failure), never with the source's own text, since readers of the connector list see it.
 */
export class ConnectorFailure extends Error {}

/** The most a source's answer may weigh: what the push API takes in one request. */
export const MAX_ANSWER_BYTES = 50 * 1024 * 1024;

export interface OnestopEndpoint {
  tokenUrl: string;
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Null: one request per service; N: `page=1,2,…` until a page has fewer than N records. */
  pageSize: number | null;
}

export interface ClientOptions {
  timeoutMs: number;
  /** Aborted when the server shuts down: a run in progress ends at once instead of holding the shutdown. */
  signal: AbortSignal;
  tokens: TokenCache;
  now: () => Date;
  /** Called before every request (the run renews its hold on the connector). */
  beforeRequest?: () => Promise<void>;
  /** Which hosts may be called. */
  guard: TargetGuard;
  /** Told of an answer that failed the run, with the start of its body: for the server log, which only operators read. */
  onRejectedAnswer?: (label: string, status: number, excerpt: string) => void;
}

/** A safety stop for a system that ignores `page` and answers every page with the same full list. */
export const MAX_PAGES = 1000;
const SERVICE_KINDS = new Set(['DongBoHoSoMC', 'CapNhatTienDoHoSoMC']);

/** An instant as the portal writes it: `yyyyMMddHHmmss` in Vietnam's time (UTC+7). */
export function formatPortalDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().replace(/\D/g, '').slice(0, 14);
}

/** Access tokens per endpoint and credentials, kept until shortly before they expire. */
export class TokenCache {
  private readonly tokens = new Map<string, { value: string; expiresAt: number }>();

  static keyOf(endpoint: OnestopEndpoint): string {
    const secret = createHash('sha256').update(endpoint.clientSecret).digest('hex');
    return `${endpoint.tokenUrl}\n${endpoint.clientId}\n${secret}`;
  }
  get(key: string, at: Date): string | null {
    const token = this.tokens.get(key);
    return token && token.expiresAt > at.getTime() ? token.value : null;
  }
  set(key: string, value: string, expiresAt: number): void {
    this.tokens.set(key, { value, expiresAt });
  }
  drop(key: string): void {
    this.tokens.delete(key);
  }
}

/**
 * A provincial one-stop system's API: a token from `tokenUrl` (OAuth2 client credentials as a form), then
 * `GET {baseUrl}/{service}?tuNgay=&denNgay=[&page=]` with the bearer token, answering the portal's envelope.
 */
export class OnestopClient {
  private readonly tokenKey: string;

  constructor(
    private readonly endpoint: OnestopEndpoint,
    private readonly options: ClientOptions,
  ) {
    this.tokenKey = TokenCache.keyOf(endpoint);
  }

  async token(): Promise<string> {
    const { tokens, now } = this.options;
    const cached = tokens.get(this.tokenKey, now());
    if (cached) return cached;
    const answer = await this.request('token', new URL(this.endpoint.tokenUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.endpoint.clientId,
        client_secret: this.endpoint.clientSecret,
      }).toString(),
    });
    const body = this.json('token', answer) as { access_token?: unknown; expires_in?: unknown } | null;
    const value = body?.access_token;
    if (typeof value !== 'string' || value === '') throw new ConnectorFailure('token: the answer has no access_token');
    const lifetime = Number(body?.expires_in);
    const seconds = Number.isFinite(lifetime) && lifetime > 0 ? lifetime : 60;
    // Renewed a little early, so a token does not lapse between two requests of one run.
    tokens.set(this.tokenKey, value, now().getTime() + Math.max(seconds - 30, seconds / 2) * 1000);
    return value;
  }

  /**
   * Reads [from, to) of one service page by page, handing each page (an empty one too) to `apply` before fetching
   * the next. Returns the number of pages read.
   */
  async pull(service: string, from: Date, to: Date, apply: (envelope: SyncEnvelope) => Promise<void>): Promise<number> {
    const { pageSize } = this.endpoint;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const url = new URL(this.endpoint.baseUrl);
      url.pathname = `${url.pathname.replace(/\/$/, '')}/${encodeURIComponent(service)}`;
      url.searchParams.set('tuNgay', formatPortalDate(from));
      url.searchParams.set('denNgay', formatPortalDate(to));
      if (pageSize) url.searchParams.set('page', String(page));
      const label = pageSize ? `${service} page ${page}` : service;
      const envelope = this.envelope(label, service, this.json(label, await this.authorised(label, url)));
      await apply(envelope);
      if (!pageSize || envelope.data.length < pageSize) return page;
    }
    throw new ConnectorFailure(`${service}: still more records after ${MAX_PAGES} pages (does the system read page=?)`);
  }

  /** A GET with the bearer token; a token the system no longer accepts is renewed once. */
  private async authorised(label: string, url: URL): Promise<SourceAnswer> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.token();
      const answer = await this.request(
        label,
        url,
        { method: 'GET', headers: { authorization: `Bearer ${token}`, accept: 'application/json' } },
        attempt === 1 ? [401] : [],
      );
      if (answer.status !== 401) return answer;
      this.options.tokens.drop(this.tokenKey);
    }
  }

  /** The portal envelope, or the records alone (then of the service called), as the push API takes them. */
  private envelope(label: string, service: string, body: unknown): SyncEnvelope {
    const read = envelopeOf(body, { service: SERVICE_KINDS.has(service) ? service : undefined });
    if (!read.ok) {
      throw new ConnectorFailure(
        `${label}: the answer is not a portal envelope { service: DongBoHoSoMC | CapNhatTienDoHoSoMC, data: [...] } or an array of records (${read.field}: ${read.rule})`,
      );
    }
    return read.envelope;
  }

  private json(label: string, answer: SourceAnswer): unknown {
    try {
      return JSON.parse(answer.body);
    } catch {
      this.options.onRejectedAnswer?.(label, answer.status, this.excerpt(answer.body));
      throw new ConnectorFailure(`${label}: the answer is not JSON`);
    }
  }

  /** One request with the timeout; any status outside 2xx (and not in `passing`) is a failure naming it. */
  private async request(label: string, url: URL, init: SourceRequest, passing: number[] = []): Promise<SourceAnswer> {
    const { timeoutMs, signal, beforeRequest, guard } = this.options;
    await beforeRequest?.();
    let answer: SourceAnswer;
    try {
      answer = await requestSource(url, init, { timeoutMs, signal, guard, maxBytes: MAX_ANSWER_BYTES });
    } catch (error) {
      if (!(error instanceof SourceUnreachable)) throw error;
      const why: Record<SourceUnreachable['kind'], string> = {
        stopped: 'stopped, the server is shutting down',
        timeout: `no answer from ${url.host} within ${timeoutMs / 1000} s`,
        refused: `not called: ${error.detail}`,
        too_large: `the answer of ${url.host} is larger than ${MAX_ANSWER_BYTES / 1048576} MB`,
        network: `cannot reach ${url.host} (${error.detail})`,
      };
      throw new ConnectorFailure(`${label}: ${why[error.kind]}`);
    }
    if ((answer.status < 200 || answer.status > 299) && !passing.includes(answer.status)) {
      this.options.onRejectedAnswer?.(label, answer.status, this.excerpt(answer.body));
      const redirect =
        answer.status >= 300 && answer.status < 400 ? ' (redirects are not followed: give the final URL)' : '';
      throw new ConnectorFailure(
        `${label}: HTTP ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''} from ${url.host}${redirect}`,
      );
    }
    return answer;
  }

  /** The start of an answer, for the server log; never the secret, should a system echo it back. */
  private excerpt(body: string): string {
    const text = body.replace(/\s+/g, ' ').trim().split(this.endpoint.clientSecret).join('***');
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  }
}
