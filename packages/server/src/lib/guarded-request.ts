import { request as httpRequest, type IncomingMessage, STATUS_CODES } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type TargetGuard, TargetRefused } from './target-guard.ts';

/** An answer of a source system: its status and its body, read up to a limit. */
export interface SourceAnswer {
  status: number;
  /** The standard reason phrase for the status, never the one the source sent. */
  statusText: string;
  body: string;
}

/** Why a request got no answer, as a kind the run can describe without repeating anything the source said. */
export class SourceUnreachable extends Error {
  constructor(
    readonly kind: 'refused' | 'stopped' | 'timeout' | 'too_large' | 'network',
    readonly detail: string,
  ) {
    super(detail);
  }
}

export interface SourceRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

export interface SourceLimits {
  timeoutMs: number;
  /** The server is shutting down. */
  signal: AbortSignal;
  guard: TargetGuard;
  maxBytes: number;
}

/**
 * One request to another system (a connector's source system, a webhook's receiver). Only public addresses are
 * connected to (see TargetGuard), redirects are not followed (a 3xx is an answer like any other), the body is cut
 * off past `maxBytes`, and the whole exchange has `timeoutMs`.
 */
export function requestSource(url: URL, init: SourceRequest, limits: SourceLimits): Promise<SourceAnswer> {
  const { timeoutMs, signal, guard, maxBytes } = limits;
  try {
    guard.checkLiteral(url);
  } catch (error) {
    return Promise.reject(new SourceUnreachable('refused', (error as Error).message));
  }
  const timeout = AbortSignal.timeout(timeoutMs);
  const either = AbortSignal.any([timeout, signal]);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<SourceAnswer>((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      request.destroy();
      if (signal.aborted) reject(new SourceUnreachable('stopped', 'the server is shutting down'));
      else if (timeout.aborted) reject(new SourceUnreachable('timeout', `no answer within ${timeoutMs / 1000} s`));
      else if (error instanceof SourceUnreachable) reject(error);
      else if (error instanceof TargetRefused) reject(new SourceUnreachable('refused', error.message));
      else reject(new SourceUnreachable('network', (error as NodeJS.ErrnoException).code ?? 'connection failed'));
    };
    const request = send(
      url,
      { method: init.method, headers: init.headers, lookup: guard.lookup, agent: false, signal: either },
      (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            fail(new SourceUnreachable('too_large', `the answer is larger than ${Math.round(maxBytes / 1048576)} MB`));
          } else chunks.push(chunk);
        });
        response.on('error', fail);
        response.on('aborted', () => fail(new Error('aborted')));
        response.on('end', () => {
          if (settled) return;
          settled = true;
          const status = response.statusCode ?? 0;
          resolve({ status, statusText: STATUS_CODES[status] ?? '', body: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    request.on('error', fail);
    request.end(init.body);
  });
}
