import { readFileSync } from 'node:fs';
import { type ConnectionOptions, connect, credsAuthenticator, type NatsConnection } from 'nats';

/** Where and how this server reaches the deployment's NATS, and under which subject prefix its messages travel. */
export interface BusSettings {
  url: string;
  /** `<prefix>.events` and `<prefix>.revocations`; two installs on one NATS use two prefixes. */
  subject: string;
  nodeId: string;
  /** With a CA file, TLS is required and the server's certificate is checked against it. */
  caFile?: string | undefined;
  /** A NATS credentials file (user JWT and NKey seed) for decentralised authentication. */
  credsFile?: string | undefined;
}

/** User and password, or a token alone, as NATS URLs carry them: nats://user:pass@host or nats://token@host. */
function credentialsOf(parsed: URL): Partial<ConnectionOptions> {
  const user = decodeURIComponent(parsed.username);
  const pass = decodeURIComponent(parsed.password);
  if (user && pass) return { user, pass };
  if (user) return { token: user };
  return {};
}

export function connectionOptions(settings: BusSettings): ConnectionOptions {
  const parsed = new URL(settings.url);
  return {
    servers: `${parsed.hostname}:${parsed.port || '4222'}`,
    name: `ioc-${settings.nodeId}`,
    maxReconnectAttempts: -1,
    ...credentialsOf(parsed),
    ...(settings.credsFile ? { authenticator: credsAuthenticator(readFileSync(settings.credsFile)) } : {}),
    ...(settings.caFile ? { tls: { caFile: settings.caFile } } : {}),
  };
}

/** Connects at start; the caller names IOC_BUS_URL when the bus cannot be reached. */
export function openNatsConnection(settings: BusSettings): Promise<NatsConnection> {
  return connect(connectionOptions(settings));
}
