import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The check the README tells receivers to make, written here from the README, not taken from the server's code. */
function signatureOf(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export interface ReceivedRequest {
  /** The path and query the request was sent to. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Whether X-IOC-Signature is the HMAC of "<X-IOC-Timestamp>.<body>" under the secret the receiver was given. */
  signatureValid: boolean;
}

/** A webhook receiver on loopback: answers the statuses it is told, in order (then 200), and checks each signature. */
export class Receiver {
  secret = '';
  /** Secrets of other endpoints on this receiver, by path and query. */
  secrets = new Map<string, string>();
  answers: number[] = [];
  /** Statuses for one path and query instead of `answers`. */
  answersAt = new Map<string, number[]>();
  received: ReceivedRequest[] = [];
  private server: Server | null = null;

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/hook`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const timestamp = String(request.headers['x-ioc-timestamp'] ?? '');
        const signature = String(request.headers['x-ioc-signature'] ?? '');
        const path = request.url ?? '/';
        const secret = this.secrets.get(path) ?? this.secret;
        this.received.push({
          path,
          headers: request.headers,
          body,
          signatureValid: secret !== '' && signature === signatureOf(secret, timestamp, body),
        });
        response.statusCode = (this.answersAt.get(path) ?? this.answers).shift() ?? 200;
        response.end('receiver text that must never be shown');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
