import type { BusEvent } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import type { MessageKey, TranslateParams } from '../i18n/index.tsx';
import { vi } from '../i18n/vi.ts';
import { describeEvent, EVENT_TITLE_KEYS } from './describeEvent.ts';

const translate = (messages: Record<MessageKey, string>) => (key: MessageKey, params?: TranslateParams) =>
  messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params && name in params ? String(params[name]) : whole,
  );

const at = '2026-11-27T02:00:00Z';

describe('live events of directed tasks and documents', () => {
  it('say what happened to a task, in both languages', () => {
    const event: BusEvent<'task.updated'> = {
      name: 'task.updated',
      payload: { id: 12, kind: 'report', leadUnit: 'SYT', state: 'in_progress', at },
      orgUnit: null,
      at,
    };
    expect(describeEvent(translate(vi), event, 'vi')).toBe('Nhiệm vụ #12 (SYT): Báo cáo tiến độ — đang thực hiện');
    expect(describeEvent(translate(en), event, 'en')).toBe('Task #12 (SYT): Progress report — in progress');
    expect(vi[EVENT_TITLE_KEYS['task.updated']]).toBe('Nhiệm vụ cập nhật');
  });

  it('keep a kind it does not know as sent', () => {
    const event: BusEvent<'task.updated'> = {
      name: 'task.updated',
      payload: { id: 3, kind: 'reassigned', leadUnit: 'SXD', state: 'overdue', at },
      orgUnit: null,
      at,
    };
    expect(describeEvent(translate(vi), event, 'vi')).toBe('Nhiệm vụ #3 (SXD): reassigned — quá hạn');
  });

  it('name a registered document and its register', () => {
    const event: BusEvent<'document.registered'> = {
      name: 'document.registered',
      payload: { id: 5, direction: 'incoming', label: '1520/BYT-DP' },
      orgUnit: null,
      at,
    };
    expect(describeEvent(translate(vi), event, 'vi')).toBe('Văn bản đến 1520/BYT-DP đã vào sổ');
    expect(describeEvent(translate(en), { ...event, payload: { ...event.payload, direction: 'outgoing' } }, 'en')).toBe(
      'Outgoing document 1520/BYT-DP registered',
    );
  });
});
