import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.ts';

let t: TestApp;
let port: number;

beforeAll(async () => {
  t = await startTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.stop());

/**
 * Announces a 70 MB body, sends 64 KB of it and waits for the answer: the server answers from the headers alone, or
 * this never resolves (it would wait for the other 70 MB).
 */
function announceLargeBody(path: string, contentType: string): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    const request = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { 'content-type': contentType, 'content-length': String(70 * 1024 * 1024) },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          body += chunk;
        });
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, body, sent });
          request.destroy();
        });
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 0x3c);
    sent += chunk.length;
    request.write(chunk);
  });
}

describe('request bodies a route does not take', () => {
  it('refuses 70 MB of XML sent to the sign-in from its Content-Type, before reading it', async () => {
    const answer = await announceLargeBody('/api/v1/auth/login', 'application/xml');
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.body)).toEqual({
      error: {
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'This request takes a JSON body (Content-Type application/json), not application/xml',
      },
    });
    expect(answer.sent).toBe(64 * 1024);
  });

  it('refuses a JSON body longer than the route takes from its Content-Length, before reading it', async () => {
    const answer = await announceLargeBody('/api/v1/auth/login', 'application/json');
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses other types on any JSON route, and takes JSON with a charset', async () => {
    for (const type of ['text/csv', 'text/plain', 'application/octet-stream', 'application/x-www-form-urlencoded']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': type },
        payload: 'username=admin&password=x',
      });
      expect(response.statusCode, type).toBe(415);
    }
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      payload: JSON.stringify({ username: 'nobody', password: 'wrong-password' }),
    });
    expect(json.statusCode).toBe(401);
  });
});
