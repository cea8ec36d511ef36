import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BusEvent } from '@ioc/shared';
import { connect } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { type Bus, createBus } from '../src/modules/bus/index.ts';

// A private NATS set up as the README asks of a production install: TLS, a user per role, and only the IOC's user
// allowed to publish on the install's subjects.
const NATS_SERVER = ['/usr/sbin/nats-server', '/usr/local/bin/nats-server', '/usr/bin/nats-server'].find((path) => {
  try {
    execFileSync(path, ['--version']);
    return true;
  } catch {
    return false;
  }
});
const OPENSSL = (() => {
  try {
    execFileSync('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
})();
const available = Boolean(NATS_SERVER && OPENSSL);
if (!available) console.warn('nats-server or openssl missing: the NATS TLS and permission tests are skipped');

const SUBJECT = 'iocsecure';
const dir = mkdtempSync(join(tmpdir(), 'ioc-nats-'));
const servers: ChildProcess[] = [];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startNats(config: string): Promise<number> {
  const port = await freePort();
  const file = join(dir, `nats-${port}.conf`);
  writeFileSync(file, `listen: "127.0.0.1:${port}"\n${config}`);
  const server = spawn(NATS_SERVER!, ['-c', file], { stdio: 'ignore' });
  servers.push(server);
  for (const started = Date.now(); Date.now() - started < 5000; ) {
    const open = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(true));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
    });
    if (open) return port;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('nats-server did not start');
}

function makeCertificates(): void {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  run(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '1',
    '-subj',
    '/CN=IOC test CA',
  );
  run(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'other-ca.key',
    '-out',
    'other-ca.pem',
    '-days',
    '1',
    '-subj',
    '/CN=Another CA',
  );
  run('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  run(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.pem',
    '-days',
    '1',
    '-extfile',
    'san.ext',
  );
}

const silent = () => {};
const busFor = (env: Record<string, string>, node: string) =>
  createBus(loadConfig({ IOC_BUS_SUBJECT: SUBJECT, IOC_NODE_ID: node, IOC_DATA_DIR: dir, ...env }), silent, silent);

function collect(bus: Bus): BusEvent[] {
  const seen: BusEvent[] = [];
  bus.subscribe((event) => seen.push(event));
  return seen;
}

async function until(check: () => boolean, ms = 3000): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < ms; ) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

describe.runIf(available)('an authenticated NATS with TLS and subject permissions', () => {
  let port: number;
  let tokenPort: number;

  beforeAll(async () => {
    makeCertificates();
    port = await startNats(`
tls { cert_file: "${join(dir, 'server.pem')}", key_file: "${join(dir, 'server.key')}", timeout: 2 }
authorization {
  users = [
    { user: "ioc", password: "ioc-pass", permissions: { publish: ["${SUBJECT}.>"], subscribe: ["${SUBJECT}.>", "_INBOX.>"] } }
    { user: "viewer", password: "viewer-pass", permissions: { publish: { deny: ["${SUBJECT}.>"] }, subscribe: ["${SUBJECT}.>", "_INBOX.>"] } }
  ]
}
`);
    tokenPort = await startNats('authorization { token: "s3cret-token" }\n');
  });
  afterAll(() => {
    for (const server of servers) server.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('carries events between IOC nodes signed in with user and password over TLS checked against the CA', async () => {
    const env = { IOC_BUS_URL: `nats://ioc:ioc-pass@127.0.0.1:${port}`, IOC_BUS_CA_FILE: join(dir, 'ca.pem') };
    const [a, b] = [await busFor(env, 'a'), await busFor(env, 'b')];
    try {
      const seen = collect(b);
      await a.publish('user.updated', { id: 7, username: 'lanhdao' });
      expect(await until(() => seen.length === 1)).toBe(true);
      expect(await b.ping()).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('never delivers an envelope from a client the server does not let publish there, however well formed', async () => {
    const env = { IOC_BUS_URL: `nats://ioc:ioc-pass@127.0.0.1:${port}`, IOC_BUS_CA_FILE: join(dir, 'ca.pem') };
    const [a, b] = [await busFor(env, 'a'), await busFor(env, 'b')];
    const intruder = await connect({
      servers: `127.0.0.1:${port}`,
      user: 'viewer',
      pass: 'viewer-pass',
      tls: { caFile: join(dir, 'ca.pem') },
    });
    try {
      const seen = collect(b);
      const forged = {
        name: 'alert.raised',
        payload: { id: '1', severity: 'critical', title: 'Sơ tán ngay', orgUnit: null },
        orgUnit: null,
        at: new Date().toISOString(),
      };
      intruder.publish(`${SUBJECT}.events`, JSON.stringify({ node: 'intruder', event: forged }));
      await intruder.flush().catch(() => {});
      await a.publish('user.updated', { id: 8, username: 'vanhanh' });
      expect(await until(() => seen.length > 0)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen.map((e) => e.name)).toEqual(['user.updated']);
    } finally {
      await intruder.close();
      await a.close();
      await b.close();
    }
  });

  it('refuses a server whose certificate the CA did not sign, and a wrong password', async () => {
    await expect(
      busFor({ IOC_BUS_URL: `nats://ioc:ioc-pass@127.0.0.1:${port}`, IOC_BUS_CA_FILE: join(dir, 'other-ca.pem') }, 'c'),
    ).rejects.toThrow();
    await expect(
      busFor({ IOC_BUS_URL: `nats://ioc:wrong@127.0.0.1:${port}`, IOC_BUS_CA_FILE: join(dir, 'ca.pem') }, 'c'),
    ).rejects.toThrow(/auth/i);
  });

  it('signs in with a token given as the URL’s user part', async () => {
    const bus = await busFor({ IOC_BUS_URL: `nats://s3cret-token@127.0.0.1:${tokenPort}` }, 'd');
    try {
      expect(await bus.ping()).toBe(true);
    } finally {
      await bus.close();
    }
    await expect(busFor({ IOC_BUS_URL: `nats://127.0.0.1:${tokenPort}` }, 'e')).rejects.toThrow(/auth/i);
  });

  it('names a CA file that cannot be read', () => {
    expect(() => loadConfig({ IOC_BUS_CA_FILE: join(dir, 'missing.pem') })).toThrow(
      /IOC_BUS_CA_FILE=.* is not a readable file/,
    );
  });
});
