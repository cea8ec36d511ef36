import { describe, expect, it } from 'vitest';
import { makeFormatter } from '../format/formatter.ts';
import { directionOf, formatGrowth, growthOf, growthTone, planProgress, planTone } from './assess.ts';

const vi = makeFormatter('vi');
const en = makeFormatter('en');
const viNumber = (value: number, digits: number) => vi.number(value, digits);
const enNumber = (value: number, digits: number) => en.number(value, digits);

describe('colour by direction', () => {
  it('treats a rise as good for an "up" indicator and bad for a "down" one', () => {
    expect(growthTone(5.2, 'up')).toBe('good');
    expect(growthTone(-3, 'up')).toBe('bad');
    expect(growthTone(-3, 'down')).toBe('good');
    expect(growthTone(4, 'down')).toBe('bad');
  });

  it('has nothing to judge without a figure or without a change', () => {
    expect(growthTone(null, 'up')).toBe('neutral');
    expect(growthTone(0.01, 'down')).toBe('neutral');
  });

  it('reads anything but "down" as "up"', () => {
    expect(directionOf('down')).toBe('down');
    expect(directionOf('up')).toBe('up');
    expect(directionOf(undefined)).toBe('up');
  });
});

describe('growth', () => {
  it('is computed like the server: value ÷ last year − 1, none without a base', () => {
    expect(growthOf(110, 100)).toBeCloseTo(10);
    expect(growthOf(110, 0)).toBeNull();
    expect(growthOf(null, 100)).toBeNull();
  });

  it('is signed and formatted in the UI language', () => {
    expect(formatGrowth(5.24, viNumber)).toEqual({ arrow: '▲', text: '+5,2%' });
    expect(formatGrowth(-1234.56, enNumber)).toEqual({ arrow: '▼', text: '−1,234.6%' });
    expect(formatGrowth(-1234.56, viNumber).text).toBe('−1.234,6%');
    expect(formatGrowth(0.001, viNumber)).toEqual({ arrow: '■', text: '0%' });
    expect(formatGrowth(null, viNumber)).toEqual({ arrow: '', text: '—' });
  });
});

describe('progress against the plan', () => {
  it('is on schedule when a flow has done the share of the year gone', () => {
    expect(planTone(0.84, 10 / 12, 'up')).toBe('good');
    expect(planTone(0.78, 10 / 12, 'up')).toBe('warn');
    expect(planTone(0.6, 10 / 12, 'up')).toBe('bad');
  });

  it('is on schedule for a "down" indicator while under its pace', () => {
    expect(planTone(0.7, 10 / 12, 'down')).toBe('good');
    expect(planTone(0.88, 10 / 12, 'down')).toBe('warn');
    expect(planTone(1.11, 1, 'down')).toBe('bad');
  });

  it('compares the year to date with the plan, on schedule by the share of the year for a flow', () => {
    const flow = planProgress({
      yearToDate: 16000,
      target: 20000,
      cumulative: true,
      elapsed: 10 / 12,
      direction: 'up',
    });
    expect(flow.ratio).toBeCloseTo(0.8);
    expect(flow.expected).toBeCloseTo(10 / 12);
    expect(flow.tone).toBe('warn');

    // A rate's year to date (cases so far ÷ people) stands at 2.1 against a planned 1.9: not a share of the year.
    const rate = planProgress({
      yearToDate: 2.1,
      target: 1.9,
      cumulative: false,
      elapsed: 10 / 12,
      direction: 'down',
    });
    expect(rate.expected).toBe(1);
    expect(rate.tone).toBe('bad');
  });

  it('has no progress without a plan', () => {
    const none = planProgress({
      yearToDate: 5,
      target: null,
      cumulative: true,
      elapsed: 0.5,
      direction: 'up',
    });
    expect(none).toEqual({ ratio: null, expected: 0.5, tone: 'neutral' });
  });

  it('has no progress when the year to date is not whole (a month missing)', () => {
    const gap = planProgress({ yearToDate: null, target: 100, cumulative: true, elapsed: 0.5, direction: 'up' });
    expect(gap).toEqual({ ratio: null, expected: 0.5, tone: 'neutral' });
  });
});
