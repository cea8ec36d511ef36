import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { formulaProblems, insertAtCursor, lineAt, problemRange, referenceText } from './formula.ts';
import { describeFormulaProblem } from './formulaMessages.ts';
import { tEn, tVi } from './testTranslators.ts';

describe('inserting a reference at the cursor', () => {
  it('writes each kind of reference as the formula grammar wants it', () => {
    expect(referenceText('element', 'POP')).toBe('#{POP}');
    expect(referenceText('element', 'POP', 'FEMALE')).toBe('#{POP.FEMALE}');
    expect(referenceText('indicator', 'GRDP_PER_CAPITA')).toBe('I{GRDP_PER_CAPITA}');
    expect(referenceText('constant', 'VND_PER_USD')).toBe('C{VND_PER_USD}');
  });

  it('inserts into an empty formula with no padding, the caret after it', () => {
    expect(insertAtCursor('', 0, 0, '#{POP}')).toEqual({ text: '#{POP}', caret: 6 });
  });

  it('puts a space between the reference and what it would touch', () => {
    expect(insertAtCursor('#{GRDP} /', 9, 9, '#{POP}')).toEqual({ text: '#{GRDP} / #{POP}', caret: 16 });
    expect(insertAtCursor('* 100', 0, 0, '#{A}')).toEqual({ text: '#{A} * 100', caret: 4 });
    expect(insertAtCursor('#{A}/#{B}', 5, 5, 'C{K}')).toEqual({ text: '#{A}/ C{K} #{B}', caret: 10 });
  });

  it('needs no space after an opening or before a closing bracket, nor next to an existing space', () => {
    expect(insertAtCursor('(#{A} + )', 8, 8, '#{B}')).toEqual({ text: '(#{A} + #{B})', caret: 12 });
    expect(insertAtCursor('()', 1, 1, '#{B}')).toEqual({ text: '(#{B})', caret: 5 });
  });

  it('replaces the selected text, whichever way it was selected', () => {
    const formula = '#{POPX} * 2';
    expect(insertAtCursor(formula, 0, 7, '#{POP}')).toEqual({ text: '#{POP} * 2', caret: 6 });
    expect(insertAtCursor(formula, 7, 0, '#{POP}')).toEqual({ text: '#{POP} * 2', caret: 6 });
  });

  it('keeps a cursor outside the text inside it', () => {
    expect(insertAtCursor('#{A} +', 99, 99, '#{B}').text).toBe('#{A} + #{B}');
    expect(insertAtCursor('#{A}', -3, -3, '#{B}').text).toBe('#{B} #{A}');
  });
});

describe('marking where the server refused a formula', () => {
  const refusal = new ApiError(400, 'VALIDATION_FAILED', 'The formula was refused', [
    { field: '/formula', rule: 'formula', limit: 12, message: "unknown data element 'POPX' at 12" },
    { field: '/formula', rule: 'formula', limit: 0, message: "unknown constant 'K' at 0" },
    { field: '/name', rule: 'minLength', limit: 1, message: 'must NOT have fewer than 1 characters' },
  ]);

  it('reads the formula problems of one field in order of position, without the " at N" tail', () => {
    expect(formulaProblems(refusal, 'formula')).toEqual([
      { position: 0, message: "unknown constant 'K'" },
      { position: 12, message: "unknown data element 'POPX'" },
    ]);
    expect(formulaProblems(refusal, 'left')).toEqual([]);
    expect(formulaProblems(new Error('network'), 'formula')).toEqual([]);
  });

  it('marks the whole reference, word or number at the position, or one character', () => {
    const formula = '#{GRDP} / (#{POPX} * 1e3';
    expect(problemRange(formula, 11)).toEqual([11, 18]);
    expect(formula.slice(11, 18)).toBe('#{POPX}');
    expect(problemRange(formula, 21)).toEqual([21, 24]);
    expect(problemRange(formula, 8)).toEqual([8, 9]);
    expect(problemRange(formula, formula.length)).toEqual([formula.length, formula.length]);
    expect(problemRange('#{POP + 1', 0)).toEqual([0, 5]);
  });

  it('finds the line and column of a position in a formula written on several lines', () => {
    const formula = '#{A}\n+ #{BX}';
    expect(lineAt(formula, 7)).toEqual({ text: '+ #{BX}', column: 2, line: 2 });
    expect(lineAt(formula, 0)).toEqual({ text: '#{A}', column: 0, line: 1 });
    expect(lineAt('\n#{A}', 0)).toEqual({ text: '', column: 0, line: 1 });
  });

  it('words the problem in Vietnamese and English, never English in Vietnamese', () => {
    const unknown = { position: 12, message: "unknown data element 'POPX'" };
    expect(describeFormulaProblem(unknown, tVi, 'vi')).toBe('Không có phần tử dữ liệu POPX trong danh mục.');
    expect(describeFormulaProblem(unknown, tEn, 'en')).toBe('There is no data element POPX in the catalogue.');
    const cycle = { position: 0, message: 'cycle: AA → BB → AA' };
    expect(describeFormulaProblem(cycle, tVi, 'vi')).toBe('Tham chiếu vòng tròn: AA → BB → AA.');
    const bare = { position: 0, message: "unknown name 'POP' (a data element is written #{POP})" };
    expect(describeFormulaProblem(bare, tVi, 'vi')).toBe('Không hiểu "POP": phần tử dữ liệu viết là #{POP}.');
    const strange = { position: 3, message: 'something new the server says' };
    expect(describeFormulaProblem(strange, tVi, 'vi')).toBe('Công thức không hợp lệ ở chỗ được đánh dấu.');
    expect(describeFormulaProblem(strange, tEn, 'en')).toBe('something new the server says');
  });
});
