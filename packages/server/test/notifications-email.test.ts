import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import type { CreatedEndpoint, DeliveryPage } from '@ioc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from './harness.ts';

const T = new Date('2026-03-02T01:00:00.000Z');

interface Mail {
  from: string;
  to: string[];
  data: string;
}

/** The smallest SMTP server a client can send to: no TLS, no authentication; it keeps what it is given. */
class SmtpReceiver {
  mails: Mail[] = [];
  /** Answer 451 to this many DATA commands, then accept. */
  refuse = 0;
  private server: Server | null = null;

  get port(): number {
    return (this.server!.address() as AddressInfo).port;
  }

  async start(): Promise<void> {
    this.server = createServer((socket: Socket) => {
      let mail: Mail = { from: '', to: [], data: '' };
      let inData = false;
      let buffer = '';
      socket.write('220 test ESMTP\r\n');
      socket.on('data', (chunk: Buffer) => {
        buffer += chunk.toString('utf8');
        let end = buffer.indexOf('\r\n');
        while (end >= 0) {
          const line = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (inData) {
            if (line === '.') {
              inData = false;
              if (this.refuse > 0) {
                this.refuse--;
                socket.write('451 try again later\r\n');
              } else {
                this.mails.push(mail);
                socket.write('250 queued\r\n');
              }
              mail = { from: '', to: [], data: '' };
            } else mail.data += `${line}\n`;
          } else if (/^(EHLO|HELO)/i.test(line)) socket.write('250 test\r\n');
          else if (/^MAIL FROM:/i.test(line)) {
            mail.from = line.slice(10);
            socket.write('250 ok\r\n');
          } else if (/^RCPT TO:/i.test(line)) {
            mail.to.push(line.slice(8));
            socket.write('250 ok\r\n');
          } else if (/^DATA/i.test(line)) {
            inData = true;
            socket.write('354 go on\r\n');
          } else if (/^QUIT/i.test(line)) {
            socket.end('221 bye\r\n');
          } else socket.write('250 ok\r\n');
          end = buffer.indexOf('\r\n');
        }
      });
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
  }

  async close(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

describe('e-mail over SMTP, with the same delivery log', () => {
  const smtp = new SmtpReceiver();
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    await smtp.start();
    t = await startTestApp(
      {
        IOC_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        IOC_SMTP_FROM: 'IOC Hà Tĩnh <ioc@hatinh.gov.vn>',
        IOC_NOTIFY_GROUP_SECONDS: '0',
        IOC_WEBHOOK_BACKOFF_SECONDS: '10',
      },
      { now: T },
    );
    admin = await t.login('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await t.stop();
    await smtp.close();
  });

  it('sends an alert to the endpoint recipients, retrying a refused message', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notification-endpoints',
      headers: { cookie: admin },
      payload: {
        kind: 'email',
        name: 'Trực ban',
        recipients: ['trucban@hatinh.gov.vn', 'ops@example.vn'],
        events: ['alert.raised', 'alert.resolved'],
        minSeverity: 'warning',
        units: [],
        enabled: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { endpoint, secret } = created.json() as CreatedEndpoint;
    expect(secret).toBeNull();
    expect(endpoint).toMatchObject({ kind: 'email', url: null, hasSecret: false });

    smtp.refuse = 1;
    await t.platform.bus.publish(
      'alert.raised',
      {
        id: '7',
        severity: 'critical',
        title: 'Mực nước sông La tại Linh Cảm vượt báo động II',
        titleEn: 'La river at Linh Cam above alarm level II',
        orgUnit: null,
        kind: 'rule.threshold',
      },
      null,
    );
    await t.services.notifications.dispatcher.dispatch();
    t.platform.now = () => new Date(T.getTime() + 60_000);
    await t.services.notifications.dispatcher.dispatch();

    const page = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/notification-deliveries?endpoint=${endpoint.id}`,
        headers: { cookie: admin },
      })
    ).json() as DeliveryPage;
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ state: 'delivered', attempts: 2 });
    expect(page.items[0]!.attemptLog.map((a) => a.error)).toEqual(['e-mail not sent: SMTP 451', null]);

    expect(smtp.mails).toHaveLength(1);
    const [mail] = smtp.mails;
    expect(mail!.from).toContain('ioc@hatinh.gov.vn');
    expect(mail!.to.map((to) => to.replace(/[<>]/g, '').trim())).toEqual(['trucban@hatinh.gov.vn', 'ops@example.vn']);
    expect(mail!.data).toMatch(/^Subject: /m);
    // The English text is plain ASCII: it reads the same in any transfer encoding.
    expect(mail!.data).toContain('La river at Linh Cam above alarm level II');
  });

  it('refuses an e-mail endpoint without recipients, and any when no SMTP server is set', async () => {
    const body = { kind: 'email', name: 'x', events: ['alert.raised'], minSeverity: 'info', units: [], enabled: true };
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notification-endpoints',
      headers: { cookie: admin },
      payload: { ...body, recipients: [] },
    });
    expect(empty.statusCode).toBe(400);
    const other = await startTestApp();
    try {
      const cookie = await other.login('admin', ADMIN_PASSWORD);
      const response = await other.app.inject({
        method: 'POST',
        url: '/api/v1/notification-endpoints',
        headers: { cookie },
        payload: { ...body, recipients: ['a@example.vn'] },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.message).toContain('IOC_SMTP_URL');
    } finally {
      await other.stop();
    }
  });
});
