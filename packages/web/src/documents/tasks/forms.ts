import type { CreateTaskBody, ExtensionRequestBody, TaskPriority, TaskReportBody } from '@ioc/shared';
import { dayOf } from '../../calendar/days.ts';
import type { MessageKey } from '../../i18n/index.tsx';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface AssignDraft {
  title: string;
  description: string;
  documentId: number | null;
  leadUnit: string;
  cooperatingUnits: string[];
  dueDate: string;
  priority: TaskPriority;
}

export type AssignField = 'title' | 'leadUnit' | 'dueDate' | 'cooperatingUnits';
export type FormErrors<F extends string> = Partial<Record<F, MessageKey>>;

/** What the leader must fix before a task can be sent: checked in the browser so the form answers at once. */
export function validateAssign(draft: AssignDraft, today: string): FormErrors<AssignField> {
  const errors: FormErrors<AssignField> = {};
  if (!draft.title.trim()) errors.title = 'common.required';
  if (!draft.leadUnit) errors.leadUnit = 'common.required';
  if (!LOCAL_DATE.test(draft.dueDate)) errors.dueDate = 'common.required';
  else if (draft.dueDate < today) errors.dueDate = 'task.form.dueInPast';
  if (draft.cooperatingUnits.includes(draft.leadUnit)) errors.cooperatingUnits = 'task.form.leadNotCooperating';
  return errors;
}

export function assignBody(draft: AssignDraft): CreateTaskBody {
  const description = draft.description.trim();
  return {
    title: draft.title.trim(),
    description: description || null,
    documentId: draft.documentId,
    leadUnit: draft.leadUnit,
    cooperatingUnits: draft.cooperatingUnits.filter((code) => code !== draft.leadUnit),
    dueDate: draft.dueDate,
    priority: draft.priority,
  };
}

/** A percentage typed or slid: a whole number 0–100, else null. */
export function parsePercent(value: string): number | null {
  if (!/^\s*\d{1,3}\s*$/.test(value)) return null;
  const percent = Number(value);
  return percent >= 0 && percent <= 100 ? percent : null;
}

export type ReportField = 'percent' | 'text';

export function validateReport(percent: string, text: string): FormErrors<ReportField> {
  const errors: FormErrors<ReportField> = {};
  if (parsePercent(percent) === null) errors.percent = 'task.form.percentRange';
  if (!text.trim()) errors.text = 'common.required';
  return errors;
}

export function reportBody(percent: string, text: string, files: TaskReportBody['files'] = []): TaskReportBody {
  const body: TaskReportBody = { percent: parsePercent(percent) ?? 0, text: text.trim() };
  if (files.length > 0) body.files = files;
  return body;
}

export type ExtensionField = 'dueDate' | 'reason';

/** A new deadline must be later than the current one, and a reason given. */
export function validateExtension(dueDate: string, reason: string, currentDue: string): FormErrors<ExtensionField> {
  const errors: FormErrors<ExtensionField> = {};
  if (!LOCAL_DATE.test(dueDate)) errors.dueDate = 'common.required';
  else if (dueDate <= dayOf(currentDue)) errors.dueDate = 'task.form.extensionNotLater';
  if (!reason.trim()) errors.reason = 'common.required';
  return errors;
}

export function extensionBody(dueDate: string, reason: string): ExtensionRequestBody {
  return { dueDate, reason: reason.trim() };
}
