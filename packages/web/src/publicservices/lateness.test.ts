import { describe, expect, it } from 'vitest';
import { testTranslators } from '../i18n/testing.ts';
import { publicServicesEn } from './i18n.en.ts';
import { publicServicesVi } from './i18n.vi.ts';
import { lateness, latenessText } from './lateness.ts';

const { tVi, tEn } = testTranslators({ vi: publicServicesVi, en: publicServicesEn });

describe('how late an open dossier is', () => {
  it('reads overdue days, days left, and the edges', () => {
    expect(lateness(3.46)).toEqual({ kind: 'late', days: 3.5 });
    expect(lateness(0.04)).toEqual({ kind: 'justLate' });
    expect(lateness(-1.5)).toEqual({ kind: 'left', days: 1.5 });
    expect(lateness(-0.02)).toEqual({ kind: 'dueNow' });
    expect(lateness(0)).toEqual({ kind: 'dueNow' });
    expect(lateness(null)).toEqual({ kind: 'noDue' });
  });

  it('says it in words, in Vietnamese and English', () => {
    expect(latenessText(tVi, 3.5)).toBe('trễ 3,5 ngày làm việc');
    expect(latenessText(tVi, -1.25)).toBe('còn 1,3 ngày làm việc');
    expect(latenessText(tVi, 0.01)).toBe('vừa quá hạn');
    expect(latenessText(tVi, null)).toBe('không có hạn trả');
    expect(latenessText(tEn, 211.57)).toBe('211.6 working days late');
    expect(latenessText(tEn, 1)).toBe('1.0 working days late');
    expect(latenessText(tVi, 1234)).toBe('trễ 1.234,0 ngày làm việc');
  });
});
