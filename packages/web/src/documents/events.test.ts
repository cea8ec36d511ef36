import type { BusEvent } from '@ioc/shared';
import { describe, expect, it } from 'vitest';
import { testTranslators } from '../i18n/testing.ts';
import { describeEvent, eventTitle } from '../live/describeEvent.ts';
import { DOCUMENT_EVENTS } from './events.ts';
import { documentsEn } from './i18n.en.ts';
import { documentsVi } from './i18n.vi.ts';
import { tasksEn } from './tasks/i18n.en.ts';
import { tasksVi } from './tasks/i18n.vi.ts';

const { tVi, tEn } = testTranslators({ vi: documentsVi, en: documentsEn }, { vi: tasksVi, en: tasksEn });
const at = '2026-11-27T02:00:00Z';

describe('live events of directed tasks and documents', () => {
  it('say what happened to a task, in both languages', () => {
    const event: BusEvent<'task.updated'> = {
      name: 'task.updated',
      payload: { id: 12, kind: 'report', leadUnit: 'SYT', state: 'in_progress', at },
      orgUnit: null,
      at,
    };
    expect(describeEvent(tVi, event, 'vi', DOCUMENT_EVENTS)).toBe(
      'Nhiệm vụ #12 (SYT): Báo cáo tiến độ — đang thực hiện',
    );
    expect(describeEvent(tEn, event, 'en', DOCUMENT_EVENTS)).toBe('Task #12 (SYT): Progress report — in progress');
    expect(eventTitle(tVi, event, DOCUMENT_EVENTS)).toBe('Nhiệm vụ cập nhật');
  });

  it('keep a kind it does not know as sent', () => {
    const event: BusEvent<'task.updated'> = {
      name: 'task.updated',
      payload: { id: 3, kind: 'reassigned', leadUnit: 'SXD', state: 'overdue', at },
      orgUnit: null,
      at,
    };
    expect(describeEvent(tVi, event, 'vi', DOCUMENT_EVENTS)).toBe('Nhiệm vụ #3 (SXD): reassigned — quá hạn');
  });

  it('name a registered document and its register', () => {
    const event: BusEvent<'document.registered'> = {
      name: 'document.registered',
      payload: { id: 5, direction: 'incoming', label: '1520/BYT-DP' },
      orgUnit: null,
      at,
    };
    expect(describeEvent(tVi, event, 'vi', DOCUMENT_EVENTS)).toBe('Văn bản đến 1520/BYT-DP đã vào sổ');
    const outgoing = { ...event, payload: { ...event.payload, direction: 'outgoing' as const } };
    expect(describeEvent(tEn, outgoing, 'en', DOCUMENT_EVENTS)).toBe('Outgoing document 1520/BYT-DP registered');
  });

  it('leave an event of another subsystem to its own descriptions', () => {
    const event: BusEvent<'user.updated'> = {
      name: 'user.updated',
      payload: { id: 1, username: 'a' },
      orgUnit: null,
      at,
    };
    expect(describeEvent(tVi, event, 'vi', DOCUMENT_EVENTS)).toBe('');
    expect(eventTitle(tVi, event, DOCUMENT_EVENTS)).toBe('user.updated');
  });
});
