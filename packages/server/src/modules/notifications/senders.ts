import nodemailer, { type Transporter } from 'nodemailer';
import type { NotificationSettings } from '../../config.ts';
import { requestSource, SourceUnreachable } from '../../lib/guarded-request.ts';
import type { TargetGuard } from '../../lib/target-guard.ts';
import { emailOf, type NotificationBody } from './payload.ts';
import { signPayload } from './signature.ts';

/** How one attempt went, in fixed words: never the receiver's own text, which every administrator would read. */
export interface SendOutcome {
  delivered: boolean;
  /** The receiver's HTTP status (webhooks); null without an answer or for e-mail. */
  status: number | null;
  error: string | null;
  /** False when trying again cannot help (the target is refused). */
  retry: boolean;
}

/** A receiver's answer is not shown anywhere: only its start is read, so a huge one costs nothing. */
const MAX_ANSWER_BYTES = 64 * 1024;

export interface WebhookDelivery {
  id: number;
  event: string;
  payload: string;
}

/**
 * POSTs the stored body with `X-IOC-Event`, `X-IOC-Delivery`, `X-IOC-Timestamp` (Unix seconds) and
 * `X-IOC-Signature: sha256=<hex HMAC of "<timestamp>.<body>">`; a 2xx answer delivers it. Redirects are not
 * followed and only public addresses (or IOC_WEBHOOK_ALLOW_HOSTS) are connected to.
 */
export async function sendWebhook(
  target: { url: string; secret: string },
  delivery: WebhookDelivery,
  at: Date,
  limits: { timeoutMs: number; signal: AbortSignal; guard: TargetGuard },
): Promise<SendOutcome> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  try {
    const answer = await requestSource(
      new URL(target.url),
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'IOC-Notifications/1',
          'x-ioc-event': delivery.event,
          'x-ioc-delivery': String(delivery.id),
          'x-ioc-timestamp': timestamp,
          'x-ioc-signature': signPayload(target.secret, timestamp, delivery.payload),
        },
        body: delivery.payload,
      },
      { ...limits, maxBytes: MAX_ANSWER_BYTES },
    );
    const delivered = answer.status >= 200 && answer.status < 300;
    return {
      delivered,
      status: answer.status,
      error: delivered ? null : `HTTP ${answer.status} ${answer.statusText}`.trim(),
      retry: true,
    };
  } catch (error) {
    if (!(error instanceof SourceUnreachable)) throw error;
    const words: Record<SourceUnreachable['kind'], string> = {
      refused: `not sent: ${error.detail}`,
      stopped: 'interrupted: the server is shutting down',
      timeout: error.detail,
      too_large: 'the answer was too large',
      network: `no connection (${error.detail})`,
    };
    return { delivered: false, status: null, error: words[error.kind], retry: error.kind !== 'refused' };
  }
}

/** E-mail over IOC_SMTP_URL (STARTTLS when the server offers it; smtps:// for TLS from the start). */
export class EmailSender {
  private transport: Transporter | null = null;

  constructor(private readonly settings: NotificationSettings) {}

  get configured(): boolean {
    return this.settings.smtpUrl !== undefined;
  }

  private transporter(smtpUrl: string): Transporter {
    if (this.transport) return this.transport;
    const url = new URL(smtpUrl);
    const secure = url.protocol === 'smtps:';
    const timeout = this.settings.timeoutSeconds * 1000;
    this.transport = nodemailer.createTransport({
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      ...(url.username
        ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
        : {}),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
    return this.transport;
  }

  async send(recipients: readonly string[], body: NotificationBody): Promise<SendOutcome> {
    if (!this.settings.smtpUrl) {
      return { delivered: false, status: null, error: 'e-mail is not configured (IOC_SMTP_URL)', retry: true };
    }
    const { subject, text } = emailOf(body);
    try {
      await this.transporter(this.settings.smtpUrl).sendMail({
        from: this.settings.smtpFrom,
        to: [...recipients],
        subject,
        text,
      });
      return { delivered: true, status: null, error: null, retry: true };
    } catch (error) {
      const { code, responseCode } = error as { code?: string; responseCode?: number };
      const why = responseCode ? `SMTP ${responseCode}` : (code ?? 'failed');
      return { delivered: false, status: null, error: `e-mail not sent: ${why}`, retry: true };
    }
  }

  close(): void {
    this.transport?.close();
    this.transport = null;
  }
}
