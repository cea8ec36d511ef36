import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { testTranslators } from '../i18n/testing.ts';
import { fieldName, priorityLabel, refusalText, warningText } from './format.ts';
import { documentsEn } from './i18n.en.ts';
import { documentsVi } from './i18n.vi.ts';

const { tVi, tEn } = testTranslators({ vi: documentsVi, en: documentsEn });

describe('document wording', () => {
  it('names the urgency of Decree 30', () => {
    expect(priorityLabel(tVi, 0)).toBe('Thường');
    expect(priorityLabel(tVi, 3)).toBe('Hỏa tốc');
    expect(priorityLabel(tEn, 2)).toBe('Very urgent');
    expect(priorityLabel(tVi, 9)).toBe('9');
  });

  it('says a duplicate identifier in the user language', () => {
    const warning = { code: 'DUPLICATE_IDENTIFIER', message: 'Same number and notation as 4', documentIds: [4, 9] };
    expect(warningText(tVi, warning, 'vi')).toContain('(#4, #9)');
    expect(warningText(tEn, warning, 'en')).toContain('(#4, #9)');
    const other = { code: 'SOMETHING', message: 'Server note', documentIds: [] };
    expect(warningText(tEn, other, 'en')).toBe('Server note');
    expect(warningText(tVi, other, 'vi')).toBe('Máy chủ có lưu ý về văn bản này.');
  });
});

describe('a refused edXML envelope', () => {
  const refused = new ApiError(400, 'VALIDATION_FAILED', 'The envelope is not valid edXML', [
    { field: '/Code/CodeNumber', message: 'CodeNumber is missing', rule: 'required' },
    { field: 'PromulgationDate', message: 'must be yyyy/MM/dd' },
  ]);

  it('names each field the server refused', () => {
    const vn = refusalText(refused, tVi, 'vi');
    expect(vn.fields.map((field) => field.field)).toEqual(['Code/CodeNumber', 'PromulgationDate']);
    expect(vn.fields[0]?.text).toBe(tVi('validation.required'));
    expect(vn.fields[1]?.text).toBe(tVi('validation.invalid'));
    const english = refusalText(refused, tEn, 'en');
    expect(english.summary).toBe('The envelope is not valid edXML');
    expect(english.fields[1]?.text).toBe('must be yyyy/MM/dd');
  });

  it('still says why when no field is named', () => {
    const text = refusalText(new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send XML'), tVi, 'vi');
    expect(text.fields).toEqual([]);
    expect(text.summary).toBe(tVi('error.code.UNSUPPORTED_MEDIA_TYPE'));
    expect(fieldName('')).toBe('—');
  });
});
