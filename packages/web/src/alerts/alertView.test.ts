import type { Alert } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import {
  alertTarget,
  anomalyDetail,
  deviation,
  filterQuery,
  filterSearch,
  indicatorLink,
  readFilters,
} from './alertView.ts';

function alert(id: number, patch: Partial<Alert> = {}): Alert {
  const at = '2026-11-27T03:00:00Z';
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
    startedAt: at,
    raisedAt: at,
    updatedAt: at,
    acknowledgedBy: null,
    acknowledgedAt: null,
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
    assignedUnit: null,
    assignedUnitName: null,
    assignedBy: null,
    assignedAt: null,
    ruleId: null,
    labels: {},
    link: null,
    agencies: [],
    notifiedAt: null,
    ...patch,
  };
}

describe('anomaly alerts', () => {
  it('read the value against the usual one', () => {
    const detail = anomalyDetail(alert(1));
    expect(detail).toEqual({ element: 'POP', period: '202611', value: 20066, expected: 9029, basis: 'yearOnYear' });
    expect(deviation({ value: 150, expected: 100 })).toBeCloseTo(0.5);
    expect(deviation({ value: 50, expected: -100 })).toBeCloseTo(1.5);
    expect(deviation({ value: 5, expected: 0 })).toBe(null);
  });

  it('ignore other kinds and incomplete details', () => {
    expect(anomalyDetail(alert(1, { kind: 'camera.offline' }))).toBe(null);
    expect(anomalyDetail(alert(1, { detail: { element: 'POP', period: '202611' } }))).toBe(null);
  });

  it('link to the indicator page with the unit and period only', () => {
    expect(indicatorLink(alert(1))).toBe('/indicators?unit=18073&period=202611');
    expect(indicatorLink(alert(1, { unit: null }))).toBe(null);
  });
});

describe('alert filters in the URL', () => {
  it('default to the unresolved alerts and drop what is malformed', () => {
    expect(readFilters(new URLSearchParams())).toEqual({
      status: 'active',
      severity: null,
      kind: null,
      unit: null,
      agency: null,
      q: null,
    });
    const bad = readFilters(new URLSearchParams('status=bogus&severity=huge&kind=a%20b&unit=x'));
    expect(bad.status).toBe('active');
    expect(bad.severity).toBe(null);
    expect(bad.kind).toBe(null);
    expect(bad.unit).toBe(null);
  });

  it('round-trip, leaving defaults out and keeping the open alert', () => {
    const filters = readFilters(new URLSearchParams('status=resolved&severity=critical&kind=tasks.overdue&unit=42'));
    const search = filterSearch(filters, new URLSearchParams('alert=7'));
    expect(search.toString()).toBe('alert=7&status=resolved&severity=critical&kind=tasks.overdue&unit=42');
    expect(filterSearch(readFilters(new URLSearchParams('status=active'))).toString()).toBe('');
    expect(filterQuery(filters)).toEqual({
      status: 'resolved',
      severity: 'critical',
      kind: 'tasks.overdue',
      unit: '42',
    });
  });
});

describe('what an alert is about', () => {
  it('follows the link the raiser gave', () => {
    expect(alertTarget(alert(1, { link: { kind: 'task', ref: '12' } }))).toEqual({
      kind: 'task',
      href: '/direction/tasks/12',
    });
    expect(alertTarget(alert(1, { kind: 'publicservices.onTime', link: { kind: 'dossiers', ref: 'SO_YTE' } }))).toEqual(
      { kind: 'dossiers', href: '/public-services?agency=SO_YTE' },
    );
    expect(
      alertTarget(
        alert(1, { kind: 'rule.threshold', ruleId: 3, link: { kind: 'stream', ref: 'son-diem/water_level' } }),
      ),
    ).toEqual({ kind: 'stream', href: '/streams/son-diem/water_level' });
    expect(
      alertTarget(alert(1, { kind: 'rule.threshold', ruleId: 3, link: { kind: 'stream', ref: 'son-diem' } })),
    ).toEqual({ kind: 'stream', href: '/alerts/rules?rule=3' });
  });

  it('falls back on what an older alert names in its detail', () => {
    expect(alertTarget(alert(1, { kind: 'tasks.overdue', detail: { taskId: 5, leadUnit: 'SO_YTE' } }))?.href).toBe(
      '/direction/tasks/5',
    );
    expect(alertTarget(alert(1))?.href).toBe('/indicators?unit=18073&period=202611');
    expect(alertTarget(alert(1, { kind: 'other.thing', detail: {} }))).toBe(null);
  });
});
