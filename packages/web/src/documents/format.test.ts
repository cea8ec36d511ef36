import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { en } from '../i18n/en.ts';
import type { MessageKey, TranslateParams } from '../i18n/index.tsx';
import { vi } from '../i18n/vi.ts';
import { fieldName, priorityLabel, refusalText, warningText } from './format.ts';

const translate = (messages: Record<MessageKey, string>) => (key: MessageKey, params?: TranslateParams) =>
  messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params && name in params ? String(params[name]) : whole,
  );

describe('document wording', () => {
  it('names the urgency of Decree 30', () => {
    expect(priorityLabel(translate(vi), 0)).toBe('Thường');
    expect(priorityLabel(translate(vi), 3)).toBe('Hỏa tốc');
    expect(priorityLabel(translate(en), 2)).toBe('Very urgent');
    expect(priorityLabel(translate(vi), 9)).toBe('9');
  });

  it('says a duplicate identifier in the user language', () => {
    const warning = { code: 'DUPLICATE_IDENTIFIER', message: 'Same number and notation as 4', documentIds: [4, 9] };
    expect(warningText(translate(vi), warning, 'vi')).toContain('(#4, #9)');
    expect(warningText(translate(en), warning, 'en')).toContain('(#4, #9)');
    const other = { code: 'SOMETHING', message: 'Server note', documentIds: [] };
    expect(warningText(translate(en), other, 'en')).toBe('Server note');
    expect(warningText(translate(vi), other, 'vi')).toBe('Máy chủ có lưu ý về văn bản này.');
  });
});

describe('a refused edXML envelope', () => {
  const refused = new ApiError(400, 'VALIDATION_FAILED', 'The envelope is not valid edXML', [
    { field: '/Code/CodeNumber', message: 'CodeNumber is missing', rule: 'required' },
    { field: 'PromulgationDate', message: 'must be yyyy/MM/dd' },
  ]);

  it('names each field the server refused', () => {
    const vn = refusalText(refused, translate(vi), 'vi');
    expect(vn.fields.map((field) => field.field)).toEqual(['Code/CodeNumber', 'PromulgationDate']);
    expect(vn.fields[0]?.text).toBe(vi['validation.required']);
    expect(vn.fields[1]?.text).toBe(vi['validation.invalid']);
    const english = refusalText(refused, translate(en), 'en');
    expect(english.summary).toBe('The envelope is not valid edXML');
    expect(english.fields[1]?.text).toBe('must be yyyy/MM/dd');
  });

  it('still says why when no field is named', () => {
    const text = refusalText(new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send XML'), translate(vi), 'vi');
    expect(text.fields).toEqual([]);
    expect(text.summary).toBe(vi['error.code.UNSUPPORTED_MEDIA_TYPE']);
    expect(fieldName('')).toBe('—');
  });
});
