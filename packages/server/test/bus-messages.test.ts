import { describe, expect, it } from 'vitest';
import { readEventEnvelope, readRevocation } from '../src/modules/bus/bus-messages.ts';

const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const at = '2026-12-01T03:00:00.000Z';
const alert = {
  name: 'alert.raised',
  payload: { id: '12', severity: 'critical', title: 'Lũ trên sông Ngàn Phố', orgUnit: '18073' },
  orgUnit: '18073',
  at,
};

describe('messages read from the NATS bus', () => {
  it('accepts an event that matches the event map, with or without a shared audience', () => {
    expect(readEventEnvelope(bytes({ node: 'node-a', event: alert }))).toMatchObject({
      ok: true,
      value: { node: 'node-a', event: alert },
    });
    const task = {
      name: 'task.updated',
      payload: { id: 3, kind: 'report', leadUnit: 'SYT', state: 'overdue', at },
      orgUnit: null,
      shared: { agencies: ['SYT'], units: ['42'] },
      at,
    };
    expect(readEventEnvelope(bytes({ node: 'node-a', event: task })).ok).toBe(true);
  });

  it('refuses, with a reason, what is not such an event', () => {
    const cases: [unknown, RegExp][] = [
      ['not JSON {', /not JSON/],
      [new Uint8Array([0xff, 0xfe]), /not JSON/],
      [[1, 2], /not an event envelope/],
      [{ event: alert }, /not an event envelope/],
      [{ node: 'x', event: alert, extra: 1 }, /not an event envelope/],
      [{ node: 'x', event: { ...alert, name: 'evacuate' } }, /unknown event "evacuate"/],
      [{ node: 'x', event: { ...alert, payload: { title: 'Sơ tán ngay' } } }, /alert.raised/],
      [{ node: 'x', event: { ...alert, payload: { ...alert.payload, severity: 'panic' } } }, /alert.raised/],
      [{ node: 'x', event: { ...alert, payload: { ...alert.payload, script: '<b>' } } }, /alert.raised/],
      [{ node: 'x', event: { ...alert, orgUnit: 42 } }, /alert.raised/],
      [{ node: 'x', event: { ...alert, orgUnit: '../../etc' } }, /alert.raised/],
      [{ node: 'x', event: { ...alert, shared: { agencies: 'all' } } }, /alert.raised/],
      [{ node: 'x', event: { ...alert, at: 'yesterday' } }, /alert.raised/],
      [{ node: 'x', event: { ...alert, payload: { ...alert.payload, title: 'x'.repeat(5000) } } }, /alert.raised/],
    ];
    for (const [message, reason] of cases) {
      const reading = readEventEnvelope(message instanceof Uint8Array ? message : bytes(message));
      expect(reading, JSON.stringify(message).slice(0, 80)).toMatchObject({
        ok: false,
        reason: expect.stringMatching(reason),
      });
    }
  });

  it('reads ended sign-ins, and refuses a malformed notice', () => {
    const sessionId = 'a'.repeat(64);
    expect(readRevocation(bytes({ node: 'n', revocation: { userIds: [4], keepSessionId: sessionId } }))).toMatchObject({
      ok: true,
      value: { revocation: { userIds: [4], keepSessionId: sessionId } },
    });
    for (const bad of [
      'x',
      { node: 'n', revocation: { userIds: ['all'] } },
      { node: 'n', revocation: { sessionIds: ['short'] } },
      { node: 'n', revocation: { everyone: true } },
    ]) {
      expect(readRevocation(bytes(bad)).ok, JSON.stringify(bad)).toBe(false);
    }
  });
});
