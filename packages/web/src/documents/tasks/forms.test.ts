import { describe, expect, it } from 'vitest';
import { availableActions } from './actions.ts';
import {
  type AssignDraft,
  assignBody,
  extensionBody,
  parsePercent,
  reportBody,
  validateAssign,
  validateExtension,
  validateReport,
} from './forms.ts';
import { makeTask } from './testTasks.ts';

const draft = (patch: Partial<AssignDraft> = {}): AssignDraft => ({
  title: '  Kiểm tra phòng chống dịch  ',
  description: '',
  documentId: null,
  leadUnit: 'SYT',
  cooperatingUnits: ['SGDDT'],
  dueDate: '2026-12-15',
  priority: 'high',
  ...patch,
});

describe('assigning a task', () => {
  it('needs a title, a lead unit and a deadline not in the past', () => {
    expect(validateAssign(draft(), '2026-11-27')).toEqual({});
    expect(validateAssign(draft({ title: ' ', leadUnit: '', dueDate: '' }), '2026-11-27')).toEqual({
      title: 'common.required',
      leadUnit: 'common.required',
      dueDate: 'common.required',
    });
    expect(validateAssign(draft({ dueDate: '2026-11-26' }), '2026-11-27').dueDate).toBe('task.form.dueInPast');
    expect(validateAssign(draft({ dueDate: '2026-11-27' }), '2026-11-27')).toEqual({});
  });

  it('refuses the lead unit among the co-operating units', () => {
    expect(validateAssign(draft({ cooperatingUnits: ['SYT'] }), '2026-11-27').cooperatingUnits).toBe(
      'task.form.leadNotCooperating',
    );
  });

  it('sends trimmed text and no empty description', () => {
    expect(assignBody(draft({ documentId: 7 }))).toEqual({
      title: 'Kiểm tra phòng chống dịch',
      description: null,
      documentId: 7,
      leadUnit: 'SYT',
      cooperatingUnits: ['SGDDT'],
      dueDate: '2026-12-15',
      priority: 'high',
    });
  });
});

describe('reporting progress', () => {
  it('takes a whole percentage from 0 to 100', () => {
    expect(parsePercent('50')).toBe(50);
    expect(parsePercent(' 100 ')).toBe(100);
    expect(parsePercent('0')).toBe(0);
    expect(parsePercent('101')).toBeNull();
    expect(parsePercent('-5')).toBeNull();
    expect(parsePercent('12.5')).toBeNull();
    expect(parsePercent('')).toBeNull();
  });

  it('needs a text', () => {
    expect(validateReport('50', 'Đã triển khai')).toEqual({});
    expect(validateReport('150', ' ')).toEqual({ percent: 'task.form.percentRange', text: 'common.required' });
  });

  it('sends files only when there are some', () => {
    expect(reportBody('50', ' Đã xong một nửa ')).toEqual({ percent: 50, text: 'Đã xong một nửa' });
    const file = { name: 'a.pdf', mime: 'application/pdf', contentBase64: 'JVBERi0=' };
    expect(reportBody('100', 'Xong', [file]).files).toEqual([file]);
  });
});

describe('asking for an extension', () => {
  it('needs a later date than the current deadline and a reason', () => {
    expect(validateExtension('2026-12-20', 'Chờ số liệu', '2026-12-15')).toEqual({});
    expect(validateExtension('2026-12-15', 'Chờ số liệu', '2026-12-15').dueDate).toBe('task.form.extensionNotLater');
    expect(validateExtension('', ' ', '2026-12-15')).toEqual({ dueDate: 'common.required', reason: 'common.required' });
    expect(extensionBody('2026-12-20', ' Chờ số liệu ')).toEqual({ dueDate: '2026-12-20', reason: 'Chờ số liệu' });
  });
});

describe('the actions offered on a task', () => {
  const can = {
    report: false,
    requestExtension: false,
    decideExtension: false,
    comment: false,
    remind: false,
    escalate: false,
    cancel: false,
  };

  it("are the API's `can` flags, in the order an officer and a leader use them", () => {
    expect(
      availableActions({ task: makeTask(), timeline: [], can: { ...can, report: true, requestExtension: true } }),
    ).toEqual(['report', 'extension']);
    expect(
      availableActions({
        task: makeTask(),
        timeline: [],
        can: { ...can, comment: true, remind: true, escalate: true, cancel: true, decideExtension: true },
      }),
    ).toEqual(['comment', 'remind', 'escalate', 'cancel']);
  });

  it('does not offer a second extension request while one waits', () => {
    const pending = {
      id: 3,
      requestedDueDate: '2026-12-20',
      reason: 'x',
      requestedAt: '2026-11-27T01:00:00Z',
      requestedBy: 'yte',
    };
    expect(
      availableActions({
        task: makeTask({ extensionPending: pending }),
        timeline: [],
        can: { ...can, report: true, requestExtension: true },
      }),
    ).toEqual(['report']);
  });
});
