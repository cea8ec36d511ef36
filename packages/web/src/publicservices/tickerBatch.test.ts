import type { EventMap } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { testTranslators } from '../i18n/testing.ts';
import { PUBLIC_SERVICE_EVENTS } from './events.ts';
import { publicServicesEn } from './i18n.en.ts';
import { publicServicesVi } from './i18n.vi.ts';
import { tickerEntriesOf } from './ticker.ts';

const dossier = (code: string, unit: string, at: string) => ({
  code,
  procedure: null,
  agency: 'UBND_18073',
  agencyName: 'UBND Phường Thành Sen',
  status: 2,
  at,
  unit,
});
const batch: EventMap['dossiers.synced'] = {
  count: 7,
  dossiers: [
    dossier('HS-1', '18073', '2026-11-27T05:00:00Z'),
    dossier('HS-2', '18100', '2026-11-27T05:00:01Z'),
    dossier('HS-3', '18073', '2026-11-27T05:00:02Z'),
  ],
};

describe('a batch of synced dossiers', () => {
  it('gives the ticker its unit’s dossiers, newest first; the province sees them all', () => {
    const thanhSen = tickerEntriesOf(batch, '2026-11-27T05:00:03Z', '18073', '42');
    expect(thanhSen.map((entry) => entry.code)).toEqual(['HS-3', 'HS-1']);
    expect(thanhSen.every((entry) => entry.live && entry.syncedAt === '2026-11-27T05:00:03Z')).toBe(true);
    expect(tickerEntriesOf(batch, '2026-11-27T05:00:03Z', '42', '42').map((entry) => entry.code)).toEqual([
      'HS-3',
      'HS-2',
      'HS-1',
    ]);
  });

  it('is told by its count and its latest dossier, and a batch of one as that dossier', () => {
    const messages = { vi: publicServicesVi, en: publicServicesEn };
    const { tVi, tEn } = testTranslators(messages);
    const described = PUBLIC_SERVICE_EVENTS['dossiers.synced']!;
    expect(described.text(tEn, batch, 'en')).toBe(
      '7 dossiers updated, the latest HS-3 at UBND Phường Thành Sen: status accepted',
    );
    expect(described.text(tVi, batch, 'vi')).toMatch(/^7 hồ sơ cập nhật, mới nhất HS-3 tại UBND Phường Thành Sen/);
    const one = { count: 1, dossiers: [batch.dossiers[0]!] };
    expect(described.text(tEn, one, 'en')).toMatch(/^Dossier HS-1 at UBND Phường Thành Sen: status /);
  });
});
