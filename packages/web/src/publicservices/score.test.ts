import type { PsScore } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { testTranslators } from '../i18n/testing.ts';
import { publicServicesEn } from './i18n.en.ts';
import { publicServicesVi } from './i18n.vi.ts';
import { criterionName, groupName, scoreBand, scoreView } from './score.ts';

const criterion = (id: string, rate: number | null, maxPoints: number, threshold = 100) => ({
  id,
  rate,
  points: rate === null ? null : (Math.min(rate, threshold) * maxPoints) / threshold,
  maxPoints,
  threshold,
  description: `${id} in English`,
});

function score(groups: PsScore['groups']): PsScore {
  const criteria = groups.flatMap((g) => g.criteria).filter((c) => c.points !== null);
  return {
    total: criteria.reduce((s, c) => s + c.points!, 0),
    maxAvailable: criteria.reduce((s, c) => s + c.maxPoints, 0),
    complete: groups.every((g) => g.points !== null && !g.partial),
    missingGroups: groups.filter((g) => g.points === null).map((g) => g.id),
    partialGroups: groups.filter((g) => g.partial).map((g) => g.id),
    groups,
  };
}

function group(id: string, name: string, criteria: ReturnType<typeof criterion>[]): PsScore['groups'][number] {
  const known = criteria.filter((c) => c.points !== null);
  return {
    id,
    name,
    maxPoints: criteria.reduce((s, c) => s + c.maxPoints, 0),
    points: known.length ? known.reduce((s, c) => s + c.points!, 0) : null,
    partial: known.length > 0 && known.length < criteria.length,
    criteria,
  };
}

/** What the IOC knows today: dossier rates only, no catalogue or feedback inputs. */
const partial = score([
  group('publicity', 'Publicity & transparency', [criterion('publicity.procedures', null, 18)]),
  group('progress', 'Progress & results', [criterion('progress.onTime', 53.2, 20)]),
  group('digitisation', 'Digitisation', [
    criterion('digitisation.dossiers', 71.7, 11, 80),
    criterion('digitisation.results', null, 11, 80),
  ]),
  group('online', 'Online service provision', [criterion('online.submission', 55, 22, 50)]),
  group('satisfaction', 'Satisfaction', [criterion('satisfaction.pakn', null, 18, 90)]),
]);

const full = score([
  group('publicity', 'Publicity & transparency', [criterion('publicity.procedures', 100, 18)]),
  group('progress', 'Progress & results', [criterion('progress.onTime', 96, 20)]),
  group('digitisation', 'Digitisation', [criterion('digitisation.dossiers', 90, 22, 80)]),
  group('online', 'Online service provision', [criterion('online.submission', 60, 22, 50)]),
  group('satisfaction', 'Satisfaction', [criterion('satisfaction.pakn', 81, 18, 90)]),
]);

describe('grades of the 766 index', () => {
  it('are weak under 50, excellent from 90, with the limits in the upper grade', () => {
    expect(scoreBand(0)).toBe('weak');
    expect(scoreBand(49.99)).toBe('weak');
    expect(scoreBand(50)).toBe('average');
    expect(scoreBand(69.9)).toBe('average');
    expect(scoreBand(70)).toBe('good');
    expect(scoreBand(89.99)).toBe('good');
    expect(scoreBand(90)).toBe('excellent');
    expect(scoreBand(100)).toBe('excellent');
  });
});

describe('the score card', () => {
  it('grades a complete score out of 100', () => {
    const view = scoreView(full);
    expect(view.complete).toBe(true);
    expect(view.maxPoints).toBe(100);
    expect(view.total).toBeCloseTo(18 + 19.2 + 22 + 22 + 16.2, 6);
    expect(view.band).toBe('excellent');
    expect(view.groups.every((g) => g.state === 'complete')).toBe(true);
  });

  it('does not grade known points as if they were out of 100, and says how high they could go', () => {
    const view = scoreView(partial);
    expect(view.complete).toBe(false);
    expect(view.band).toBeNull();
    expect(view.hasData).toBe(true);
    expect(view.maxAvailable).toBe(20 + 11 + 22);
    expect(view.possible.low).toBeCloseTo(view.total, 9);
    expect(view.possible.high).toBeCloseTo(view.total + 100 - 53, 9);
    expect(view.missingGroups).toEqual(['publicity', 'satisfaction']);
  });

  it('marks each group complete, partial or missing, with its bar', () => {
    const groups = Object.fromEntries(scoreView(partial).groups.map((g) => [g.id, g]));
    expect(groups.publicity).toMatchObject({ state: 'missing', points: null, share: null, knownMax: 0 });
    expect(groups.progress).toMatchObject({ state: 'complete', knownMax: 20 });
    expect(groups.progress!.share).toBeCloseTo(0.532, 6);
    expect(groups.digitisation).toMatchObject({ state: 'partial', knownMax: 11, maxPoints: 22 });
    expect(groups.online!.share).toBe(1);
  });

  it('has nothing to grade before any dossier', () => {
    const empty = score([group('progress', 'Progress & results', [criterion('progress.onTime', null, 20)])]);
    const view = scoreView(empty);
    expect(view.hasData).toBe(false);
    expect(view.band).toBeNull();
  });

  it('names groups and criteria in Vietnamese, and keeps the server name of one it does not know', () => {
    const t = testTranslators({ vi: publicServicesVi, en: publicServicesEn }).tVi;
    expect(groupName(t, { id: 'progress', name: 'Progress & results' })).toBe('Tiến độ, kết quả giải quyết');
    expect(groupName(t, { id: 'innovation', name: 'Innovation' })).toBe('Innovation');
    expect(criterionName(t, { id: 'online.payment', description: 'Dossiers paid online' })).toBe(
      'Hồ sơ thanh toán trực tuyến',
    );
    expect(criterionName(t, { id: 'new.one', description: 'Something new' })).toBe('Something new');
  });
});
