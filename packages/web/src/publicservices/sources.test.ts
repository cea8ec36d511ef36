import type { Connector } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { lagParts, sourceState } from './sources.ts';

const base: Connector = {
  code: 'onestop',
  name: 'Một cửa tỉnh',
  tokenUrl: 'https://x/token',
  baseUrl: 'https://x/api',
  clientId: 'ioc',
  hasSecret: true,
  services: ['DongBoHoSoMC'],
  intervalSeconds: 300,
  overlapSeconds: 300,
  pageSize: null,
  enabled: true,
  health: 'ok',
  running: false,
  cursor: '2026-11-27T06:00:00.000Z',
  lagSeconds: 200,
  lastRunAt: null,
  lastSuccessAt: null,
  lastError: null,
  lastErrorAt: null,
  lastCount: 10,
  lastRefused: 0,
  updatedAt: '2026-11-27T06:00:00.000Z',
};

describe('connector health on the page', () => {
  it('is late after three intervals without a read, never under 15 minutes', () => {
    expect(sourceState(base)).toBe('ok');
    expect(sourceState({ ...base, lagSeconds: 899 })).toBe('ok');
    expect(sourceState({ ...base, lagSeconds: 901 })).toBe('late');
    expect(sourceState({ ...base, intervalSeconds: 600, lagSeconds: 1_700 })).toBe('ok');
    expect(sourceState({ ...base, intervalSeconds: 600, lagSeconds: 1_801 })).toBe('late');
  });

  it('says failing, not yet run and switched off before lateness', () => {
    expect(sourceState({ ...base, health: 'failing', lagSeconds: 10 })).toBe('failing');
    expect(sourceState({ ...base, health: 'not_run', lagSeconds: null })).toBe('notRun');
    expect(sourceState({ ...base, enabled: false, health: 'failing' })).toBe('off');
  });

  it('words the lag in its largest whole unit', () => {
    expect(lagParts(20)).toEqual({ value: 1, unit: 'minute' });
    expect(lagParts(3_599)).toEqual({ value: 59, unit: 'minute' });
    expect(lagParts(7_300)).toEqual({ value: 2, unit: 'hour' });
    expect(lagParts(200_000)).toEqual({ value: 2, unit: 'day' });
  });
});
