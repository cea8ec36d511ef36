import { describe, expect, it } from 'vitest';
import { judgeValue, median } from '../src/modules/indicators/anomaly.ts';
import { reportStatus } from '../src/modules/indicators/deadlines.ts';

describe('anomaly test on its own history', () => {
  it('uses the median and the scaled median absolute deviation of the levels', () => {
    // Revenue 10.5, 12.5, 11.5, 13.5, 9.5, 10.5, 11.5: median 11.5; deviations 1,1,0,2,2,1,0 → MAD 1 → spread 1.4826.
    const history = [10.5, 12.5, 11.5, 13.5, 9.5, 10.5, 11.5];
    expect(median(history)).toBe(11.5);
    const verdict = judgeValue(20.5, history, 0)!;
    expect(verdict.basis).toBe('level');
    expect(verdict.expected).toBe(11.5);
    expect(verdict.score).toBeCloseTo(9 / 1.4826, 10); // 6.07 > 3.5: anomalous
    expect(judgeValue(14.5, history, 0)!.score).toBeCloseTo(3 / 1.4826, 10); // 2.02: normal
  });

  it('gives counts a Poisson spread: one case where there are usually none is normal, twelve are not', () => {
    const dengue = [0, 0, 1, 0, 2, 0, 0, 1];
    // Median 0, MAD 0: the spread is √max(0, 1) = 1.
    expect(judgeValue(1, dengue, 0, true)!.score).toBe(1);
    expect(judgeValue(12, dengue, 0, true)!.score).toBe(12);
    // As a measure (not a count) the same history has no spread to speak of: 1 would be far.
    expect(judgeValue(1, dengue, 0)!.score).toBeGreaterThan(1e6);
  });

  it('compares year-on-year ratios when a season repeats, so a summer peak is not an anomaly', () => {
    // 30 months from January: 100 a month, 200 in July and August, growing 10 % a year exactly → every ratio is 1.1.
    const month = (i: number) => ([6, 7].includes(i % 12) ? 200 : 100) * 1.1 ** Math.floor(i / 12);
    const history = Array.from({ length: 30 }, (_, i) => month(i));
    const july = judgeValue(242, history, 12)!; // next July: 220 × 1.1
    expect(july.basis).toBe('yearOnYear');
    expect(july.expected).toBeCloseTo(242, 10);
    expect(july.score).toBeCloseTo(0, 10);
    // A level test would call 242 far from a history whose median is 110.
    expect(judgeValue(242, history, 0)!.score).toBeGreaterThan(3.5);
  });

  it('judges nothing with fewer than six points, and never a change under 35 %', () => {
    expect(judgeValue(1000, [1, 2, 3, 4, 5], 0)).toBeNull();
    const flat = [100.5, 100.5, 100.5, 100.5, 100.5, 100.5];
    // A flat history has no spread: the floor is 10 % of 100.5 = 10.05, so 35 % away is the least that counts.
    expect(judgeValue(135, flat, 0)!.score).toBeCloseTo(34.5 / 10.05, 10); // 3.43: normal
    expect(judgeValue(137, flat, 0)!.score).toBeCloseTo(36.5 / 10.05, 10); // 3.63: anomalous
  });
});

describe('report status against a deadline', () => {
  const deadline = new Date('2025-10-25T16:59:00Z');
  it('is on time at the deadline, late after, missing past it, pending before', () => {
    expect(reportStatus(deadline, '2025-10-25T16:59:00Z', new Date('2025-11-01T00:00:00Z'))).toEqual({
      status: 'onTime',
      daysLate: 0,
    });
    expect(reportStatus(deadline, '2025-10-26T16:59:00Z', new Date('2025-11-01T00:00:00Z'))).toEqual({
      status: 'late',
      daysLate: 1,
    });
    expect(reportStatus(deadline, null, new Date('2025-10-27T16:59:00Z'))).toEqual({ status: 'missing', daysLate: 2 });
    expect(reportStatus(deadline, null, new Date('2025-10-25T00:00:00Z'))).toEqual({ status: 'pending', daysLate: 0 });
  });
});
