import { describe, expect, it } from 'vitest';
import { testTranslators } from '../../i18n/testing.ts';
import { tasksEn } from './i18n.en.ts';
import { tasksVi } from './i18n.vi.ts';
import { scopeText } from './scope.ts';

const { tVi, tEn } = testTranslators({ vi: tasksVi, en: tasksEn });
const health = { code: 'SYT', name: 'Sở Y tế', nameEn: 'Department of Health', kind: 'department' as const };

describe("what a page's task figures count", () => {
  it("names the officer's agency, as lead or co-operating unit", () => {
    const summary = { scope: [health], carriedOver: 3, from: '2026-01-01' };
    expect(scopeText(summary, tVi, 'vi')).toEqual({
      who: 'Nhiệm vụ Sở Y tế chủ trì hoặc phối hợp',
      span: 'giao năm 2026 và 3 nhiệm vụ năm trước chưa xong',
    });
    expect(scopeText(summary, tEn, 'en')).toEqual({
      who: 'Tasks led or co-operated on by Department of Health',
      span: 'assigned in 2026, and 3 tasks from earlier years still open',
    });
  });

  it('says every task for a leader, and the year alone when nothing is left from earlier', () => {
    const summary = { scope: null, carriedOver: 0, from: '2026-01-01' };
    expect(scopeText(summary, tVi, 'vi')).toEqual({
      who: 'Mọi nhiệm vụ lãnh đạo tỉnh giao các sở, ngành, xã, phường',
      span: 'giao năm 2026',
    });
    expect(scopeText(summary, tEn, 'en').span).toBe('assigned in 2026');
  });

  it('says so when the account acts for no unit', () => {
    expect(scopeText({ scope: [], carriedOver: 0, from: '2026-01-01' }, tEn, 'en').who).toBe(
      'Your account is not linked to a unit that receives tasks',
    );
  });
});
