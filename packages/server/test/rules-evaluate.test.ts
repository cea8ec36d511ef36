import { describe, expect, it } from 'vitest';
import { changeOver, NORMAL, step } from '../src/modules/alerts/rules/evaluate.ts';
import { StreamMachine } from '../src/modules/alerts/rules/machine.ts';
import { replayRule } from '../src/modules/alerts/rules/replay.ts';
import { matchesSelector, normalizeRule, type RuleDef, streamSamples } from '../src/modules/alerts/rules/rule.ts';

const S = 1000;
const rule = (input: Partial<Parameters<typeof normalizeRule>[0]>): RuleDef => ({
  id: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'test',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'test',
  ...normalizeRule({
    code: 'r',
    name: 'r',
    nameEn: 'r',
    type: 'threshold',
    streams: ['a/water_level'],
    levels: [{ level: 'I', severity: 'warning', op: 'above', value: 5 }],
    ...input,
  }),
});

/** Feeds (seconds, value) samples to a machine of the rule and answers its effects with times in seconds. */
function run(def: RuleDef, samples: [number, number][], until?: number) {
  const machine = new StreamMachine(
    def.levels,
    { pendingMs: def.pendingSeconds * S, keepFiringMs: def.keepFiringSeconds * S },
    undefined,
  );
  const points = samples.map(([t, value]) => ({ t: t * S, value }));
  for (const s of streamSamples(def, points)) machine.sample(s.t, s.value, s.active);
  if (until !== undefined) machine.advanceTo(until * S);
  return machine.effects.map((e) =>
    e.kind === 'raise'
      ? `raise ${e.level} started ${e.startedAt / S} at ${e.at / S} value ${e.value}`
      : `resolve ${e.level} at ${e.at / S}: ${e.reason}`,
  );
}

describe('one level machine', () => {
  const timing = { pendingMs: 60 * S, keepFiringMs: 120 * S };
  it('goes normal → pending → firing → clearing → normal', () => {
    const pending = step(NORMAL, true, 30 * S, timing);
    expect(pending).toMatchObject({ state: 'pending', since: 30 * S });
    expect(step(pending, true, 89 * S, timing).state).toBe('pending');
    const firing = step(pending, true, 90 * S, timing);
    expect(firing).toMatchObject({ state: 'firing', since: 30 * S, clearedAt: null });
    const clearing = step(firing, false, 120 * S, timing);
    expect(clearing).toMatchObject({ state: 'firing', clearedAt: 120 * S });
    expect(step(clearing, true, 150 * S, timing)).toMatchObject({ state: 'firing', clearedAt: null });
    expect(step(clearing, false, 239 * S, timing).state).toBe('firing');
    expect(step(clearing, false, 240 * S, timing)).toMatchObject({ state: 'normal', since: null, clearedAt: null });
  });
  it('drops back to normal when the condition clears while pending, and fires at once with no pending period', () => {
    expect(step(step(NORMAL, true, 0, timing), false, 10 * S, timing).state).toBe('normal');
    expect(step(NORMAL, true, 0, { pendingMs: 0, keepFiringMs: 0 }).state).toBe('firing');
    expect(step({ ...NORMAL, state: 'firing', since: 0 }, false, 5, { pendingMs: 0, keepFiringMs: 0 }).state).toBe(
      'normal',
    );
  });
});

describe('threshold rule', () => {
  it('fires after the pending period, from when the condition began, and resolves after keep-firing', () => {
    const def = rule({ pendingSeconds: 60, keepFiringSeconds: 120 });
    // Above 5 from t=30; held 60 s → fires at 90, started 30. Below from 120; kept 120 s → resolves at 240.
    expect(
      run(def, [
        [0, 4],
        [30, 6],
        [60, 6],
        [100, 7],
        [120, 4],
        [180, 4],
        [250, 4],
      ]),
    ).toEqual(['raise I started 30 at 90 value 6', 'resolve I at 240: condition cleared']);
  });
  it('fires on the clock when no sample comes after the pending period', () => {
    expect(run(rule({ pendingSeconds: 60 }), [[30, 6]], 1000)).toEqual(['raise I started 30 at 90 value 6']);
  });
  it('a breach shorter than the pending period never fires; a short dip inside keep-firing does not resolve', () => {
    expect(
      run(rule({ pendingSeconds: 60 }), [
        [0, 6],
        [50, 4],
        [100, 6],
      ]),
    ).toEqual([]);
    expect(
      run(
        rule({ keepFiringSeconds: 60 }),
        [
          [0, 6],
          [30, 4],
          [60, 6],
          [200, 4],
        ],
        400,
      ),
    ).toEqual(['raise I started 0 at 0 value 6', 'resolve I at 260: condition cleared']);
  });
  it('the same breach twice is one alert; a repeated or older sample is ignored', () => {
    const def = rule({});
    const machine = new StreamMachine(def.levels, { pendingMs: 0, keepFiringMs: 0 }, undefined);
    expect(machine.sample(10 * S, 6, [true])).toBe(true);
    expect(machine.sample(10 * S, 6, [true])).toBe(false);
    expect(machine.sample(5 * S, 4, [false])).toBe(false);
    expect(machine.sample(20 * S, 6.5, [true])).toBe(true);
    expect(machine.effects.map((e) => e.kind)).toEqual(['raise']);
  });
  it('below: a reservoir under its dead level', () => {
    const def = rule({ levels: [{ level: 'low', severity: 'critical', op: 'below', value: 10 }] });
    expect(
      run(def, [
        [0, 12],
        [10, 10],
        [20, 9.5],
        [30, 11],
      ]),
    ).toEqual(['raise low started 20 at 20 value 9.5', 'resolve low at 30: condition cleared']);
  });
});

describe('levels', () => {
  const levels = [
    { level: 'I', severity: 'info' as const, op: 'above' as const, value: 3 },
    { level: 'II', severity: 'warning' as const, op: 'above' as const, value: 5 },
    { level: 'III', severity: 'critical' as const, op: 'above' as const, value: 7 },
  ];
  it('only the gravest firing level alerts; a lower one resolves when a higher one fires and reopens after', () => {
    expect(
      run(rule({ levels }), [
        [0, 4],
        [10, 6],
        [20, 8],
        [30, 6.5],
        [40, 2],
      ]),
    ).toEqual([
      'raise I started 0 at 0 value 4',
      'resolve I at 10: superseded by level II',
      'raise II started 10 at 10 value 6',
      'resolve II at 20: superseded by level III',
      'raise III started 20 at 20 value 8',
      'resolve III at 30: condition cleared',
      // II's machine kept firing under III: its alert reopens with the start of the breach of II.
      'raise II started 10 at 30 value 6.5',
      'resolve II at 40: condition cleared',
    ]);
  });
  it('a jump straight to III raises only III', () => {
    expect(
      run(rule({ levels }), [
        [0, 1],
        [10, 9],
      ]),
    ).toEqual(['raise III started 10 at 10 value 9']);
  });
  it('with a pending period the lower level alerts while the higher one is pending', () => {
    expect(
      run(rule({ levels: levels.slice(0, 2), pendingSeconds: 20 }), [
        [0, 4],
        [20, 6],
        [30, 6],
        [40, 6],
      ]),
    ).toEqual([
      // The pending period of I ends at 20, just before that sample: the value then was 4.
      'raise I started 0 at 20 value 4',
      'resolve I at 40: superseded by level II',
      'raise II started 20 at 40 value 6',
    ]);
  });
});

describe('rate rule', () => {
  it('changes against the last value at or before t − window, not older than 2 × window', () => {
    const points = [
      { t: 0, value: 1 },
      { t: 600 * S, value: 1.2 },
      { t: 1200 * S, value: 1.9 },
      { t: 3000 * S, value: 2 },
    ];
    expect(changeOver(points, 0, 600 * S)).toBeNull();
    expect(changeOver(points, 1, 600 * S)).toBeCloseTo(0.2, 9);
    expect(changeOver(points, 2, 600 * S)).toBeCloseTo(0.7, 9);
    // The value 600 s before 3000 is the one at 1200 s: 1800 s back, older than 2 × 600 → no change.
    expect(changeOver(points, 3, 600 * S)).toBeNull();
  });
  it('fires when the level rises faster than the bound per window', () => {
    const def = rule({
      type: 'rate',
      windowSeconds: 600,
      levels: [{ level: 'fast', severity: 'warning', op: 'above', value: 0.5 }],
    });
    // Every 5 min: 1.0, 1.1, 1.3, 1.8, 2.4, 2.5, 2.5 → changes over 10 min: –, –, 0.3, 0.7, 1.1, 0.7, 0.1.
    expect(
      run(def, [
        [0, 1],
        [300, 1.1],
        [600, 1.3],
        [900, 1.8],
        [1200, 2.4],
        [1500, 2.5],
        [1800, 2.5],
      ]).map((line) => line.replace(/value [0-9.]+/, (v) => `value ${Number(v.slice(6)).toFixed(2)}`)),
    ).toEqual(['raise fast started 900 at 900 value 0.70', 'resolve fast at 1800: condition cleared']);
  });
});

describe('absence rule', () => {
  it('fires when the stream is silent for the window and resolves when it speaks again', () => {
    const def = rule({ type: 'absence', levels: [], windowSeconds: 300 });
    const machine = new StreamMachine(
      [{ level: 'I', severity: 'warning' }],
      { pendingMs: 0, keepFiringMs: 0 },
      undefined,
      {
        silentMs: 300 * S,
        lastSeen: 0,
      },
    );
    for (const t of [60, 120]) machine.sample(t * S, null, [false]);
    machine.advanceTo(400 * S);
    expect(machine.effects).toEqual([]);
    machine.advanceTo(500 * S);
    expect(machine.effects).toEqual([
      { kind: 'raise', level: 'I', severity: 'warning', startedAt: 420 * S, at: 420 * S, value: 300 },
    ]);
    machine.sample(600 * S, null, [false]);
    expect(machine.effects[1]).toEqual({ kind: 'resolve', level: 'I', at: 600 * S, reason: 'condition cleared' });
    expect(def.windowSeconds).toBe(300);
  });
});

describe('selectors', () => {
  it("matches '*' for a station or a metric", () => {
    expect(matchesSelector('*/water_level', 'son-diem/water_level')).toBe(true);
    expect(matchesSelector('son-diem/*', 'son-diem/rain')).toBe(true);
    expect(matchesSelector('son-diem/rain', 'son-diem/rain')).toBe(true);
    expect(matchesSelector('*/water_level', 'son-diem/rain')).toBe(false);
    expect(matchesSelector('hoa-duyet/*', 'son-diem/rain')).toBe(false);
  });
});

describe('replay', () => {
  it('condition over two streams of one station', () => {
    const def = rule({
      type: 'condition',
      streams: ['son-diem/*'],
      levels: [],
      condition: {
        all: [
          { metric: 'water_level', op: 'above', value: 5 },
          { metric: 'rain', op: 'above', value: 50 },
        ],
      },
    });
    const series = new Map([
      [
        'son-diem/water_level',
        [
          { t: 0, value: 4 },
          { t: 100 * S, value: 6 },
          { t: 300 * S, value: 6 },
          { t: 500 * S, value: 4 },
        ],
      ],
      [
        'son-diem/rain',
        [
          { t: 0, value: 60 },
          { t: 200 * S, value: 40 },
          { t: 300 * S, value: 70 },
        ],
      ],
    ]);
    const streams = [
      { key: 'son-diem/water_level', cadenceSeconds: null },
      { key: 'son-diem/rain', cadenceSeconds: null },
    ];
    // Both beyond: 100–200 (rain drops at 200), again 300–500 (level drops at 500).
    expect(replayRule(def, streams, series, 0, 1000 * S)).toEqual([
      {
        stream: 'son-diem/water_level',
        level: 'I',
        severity: 'warning',
        startedAt: new Date(100 * S).toISOString(),
        firedAt: new Date(100 * S).toISOString(),
        resolvedAt: new Date(200 * S).toISOString(),
        value: 6,
      },
      {
        stream: 'son-diem/water_level',
        level: 'I',
        severity: 'warning',
        startedAt: new Date(300 * S).toISOString(),
        firedAt: new Date(300 * S).toISOString(),
        resolvedAt: new Date(500 * S).toISOString(),
        value: 6,
      },
    ]);
  });
});
