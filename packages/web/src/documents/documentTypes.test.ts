import { describe, expect, it } from 'vitest';
import { testTranslators } from '../i18n/testing.ts';
import { documentTypeName } from './documentTypes.ts';
import { documentsEn } from './i18n.en.ts';
import { documentsVi } from './i18n.vi.ts';

const { tVi, tEn } = testTranslators({ vi: documentsVi, en: documentsEn });

describe('document type names', () => {
  it('says a kind of Decree 30 in English, however its case is written', () => {
    expect(documentTypeName(tEn, 'Công văn')).toBe('Official letter');
    expect(documentTypeName(tEn, 'QUYẾT ĐỊNH')).toBe('Decision');
    expect(documentTypeName(tEn, ' Tờ trình ')).toBe('Submission');
    expect(documentTypeName(tVi, 'Công văn')).toBe('Công văn');
  });

  it('keeps a kind outside the list as written', () => {
    expect(documentTypeName(tEn, 'Thư cảm ơn')).toBe('Thư cảm ơn');
  });
});
