import type { PsTickerItem } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { concernsUnit, mergeTicker, openingTicker, TICKER_LIMIT, type TickerEntry, tickerEntryOf } from './ticker.ts';

const item = (code: string, at: string, status = 4): PsTickerItem => ({
  code,
  procedure: 'Đăng ký khai sinh',
  agency: 'UBND_18073',
  agencyName: 'UBND Phường Thành Sen',
  unitId: '18073',
  status,
  at,
  syncedAt: at,
});
const live = (code: string, at: string, status = 4): TickerEntry => ({ ...item(code, at, status), live: true });

describe('the live ticker', () => {
  it('opens with the API list, one line per dossier, nothing marked new', () => {
    const opening = openingTicker([
      item('HS-3', '2026-11-27T03:00:00Z'),
      item('HS-2', '2026-11-27T02:00:00Z'),
      item('HS-3', '2026-11-27T01:00:00Z'),
    ]);
    expect(opening.map((e) => e.code)).toEqual(['HS-3', 'HS-2']);
    expect(opening[0]!.at).toBe('2026-11-27T03:00:00Z');
    expect(opening.every((e) => !e.live)).toBe(true);
  });

  it('puts a synced dossier on top, and moves one already listed up with its new status', () => {
    const opening = openingTicker([item('HS-2', '2026-11-27T02:00:00Z'), item('HS-1', '2026-11-27T01:00:00Z')]);
    const merged = mergeTicker(opening, [
      live('HS-1', '2026-11-27T04:00:00Z', 9),
      live('HS-9', '2026-11-27T03:30:00Z'),
    ]);
    expect(merged.map((e) => [e.code, e.status, e.live])).toEqual([
      ['HS-1', 9, true],
      ['HS-9', 4, true],
      ['HS-2', 4, false],
    ]);
  });

  it('keeps the newest status when a late step arrives after a newer one', () => {
    const shown = [live('HS-1', '2026-11-27T04:00:00Z', 10)];
    expect(mergeTicker(shown, [live('HS-1', '2026-11-27T02:00:00Z', 5)])).toEqual(shown);
    // The same step synced again is not older: it stays, on top.
    expect(mergeTicker(shown, [live('HS-1', '2026-11-27T04:00:00Z', 10)])).toHaveLength(1);
  });

  it('keeps at most 30 lines, dropping the oldest', () => {
    let entries: TickerEntry[] = [];
    for (let i = 0; i < 45; i += 1) {
      entries = mergeTicker(entries, [live(`HS-${i}`, new Date(Date.UTC(2026, 10, 27, 0, i)).toISOString())]);
    }
    expect(entries).toHaveLength(TICKER_LIMIT);
    expect(entries[0]!.code).toBe('HS-44');
    expect(entries.at(-1)!.code).toBe('HS-15');
  });

  it('makes a line of a dossier.synced event', () => {
    const entry = tickerEntryOf(
      {
        code: 'HS-7',
        procedure: null,
        agency: 'SXD',
        agencyName: 'Sở Xây dựng',
        status: 2,
        at: '2026-11-27T05:00:00Z',
        unit: '42',
      },
      '2026-11-27T05:00:01Z',
    );
    expect(entry).toEqual({
      code: 'HS-7',
      procedure: null,
      agency: 'SXD',
      agencyName: 'Sở Xây dựng',
      unitId: '42',
      status: 2,
      at: '2026-11-27T05:00:00Z',
      syncedAt: '2026-11-27T05:00:01Z',
      live: true,
    });
  });

  it('shows the province every dossier and a commune only its own', () => {
    expect(concernsUnit('18073', '42', '42')).toBe(true);
    expect(concernsUnit(null, '42', '42')).toBe(true);
    expect(concernsUnit('18073', '18073', '42')).toBe(true);
    expect(concernsUnit('18100', '18073', '42')).toBe(false);
    expect(concernsUnit(null, '18073', '42')).toBe(false);
  });
});
