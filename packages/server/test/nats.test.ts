import { randomBytes } from 'node:crypto';
import { type AddressInfo, createConnection, createServer, type Socket } from 'node:net';
import { connect, type NatsConnection } from 'nats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  createTestDatabase,
  ENGINE,
  startTestApp,
  type TestApp,
  type TestDatabase,
} from './harness.ts';
import { openLiveStream } from './live-stream.ts';
import { openStream } from './sse-client.ts';

const NATS_URL = process.env.IOC_TEST_NATS_URL ?? 'nats://127.0.0.1:4222';
// Each run its own subjects, as each install has its own: test files running at once on one NATS never mix.
const SUBJECT = `ioctest.${randomBytes(4).toString('hex')}`;

async function natsReachable(): Promise<boolean> {
  try {
    const connection = await connect({ servers: NATS_URL.replace('nats://', ''), timeout: 1000 });
    await connection.close();
    return true;
  } catch {
    return false;
  }
}

// CI always has NATS; a developer machine without it skips this file and says so.
const available = process.env.CI ? true : await natsReachable();
if (!available) console.warn(`NATS not reachable at ${NATS_URL}: the two-node test is skipped`);

describe.runIf(available)('two servers sharing one database and a NATS bus', () => {
  let database: TestDatabase;
  let nodeA: TestApp;
  let nodeB: TestApp;
  let baseB: string;
  let raw: NatsConnection;

  beforeAll(async () => {
    database = await createTestDatabase();
    const start = (node: string) =>
      startTestApp({ IOC_BUS_URL: NATS_URL, IOC_NODE_ID: node, IOC_BUS_SUBJECT: SUBJECT }, { database, demo: true });
    if (ENGINE === 'postgres') {
      // Both start at once on the empty database, as a cluster does after an install: one prepares it, the other waits.
      [nodeA, nodeB] = await Promise.all([start('node-a'), start('node-b')]);
    } else {
      // An SQLite file belongs to one process in production; here the second node only shares it for the bus test.
      nodeA = await start('node-a');
      nodeB = await start('node-b');
    }
    baseB = await nodeB.app.listen({ port: 0, host: '127.0.0.1' });
    raw = await connect({ servers: NATS_URL.replace('nats://', '') });
  });
  afterAll(async () => {
    await raw?.close();
    await nodeA?.stop();
    await nodeB?.stop();
    await database?.drop();
  });

  it('delivers a write made through one server to an SSE client of the other, once', async () => {
    const cookieA = await nodeA.login('admin', ADMIN_PASSWORD);
    const cookieB = await nodeB.login('admin', ADMIN_PASSWORD);
    const stream = await openStream(baseB, { cookie: cookieB });
    try {
      const ready = await nodeB.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.json()).toMatchObject({ bus: true, busKind: 'nats' });
      const write = await nodeA.app.inject({
        method: 'PATCH',
        url: '/api/v1/orgunits/18100/profile',
        headers: { cookie: cookieA },
        payload: { address: '72 Hà Huy Tập' },
      });
      expect(write.statusCode).toBe(200);
      const event = await stream.next('orgunit.updated', 5000);
      expect(event).toMatchObject({ orgUnit: '18100', payload: { code: '18100', fields: ['address'] } });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(stream.events.filter((e) => e.name === 'orgunit.updated')).toHaveLength(1);
    } finally {
      stream.close();
    }
  });

  const writeProfile = (node: TestApp, cookie: string, unit: string, address: string) =>
    node.app.inject({
      method: 'PATCH',
      url: `/api/v1/orgunits/${unit}/profile`,
      headers: { cookie },
      payload: { address },
    });

  it('drops a non-JSON message and a forged envelope, and goes on delivering the next good event', async () => {
    const cookieA = await nodeA.login('admin', ADMIN_PASSWORD);
    const stream = await openStream(baseB, { cookie: await nodeB.login('admin', ADMIN_PASSWORD) });
    try {
      raw.publish(`${SUBJECT}.events`, 'this is not JSON {');
      raw.publish(`${SUBJECT}.events`, new Uint8Array([0xff, 0xfe, 0x00]));
      // An alert with no id, severity or unit, as the audit forged it, and one of an unknown kind.
      const forged = {
        name: 'alert.raised',
        payload: { title: 'Sơ tán ngay' },
        orgUnit: null,
        at: new Date().toISOString(),
      };
      raw.publish(`${SUBJECT}.events`, JSON.stringify({ node: 'intruder', event: forged }));
      raw.publish(`${SUBJECT}.events`, JSON.stringify({ node: 'intruder', event: { ...forged, name: 'evacuate' } }));
      raw.publish(
        `${SUBJECT}.events`,
        JSON.stringify({
          node: 'intruder',
          event: { ...forged, payload: { id: '1', severity: 'critical', title: 'x', orgUnit: 7 } },
        }),
      );
      raw.publish(`${SUBJECT}.revocations`, JSON.stringify({ node: 'intruder', revocation: { userIds: ['all'] } }));
      await raw.flush();
      expect((await writeProfile(nodeA, cookieA, '18073', '1 Trần Phú')).statusCode).toBe(200);
      expect(await stream.next('orgunit.updated', 5000)).toMatchObject({ orgUnit: '18073' });
      expect(stream.events.filter((e) => e.name === 'alert.raised')).toEqual([]);
      const ready = await nodeB.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.json()).toMatchObject({ bus: true });
    } finally {
      stream.close();
    }
  });

  it("does not deliver another install's events, on its own subject of the same NATS", async () => {
    const otherDatabase = await createTestDatabase();
    const other = await startTestApp(
      { IOC_BUS_URL: NATS_URL, IOC_NODE_ID: 'other-install', IOC_BUS_SUBJECT: `${SUBJECT}x` },
      { database: otherDatabase },
    );
    const stream = await openStream(baseB, { cookie: await nodeB.login('admin', ADMIN_PASSWORD) });
    try {
      const cookieOther = await other.login('admin', ADMIN_PASSWORD);
      expect((await writeProfile(other, cookieOther, '18100', 'elsewhere')).statusCode).toBe(200);
      // A valid envelope sent straight to the other install's subject is not heard either.
      const valid = {
        name: 'user.updated',
        payload: { id: 1, username: 'x' },
        orgUnit: null,
        at: new Date().toISOString(),
      };
      raw.publish(`${SUBJECT}x.events`, JSON.stringify({ node: 'other-install', event: valid }));
      const cookieA = await nodeA.login('admin', ADMIN_PASSWORD);
      expect((await writeProfile(nodeA, cookieA, '18775', 'here')).statusCode).toBe(200);
      expect((await stream.next('orgunit.updated', 5000)).orgUnit).toBe('18775');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(stream.events.map((e) => e.orgUnit)).not.toContain('18100');
      expect(stream.events.filter((e) => e.name === 'user.updated')).toEqual([]);
    } finally {
      stream.close();
      await other.stop();
      await otherDatabase.drop();
    }
  });

  it('ends, on the other server, the stream of a session that logged out through this one', async () => {
    const cookie = await nodeA.login('admin', ADMIN_PASSWORD);
    const stream = await openLiveStream(baseB, { cookie });
    try {
      expect(
        (await nodeA.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode,
      ).toBe(200);
      expect(await stream.endsWithin(3000)).toBe(true);
    } finally {
      stream.close();
    }
  });

  it('answers /readyz within a second, unready, while the bus is unreachable', async () => {
    const proxy = await tcpProxy(NATS_URL);
    const node = await startTestApp(
      { IOC_BUS_URL: `nats://127.0.0.1:${proxy.port}`, IOC_NODE_ID: 'node-c', IOC_BUS_SUBJECT: SUBJECT },
      { database },
    );
    try {
      expect((await node.app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ bus: true });
      await proxy.cut();
      for (const _ of [1, 2, 3]) {
        const started = Date.now();
        const ready = await node.app.inject({ method: 'GET', url: '/readyz' });
        expect(Date.now() - started).toBeLessThan(1000);
        expect(ready.statusCode).toBe(503);
        expect(ready.json()).toMatchObject({ bus: false, status: 'unavailable' });
      }
      expect((await node.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await node.close();
      await node.platform.close();
    }
  });
});

/** A TCP relay to NATS that the test can cut, as a network failure would. */
async function tcpProxy(target: string): Promise<{ port: number; cut(): Promise<void> }> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ host: hostname, port: Number(port || 4222) });
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
