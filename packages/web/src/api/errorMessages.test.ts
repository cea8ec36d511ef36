import { describe, expect, it } from 'vitest';
import { testTranslators } from '../i18n/testing.ts';
import { vi } from '../i18n/vi.ts';
import { ApiError, NETWORK_ERROR } from './client.ts';
import { describeError, describeFieldError } from './errorMessages.ts';

const { tVi, tEn } = testTranslators();

describe('server errors in the user language', () => {
  const outOfScope = new ApiError(403, 'OUT_OF_SCOPE', 'Unit 18100 is outside your organisational scope');

  it('never shows an English server sentence in Vietnamese for a known code', () => {
    expect(describeError(outOfScope, tVi, 'vi')).toBe('Đơn vị này nằm ngoài phạm vi được phân quyền của bạn.');
  });

  it("keeps the server's specific wording in English", () => {
    expect(describeError(outOfScope, tEn, 'en')).toBe('Unit 18100 is outside your organisational scope');
  });

  it('adds the wait to a lock-out unless the page counts it down itself', () => {
    const locked = new ApiError(429, 'RATE_LIMITED', 'Too many failed sign-ins; try again in 900 s', undefined, 900);
    expect(describeError(locked, tVi, 'vi')).toBe(
      'Đăng nhập sai quá nhiều lần, tài khoản tạm khóa. Thử lại sau 900 giây.',
    );
    expect(describeError(locked, tVi, 'vi', { withRetry: false })).toBe(
      'Đăng nhập sai quá nhiều lần, tài khoản tạm khóa.',
    );
  });

  it('explains a network failure and an unknown code', () => {
    expect(describeError(new ApiError(0, NETWORK_ERROR, 'Failed to fetch'), tVi, 'vi')).toBe(vi['error.network']);
    expect(describeError(new ApiError(418, 'TEAPOT', 'short and stout'), tVi, 'vi')).toBe('short and stout');
    expect(describeError(new TypeError('x is undefined'), tVi, 'vi')).toBe(vi['error.unknown']);
  });
});

describe('field errors in the user language', () => {
  it('words a rule with its limit', () => {
    expect(
      describeFieldError(
        { field: '/newPassword', message: 'must NOT have fewer than 10 characters', rule: 'minLength', limit: 10 },
        tVi,
        'vi',
      ),
    ).toBe('Cần ít nhất 10 ký tự.');
    expect(
      describeFieldError({ field: '/households', message: 'must be >= 0', rule: 'minimum', limit: 0 }, tEn, 'en'),
    ).toBe('Must be 0 or more.');
  });

  it('has its own sentence for an email address', () => {
    expect(
      describeFieldError(
        { field: '/email', message: 'must match format "email"', rule: 'format', limit: 'email' },
        tVi,
        'vi',
      ),
    ).toBe('Địa chỉ thư điện tử không hợp lệ.');
  });

  it('falls back to a generic sentence in Vietnamese and the server text in English when no rule is known', () => {
    const odd = { field: '/x', message: 'is odd', rule: 'multipleOf' };
    expect(describeFieldError(odd, tVi, 'vi')).toBe('Giá trị không hợp lệ.');
    expect(describeFieldError(odd, tEn, 'en')).toBe('is odd');
  });

  it("names the service's own rules", () => {
    expect(describeFieldError({ field: '/currentPassword', message: 'is wrong', rule: 'incorrect' }, tVi, 'vi')).toBe(
      'Không đúng.',
    );
  });
});
