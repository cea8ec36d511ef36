import { describe, expect, it } from 'vitest';
import { type NotifiedAlert, notificationBody } from '../src/modules/notifications/payload.ts';
import { MAX_RETRY_WAIT_MS, retryDelayMs } from '../src/modules/notifications/retry.ts';
import { signPayload, verifySignature } from '../src/modules/notifications/signature.ts';

describe('signature', () => {
  it('is sha256= the HMAC-SHA256 of "<timestamp>.<body>" (checked with openssl dgst -sha256 -hmac)', () => {
    // printf '%s' '1767225600.{"event":"alert.raised"}' | openssl dgst -sha256 -hmac 'whsec_test'
    expect(signPayload('whsec_test', '1767225600', '{"event":"alert.raised"}')).toBe(
      'sha256=86a4b1f2ac082a1c474bca3051214529d221b8fc42ea0a92f2a8de65d83592a5',
    );
    const signature = signPayload('whsec_test', '1767225600', '{}');
    expect(verifySignature('whsec_test', '1767225600', '{}', signature)).toBe(true);
    expect(verifySignature('whsec_test', '1767225601', '{}', signature)).toBe(false);
    expect(verifySignature('whsec_other', '1767225600', '{}', signature)).toBe(false);
    expect(verifySignature('whsec_test', '1767225600', '{}', 'sha256=00')).toBe(false);
  });
});

describe('retry waits', () => {
  const settings = { backoffSeconds: 30, backoffFactor: 2 };
  it('double from 30 s, less a random 0–50 %, up to 6 h', () => {
    // Hand-worked: 30 s, 60 s, 120 s, 240 s; random 0 takes the whole wait, random 1 half of it.
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, settings, () => 0))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, settings, () => 1))).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect(retryDelayMs(2, settings, () => 0.5)).toBe(45_000);
    // 30 s × 2^10 = 30,720 s > 6 h: capped.
    expect(retryDelayMs(11, settings, () => 0)).toBe(MAX_RETRY_WAIT_MS);
    expect(retryDelayMs(3, { backoffSeconds: 0, backoffFactor: 2 }, () => 0)).toBe(0);
  });
});

describe('grouping', () => {
  const names = (unit: string | null) =>
    unit === '18073'
      ? { vi: 'Phường Thành Sen', en: 'Thanh Sen Ward' }
      : unit === null
        ? { vi: 'Tỉnh Hà Tĩnh', en: 'Ha Tinh province' }
        : { vi: `Đơn vị ${unit}`, en: `Unit ${unit}` };
  const alert = (id: string, kind: string | null, unit: string | null, severity: NotifiedAlert['severity']) => ({
    id,
    kind,
    unit,
    severity,
    title: `Tiêu đề ${id}`,
    titleEn: `Title ${id}`,
    at: '2026-03-02T01:00:00.000Z',
  });

  it('groups by kind × unit, the most severe group first, then the largest', () => {
    const body = notificationBody(
      'alert.raised',
      [
        alert('1', 'tasks.overdue', '18073', 'warning'),
        alert('2', 'indicator.anomaly', null, 'critical'),
        alert('3', 'tasks.overdue', '18073', 'warning'),
        alert('4', 'tasks.overdue', '18775', 'warning'),
        alert('5', 'tasks.overdue', '18073', 'info'),
      ],
      names,
    );
    expect(body.alertCount).toBe(5);
    expect(body.groups.map((g) => [g.kind, g.unit, g.count, g.severity, g.text])).toEqual([
      ['indicator.anomaly', null, 1, 'critical', 'Tiêu đề 2'],
      ['tasks.overdue', '18073', 3, 'warning', 'Phường Thành Sen — 3 cảnh báo: Nhiệm vụ quá hạn'],
      ['tasks.overdue', '18775', 1, 'warning', 'Tiêu đề 4'],
    ]);
    expect(body.summaryEn).toBe('Title 2; Thanh Sen Ward — 3 alerts: Task overdue; Title 4');
  });

  it('names a group by its kind in both languages, and leaves out a kind that has no name yet', () => {
    const named = notificationBody(
      'alert.resolved',
      [alert('1', 'publicservices.late', '18073', 'warning'), alert('2', 'publicservices.late', '18073', 'warning')],
      names,
    );
    expect(named.groups[0]!.text).toBe('Phường Thành Sen — 2 cảnh báo đã kết thúc: Hồ sơ quá hạn');
    expect(named.groups[0]!.textEn).toBe('Thanh Sen Ward — 2 alerts resolved: Dossiers overdue');
    const unnamed = notificationBody(
      'alert.raised',
      [alert('1', 'camera.offline', '18073', 'warning'), alert('2', 'camera.offline', '18073', 'warning')],
      names,
    );
    expect(unnamed.groups[0]!.textEn).toBe('Thanh Sen Ward — 2 alerts');
  });

  it('words resolutions as such', () => {
    const body = notificationBody(
      'alert.resolved',
      [alert('1', null, '18073', 'critical'), alert('2', null, '18073', 'critical'), alert('3', 'x', '1', 'info')],
      names,
    );
    expect(body.groups.map((g) => g.text)).toEqual([
      'Phường Thành Sen — 2 cảnh báo đã kết thúc',
      'Đã kết thúc: Tiêu đề 3',
    ]);
  });
});
