import { describe, expect, it } from 'vitest';
import { testTranslators } from '../i18n/testing.ts';
import { publicServicesEn } from './i18n.en.ts';
import { publicServicesVi } from './i18n.vi.ts';
import { statusLabel, statusTone } from './status.ts';

const { tVi, tEn } = testTranslators({ vi: publicServicesVi, en: publicServicesEn });

describe('dossier statuses', () => {
  it('name the ten portal codes in words', () => {
    const t = tVi;
    expect(Array.from({ length: 10 }, (_, i) => statusLabel(t, i + 1))).toEqual([
      'Mới nộp',
      'Đã tiếp nhận',
      'Không được tiếp nhận',
      'Đang xử lý',
      'Yêu cầu bổ sung',
      'Chờ nộp phí, thuế',
      'Đề nghị rút',
      'Dừng xử lý',
      'Đã xử lý xong',
      'Đã trả kết quả',
    ]);
    expect(statusLabel(tEn, 10)).toBe('Result returned');
  });

  it('show a code the portal may add later as its number', () => {
    expect(statusLabel(tVi, 11)).toBe('Trạng thái 11');
    expect(statusLabel(tEn, 0)).toBe('Status 0');
  });

  it('colour arrivals, processing, waiting on the citizen, results and stops apart', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 42].map(statusTone)).toEqual([
      'info',
      'info',
      'stopped',
      'progress',
      'waiting',
      'waiting',
      'stopped',
      'stopped',
      'done',
      'done',
      'info',
    ]);
  });
});
