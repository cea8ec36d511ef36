import type { Alert } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { summariseAlerts } from './alertSummary.ts';

function alert(id: number, severity: Alert['severity'], raisedAt: string, status: Alert['status'] = 'open'): Alert {
  return {
    id,
    kind: 'indicator.anomaly',
    severity,
    unit: '18073',
    unitName: 'Phường Thành Sen',
    title: `Cảnh báo ${id}`,
    titleEn: `Alert ${id}`,
    detail: {},
    status,
    raisedAt,
    updatedAt: raisedAt,
    acknowledgedBy: null,
    acknowledgedAt: null,
  };
}

describe('open alerts on the overview', () => {
  it('counts open alerts by severity', () => {
    const summary = summariseAlerts([
      alert(1, 'critical', '2026-11-27T01:00:00Z'),
      alert(2, 'warning', '2026-11-27T02:00:00Z'),
      alert(3, 'warning', '2026-11-27T03:00:00Z'),
      alert(4, 'info', '2026-11-27T04:00:00Z'),
      alert(5, 'critical', '2026-11-27T05:00:00Z', 'acknowledged'),
    ]);
    expect(summary.open).toBe(4);
    expect(summary.bySeverity).toEqual({ critical: 1, warning: 2, info: 1 });
  });

  it('keeps the newest five, newest first, ties broken by id', () => {
    const alerts = [
      alert(1, 'info', '2026-11-20T00:00:00Z'),
      alert(2, 'info', '2026-11-21T00:00:00Z'),
      alert(3, 'info', '2026-11-26T00:00:00Z'),
      alert(4, 'info', '2026-11-26T00:00:00Z'),
      alert(5, 'info', '2026-11-22T00:00:00Z'),
      alert(6, 'info', '2026-11-23T00:00:00Z'),
      alert(7, 'info', '2026-11-27T00:00:00Z', 'acknowledged'),
    ];
    expect(summariseAlerts(alerts).newest.map((a) => a.id)).toEqual([4, 3, 6, 5, 2]);
    expect(summariseAlerts(alerts, 2).newest.map((a) => a.id)).toEqual([4, 3]);
  });

  it('is all zeros with nothing open', () => {
    expect(summariseAlerts([])).toEqual({ open: 0, bySeverity: { critical: 0, warning: 0, info: 0 }, newest: [] });
  });
});
