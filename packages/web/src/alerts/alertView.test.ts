import type { Alert } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { anomalyDetail, deviation, indicatorLink, parseStatusFilter, sortAlerts } from './alertView.ts';

function alert(id: number, raisedAt: string, patch: Partial<Alert> = {}): Alert {
  return {
    id,
    kind: 'indicator.anomaly',
    severity: 'warning',
    unit: '18073',
    unitName: 'Phường Thành Sen',
    title: 'Số liệu bất thường',
    titleEn: 'Unusual figure',
    detail: { element: 'POP', period: '202611', value: 20066, expected: 9029, score: 24.4, basis: 'yearOnYear' },
    status: 'open',
    raisedAt,
    updatedAt: raisedAt,
    acknowledgedBy: null,
    acknowledgedAt: null,
    ...patch,
  };
}

describe('anomaly alerts', () => {
  it('read the value against the usual one', () => {
    const detail = anomalyDetail(alert(1, '2026-11-27T03:00:00Z'));
    expect(detail).toEqual({ element: 'POP', period: '202611', value: 20066, expected: 9029, basis: 'yearOnYear' });
    expect(deviation({ value: 150, expected: 100 })).toBeCloseTo(0.5);
    expect(deviation({ value: 50, expected: -100 })).toBeCloseTo(1.5);
    expect(deviation({ value: 5, expected: 0 })).toBe(null);
  });

  it('ignore other kinds and incomplete details', () => {
    expect(anomalyDetail(alert(1, '2026-11-27T03:00:00Z', { kind: 'camera.offline' }))).toBe(null);
    expect(anomalyDetail(alert(1, '2026-11-27T03:00:00Z', { detail: { element: 'POP', period: '202611' } }))).toBe(
      null,
    );
  });

  it('link to the indicator page with the unit and period only', () => {
    expect(indicatorLink(alert(1, '2026-11-27T03:00:00Z'))).toBe('/indicators?unit=18073&period=202611');
    expect(indicatorLink(alert(1, '2026-11-27T03:00:00Z', { unit: null }))).toBe(null);
  });
});

describe('alert list', () => {
  it('reads the status filter, open by default', () => {
    expect(parseStatusFilter(null)).toBe('open');
    expect(parseStatusFilter('all')).toBe('all');
    expect(parseStatusFilter('bogus')).toBe('open');
  });

  it('sorts newest first, then by id', () => {
    const list = [alert(1, '2026-11-27T01:00:00Z'), alert(3, '2026-11-27T02:00:00Z'), alert(2, '2026-11-27T02:00:00Z')];
    expect(sortAlerts(list).map((a) => a.id)).toEqual([3, 2, 1]);
  });
});
