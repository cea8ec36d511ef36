import { describe, expect, it } from 'vitest';
import { emptyDraft, type RegisterDraft, registerBody, validateRegister } from './register.ts';

const incoming = (patch: Partial<RegisterDraft> = {}): RegisterDraft => ({
  ...emptyDraft('incoming', '2026-11-27'),
  codeNumber: '1520',
  codeNotation: 'BYT-DP',
  organName: 'Bộ Y tế',
  organId: '000.00.00.G22',
  subject: 'Về việc tăng cường phòng chống sốt xuất huyết',
  ...patch,
});

describe('registering a document by hand', () => {
  it('needs the identifiers, the date, the agency and the subject', () => {
    expect(validateRegister(incoming())).toEqual({});
    expect(validateRegister({ ...emptyDraft('incoming', '2026-11-27'), typeName: '' })).toEqual({
      typeName: 'common.required',
      codeNumber: 'common.required',
      codeNotation: 'common.required',
      organ: 'common.required',
      subject: 'common.required',
    });
  });

  it('lets an outgoing document take its number from the register', () => {
    const draft = { ...emptyDraft('outgoing', '2026-11-27'), codeNotation: 'UBND-VX', subject: 'Về việc…' };
    expect(validateRegister(draft)).toEqual({});
    expect(registerBody(draft, []).codeNumber).toBeUndefined();
    expect(draft.organName).toBe('UBND tỉnh Hà Tĩnh');
  });

  it('refuses a deadline before the issue date, a signer without a name and a non-numeric page count', () => {
    expect(
      validateRegister(incoming({ dueDate: '2026-11-20', signerPosition: 'Thứ trưởng', pageAmount: '2,5' })),
    ).toEqual({
      dueDate: 'doc.form.dueBeforeIssued',
      signer: 'doc.form.signerName',
      pageAmount: 'doc.form.wholeNumber',
    });
  });

  it('sends no empty strings', () => {
    expect(
      registerBody(incoming({ signerPosition: 'Thứ trưởng', signerName: 'Nguyễn Văn A', pageAmount: '3' }), []),
    ).toEqual({
      direction: 'incoming',
      typeName: 'Công văn',
      codeNumber: '1520',
      codeNotation: 'BYT-DP',
      issuedDate: '2026-11-27',
      organ: { organName: 'Bộ Y tế', organId: '000.00.00.G22' },
      subject: 'Về việc tăng cường phòng chống sốt xuất huyết',
      priority: 0,
      signer: { position: 'Thứ trưởng', fullName: 'Nguyễn Văn A' },
      pageAmount: 3,
    });
  });
});
