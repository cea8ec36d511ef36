import type { AlertRule } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { rangeWindow, selectorMatches, thresholdMarks, valueExtent } from './streamChart.ts';

function rule(id: number, fields: Partial<AlertRule>): AlertRule {
  return {
    id,
    code: `rule-${id}`,
    name: `Quy tắc ${id}`,
    nameEn: `Rule ${id}`,
    type: 'threshold',
    streams: ['son-diem/water_level'],
    levels: [],
    windowSeconds: null,
    pendingSeconds: 0,
    keepFiringSeconds: 0,
    intervalSeconds: 60,
    condition: null,
    route: {},
    labels: {},
    enabled: true,
    createdAt: '2026-11-01T00:00:00.000Z',
    createdBy: 'admin',
    updatedAt: '2026-11-01T00:00:00.000Z',
    updatedBy: 'admin',
    firing: 0,
    ...fields,
  };
}

// Sơn Diệm's official flood alarm levels (Decision 05/2020/QĐ-TTg): I 10.0 m, II 11.5 m, III 13.0 m.
const sonDiem = rule(1, {
  levels: [
    { level: 'III', severity: 'critical', op: 'above', value: 13 },
    { level: 'I', severity: 'info', op: 'above', value: 10 },
    { level: 'II', severity: 'warning', op: 'above', value: 11.5 },
  ],
});

describe('which rules watch a stream', () => {
  it('matches the key itself and a * for the station or the metric', () => {
    expect(selectorMatches('son-diem/water_level', 'son-diem/water_level')).toBe(true);
    expect(selectorMatches('*/water_level', 'son-diem/water_level')).toBe(true);
    expect(selectorMatches('son-diem/*', 'son-diem/water_level')).toBe(true);
    expect(selectorMatches('*/rainfall', 'son-diem/water_level')).toBe(false);
    expect(selectorMatches('linh-cam/water_level', 'son-diem/water_level')).toBe(false);
    expect(selectorMatches('son-diem', 'son-diem/water_level')).toBe(false);
  });
});

describe('the alarm levels drawn on a stream', () => {
  it('takes the levels of the threshold rules watching it, lowest first', () => {
    const marks = thresholdMarks([sonDiem, rule(2, { streams: ['linh-cam/water_level'] })], 'son-diem/water_level');
    expect(marks.map((mark) => [mark.level, mark.value, mark.severity])).toEqual([
      ['I', 10, 'info'],
      ['II', 11.5, 'warning'],
      ['III', 13, 'critical'],
    ]);
    expect(marks[0]).toMatchObject({ ruleId: 1, rule: 'Quy tắc 1', ruleEn: 'Rule 1', op: 'above' });
  });

  it("adds a '*/<metric>' rule's levels and draws a level two rules share once, as the graver", () => {
    const everyRiver = rule(3, {
      streams: ['*/water_level'],
      levels: [
        { level: 'II', severity: 'critical', op: 'above', value: 11.5 },
        { level: 'low', severity: 'warning', op: 'below', value: 6 },
      ],
    });
    const marks = thresholdMarks([sonDiem, everyRiver], 'son-diem/water_level');
    expect(marks.map((mark) => [mark.level, mark.value, mark.severity, mark.ruleId])).toEqual([
      ['low', 6, 'warning', 3],
      ['I', 10, 'info', 1],
      ['II', 11.5, 'critical', 3],
      ['III', 13, 'critical', 1],
    ]);
  });

  it('leaves out disabled rules, rate rules (a change is not a level) and other metrics', () => {
    const rules = [
      rule(4, { enabled: false, levels: [{ level: 'I', severity: 'info', op: 'above', value: 9 }] }),
      rule(5, { type: 'rate', levels: [{ level: 'fast', severity: 'warning', op: 'above', value: 0.5 }] }),
      rule(6, { streams: ['*/rainfall'], levels: [{ level: 'I', severity: 'info', op: 'above', value: 50 }] }),
    ];
    expect(thresholdMarks(rules, 'son-diem/water_level')).toEqual([]);
  });
});

describe('the y axis of a stream chart', () => {
  it('takes in the points, their min–max and every level, with round ends', () => {
    // Data 7.0–7.6 m with buckets down to 6.9, levels up to 13: span 6.1, padded 0.305 each side → 6.595–13.305;
    // step for a fifth of 6.71 is 2 → 6–14.
    const points = [
      { t: 0, value: 7.2, min: 6.9, max: 7.4, count: 12 },
      { t: 1, value: 7.6, min: 7.5, max: 7.6, count: 12 },
    ];
    const marks = [{ value: 10 }, { value: 11.5 }, { value: 13 }];
    expect(valueExtent({ points }, marks)).toEqual([6, 14]);
  });

  it('gives a flat series a height and nothing for no points', () => {
    // One value 7 m: pad max(0.35, 1) = 1 → 6–8, step for 2/5 = 0.5 → 6–8.
    expect(valueExtent({ points: [{ t: 0, value: 7 }] }, [])).toEqual([6, 8]);
    expect(valueExtent({ points: [] }, [])).toBeNull();
  });

  it('starts an amount’s axis at zero and leaves its readings’ min and max out', () => {
    // Hourly rain totals 0, 21 and 3.5 mm; the wettest reading (6 mm) is no total. Top: 21 × 1.05 = 22.05,
    // step for 22.05 / 5 = 4.41 → 5, so 0–25.
    const points = [
      { t: 0, value: 0, min: 0, max: 0, count: 12 },
      { t: 1, value: 21, min: 0, max: 6, count: 12 },
      { t: 2, value: 3.5, min: 0, max: 1, count: 12 },
    ];
    expect(valueExtent({ points, valueKind: 'amount' }, [])).toEqual([0, 25]);
    expect(valueExtent({ points: [{ t: 0, value: 0 }], valueKind: 'amount' }, [])).toEqual([0, 1]);
  });
});

describe('the window a range asks', () => {
  it('goes back the range from now and ends an hour after the next whole hour', () => {
    const now = Date.parse('2026-11-26T02:30:00Z');
    expect(rangeWindow('7d', now)).toEqual({
      from: Date.parse('2026-11-19T02:30:00Z'),
      to: Date.parse('2026-11-26T04:00:00Z'),
    });
    expect(rangeWindow('24h', Date.parse('2026-11-26T03:00:00Z')).to).toBe(Date.parse('2026-11-26T04:00:00Z'));
  });
});
