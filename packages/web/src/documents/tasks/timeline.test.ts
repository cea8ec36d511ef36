import type { TaskEvent } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { testTranslators } from '../../i18n/testing.ts';
import { tasksEn } from './i18n.en.ts';
import { tasksVi } from './i18n.vi.ts';
import { eventHeadline } from './timeline.ts';

const { tVi, tEn } = testTranslators({ vi: tasksVi, en: tasksEn });

const event = (patch: Partial<TaskEvent>): TaskEvent => ({
  id: 1,
  kind: 'comment',
  at: '2026-11-27T02:00:00Z',
  actor: 'Nguyễn Văn Minh',
  unit: null,
  text: null,
  percent: null,
  dueDate: null,
  files: [],
  ...patch,
});

describe('timeline entries', () => {
  it('say the progress of a report and the dates of extensions', () => {
    expect(eventHeadline(tVi, event({ kind: 'report', percent: 50 }))).toBe('Báo cáo tiến độ: 50%');
    expect(eventHeadline(tVi, event({ kind: 'extension_requested', dueDate: '2026-12-20' }))).toBe(
      'Đề nghị gia hạn đến 20/12/2026',
    );
    expect(eventHeadline(tVi, event({ kind: 'extension_approved', dueDate: '2026-12-20' }))).toBe(
      'Đồng ý gia hạn đến 20/12/2026',
    );
    expect(eventHeadline(tEn, event({ kind: 'extension_approved', dueDate: '2026-12-20' }))).toBe(
      'Extension approved until 20/12/2026',
    );
    expect(eventHeadline(tVi, event({ kind: 'extension_refused' }))).toBe('Không đồng ý gia hạn');
    expect(eventHeadline(tEn, event({ kind: 'reminder' }))).toBe('Reminder');
  });
});
