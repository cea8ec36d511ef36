import type { ExtensionRequest, StoredFile, Task, TaskEvent, TaskEventKind, TaskPriority, TaskUnit } from '@ioc/shared';
import { labelOf } from '../document-view.ts';
import { lateness, type TaskFacts, taskState } from './state.ts';
import type { TaskEventRow, TaskRow } from './tasks.repo.ts';

export function factsOf(
  row: Pick<TaskRow, 'due_date' | 'progress' | 'last_report_at' | 'completed_on' | 'cancelled_at'>,
): TaskFacts {
  return {
    dueDate: row.due_date,
    progress: Number(row.progress),
    lastReportAt: row.last_report_at,
    completedOn: row.completed_on,
    cancelledAt: row.cancelled_at,
  };
}

export interface TaskContext {
  today: string;
  nearlyDueDays: number;
  unit: (code: string) => TaskUnit;
  units: Map<number, { code: string; role: string }[]>;
  documents: Map<number, { code_number: string; code_notation: string; subject: string }>;
  pending: Map<number, ExtensionRequest>;
}

export function toTask(row: TaskRow, ctx: TaskContext): Task {
  const id = Number(row.id);
  const facts = factsOf(row);
  const doc = row.document_id === null ? undefined : ctx.documents.get(Number(row.document_id));
  const { daysLeft, daysLate } = lateness(facts, ctx.today);
  return {
    id,
    title: row.title,
    description: row.description,
    document:
      doc && row.document_id !== null
        ? { id: Number(row.document_id), label: labelOf(doc.code_number, doc.code_notation), subject: doc.subject }
        : null,
    assignedBy: { id: row.assigned_by_id === null ? null : Number(row.assigned_by_id), name: row.assigned_by_name },
    leadUnit: ctx.unit(row.lead_unit),
    cooperatingUnits: (ctx.units.get(id) ?? []).filter((u) => u.role !== 'lead').map((u) => ctx.unit(u.code)),
    priority: row.priority as TaskPriority,
    assignedAt: row.assigned_at,
    dueDate: row.due_date,
    originalDueDate: row.original_due_date,
    progress: Number(row.progress),
    state: taskState(facts, ctx.today, ctx.nearlyDueDays),
    daysLeft,
    daysLate,
    completedAt: row.completed_at,
    cancelledAt: row.cancelled_at,
    extensionPending: ctx.pending.get(id) ?? null,
    extensions: Number(row.extensions),
    reminders: Number(row.reminders),
    escalated: Number(row.escalated) === 1,
    lastReportAt: row.last_report_at,
  };
}

export function toEvent(row: TaskEventRow, files: StoredFile[], unit: (code: string) => TaskUnit): TaskEvent {
  return {
    id: Number(row.id),
    kind: row.kind as TaskEventKind,
    at: row.at,
    actor: row.actor_name,
    unit: row.unit === null ? null : unit(row.unit),
    text: row.text,
    percent: row.percent === null ? null : Number(row.percent),
    dueDate: row.due_date,
    files,
  };
}
