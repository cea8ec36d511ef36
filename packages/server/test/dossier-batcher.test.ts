import type { BusEvent } from '@ioc/shared';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DossierBatcher } from '../src/modules/realtime/dossier-batcher.ts';

const dossier = (i: number) => ({
  code: `HS-${i}`,
  procedure: null,
  agency: 'SYT',
  agencyName: 'Sở Y tế',
  status: 2,
  at: '2026-03-02T08:00:00.000Z',
  unit: '42',
});
const NOW = new Date('2026-03-02T08:00:05.000Z');

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('dossier batcher', () => {
  it('sends the first dossier at once, then the rest of a burst once per window, counted in full', () => {
    const sent: BusEvent<'dossiers.synced'>[] = [];
    const batcher = new DossierBatcher(
      (event) => sent.push(event),
      '42',
      () => NOW,
      500,
    );
    for (let i = 1; i <= 120; i++) batcher.add(dossier(i));
    // 1 at once; 119 wait for the window's end.
    expect(sent.map((e) => e.payload.count)).toEqual([1]);
    expect(sent[0]).toEqual({
      name: 'dossiers.synced',
      payload: { count: 1, dossiers: [dossier(1)] },
      orgUnit: '42',
      at: '2026-03-02T08:00:05.000Z',
    });
    vi.advanceTimersByTime(500);
    expect(sent.map((e) => e.payload.count)).toEqual([1, 119]);
    // The latest 50 of the 119: dossiers 71 to 120.
    expect(sent[1]!.payload.dossiers.map((d) => d.code)).toEqual(Array.from({ length: 50 }, (_, k) => `HS-${71 + k}`));
    // Three more within the next window go together at its end; then a quiet window ends the cycle.
    for (let i = 121; i <= 123; i++) batcher.add(dossier(i));
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(500);
    expect(sent.map((e) => e.payload.count)).toEqual([1, 119, 3]);
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(3);
    // After the quiet window, a lone dossier goes at once again.
    batcher.add(dossier(124));
    expect(sent.map((e) => e.payload.count)).toEqual([1, 119, 3, 1]);
  });

  it('sends nothing pending once stopped', () => {
    const sent: BusEvent<'dossiers.synced'>[] = [];
    const batcher = new DossierBatcher(
      (event) => sent.push(event),
      '42',
      () => NOW,
      500,
    );
    batcher.add(dossier(1));
    batcher.add(dossier(2));
    batcher.stop();
    vi.advanceTimersByTime(2000);
    expect(sent.map((e) => e.payload.count)).toEqual([1]);
  });
});
