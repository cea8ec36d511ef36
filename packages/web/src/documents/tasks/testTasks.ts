import type { Task, TaskUnitFigures } from '@ioc/shared';

/** A task as the API returns it, with what a test does not care about filled in. */
export function makeTask(patch: Partial<Task> = {}): Task {
  return {
    id: 1,
    title: 'Báo cáo tình hình dịch sốt xuất huyết',
    description: null,
    document: null,
    assignedBy: { id: 2, name: 'Nguyễn Văn Minh' },
    leadUnit: { code: 'SYT', name: 'Sở Y tế', nameEn: 'Department of Health', kind: 'department' },
    cooperatingUnits: [],
    priority: 'normal',
    assignedAt: '2026-11-01T02:00:00.000Z',
    dueDate: '2026-12-01',
    originalDueDate: '2026-12-01',
    progress: 0,
    state: 'not_started',
    daysLeft: 4,
    daysLate: 0,
    completedAt: null,
    cancelledAt: null,
    extensionPending: null,
    extensions: 0,
    reminders: 0,
    escalated: false,
    lastReportAt: null,
    ...patch,
  };
}

export function makeFigures(code: string, patch: Partial<TaskUnitFigures> = {}): TaskUnitFigures {
  return {
    unit: { code, name: `Đơn vị ${code}`, nameEn: `Unit ${code}`, kind: 'department' },
    assigned: 10,
    open: 2,
    overdue: 0,
    nearlyDue: 0,
    doneOnTime: 8,
    doneLate: 0,
    cancelled: 0,
    onTimeRate: 100,
    averageDelayDays: null,
    remindersThisYear: 0,
    ...patch,
  };
}
