import type { TaskEvent } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import type { MessageKey, TranslateParams } from '../i18n/index.tsx';
import { vi } from '../i18n/vi.ts';
import { eventHeadline, fileSize } from './timeline.ts';

const translate = (messages: Record<MessageKey, string>) => (key: MessageKey, params?: TranslateParams) =>
  messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params && name in params ? String(params[name]) : whole,
  );

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

const date = (day: string) => day.split('-').reverse().join('/');

describe('timeline entries', () => {
  it('say the progress of a report and the dates of extensions', () => {
    const t = translate(vi);
    expect(eventHeadline(t, event({ kind: 'report', percent: 50 }), date)).toBe('Báo cáo tiến độ: 50%');
    expect(eventHeadline(t, event({ kind: 'extension_requested', dueDate: '2026-12-20' }), date)).toBe(
      'Đề nghị gia hạn đến 20/12/2026',
    );
    expect(eventHeadline(t, event({ kind: 'extension_approved', dueDate: '2026-12-20' }), date)).toBe(
      'Đồng ý gia hạn đến 20/12/2026',
    );
    expect(eventHeadline(t, event({ kind: 'extension_refused' }), date)).toBe('Không đồng ý gia hạn');
    expect(eventHeadline(translate(en), event({ kind: 'reminder' }), date)).toBe('Reminder');
  });

  it('size files as people read them', () => {
    expect(fileSize(820, 'vi')).toBe('820 B');
    expect(fileSize(14_500, 'vi')).toBe('14 KB');
    expect(fileSize(2_500_000, 'vi')).toBe('2,4 MB');
    expect(fileSize(2_500_000, 'en')).toBe('2.4 MB');
  });
});
