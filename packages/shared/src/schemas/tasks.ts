import { type Static, Type } from 'typebox';
import { LocalDate, Nullable, RowId, RowOffset } from './common.ts';
import { InlineFile, StoredFile } from './documents.ts';

/**
 * Where a directed task stands today. Open tasks are `not_started`, `in_progress`, `nearly_due` (deadline within the
 * configured days) or `overdue`; closed ones `done_on_time`, `done_late` or `cancelled`.
 */
export const TASK_STATES = [
  'not_started',
  'in_progress',
  'nearly_due',
  'overdue',
  'done_on_time',
  'done_late',
  'cancelled',
] as const;
export const TaskState = Type.Union([
  Type.Literal('not_started'),
  Type.Literal('in_progress'),
  Type.Literal('nearly_due'),
  Type.Literal('overdue'),
  Type.Literal('done_on_time'),
  Type.Literal('done_late'),
  Type.Literal('cancelled'),
]);
export type TaskState = (typeof TASK_STATES)[number];

export const TaskPriority = Type.Union([Type.Literal('normal'), Type.Literal('high'), Type.Literal('urgent')]);
export type TaskPriority = Static<typeof TaskPriority>;

export const TaskUnit = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  kind: Type.Union([Type.Literal('department'), Type.Literal('commune'), Type.Literal('other')]),
});
export type TaskUnit = Static<typeof TaskUnit>;

export const ExtensionRequest = Type.Object({
  id: Type.Integer(),
  requestedDueDate: Type.String(),
  reason: Type.String(),
  requestedAt: Type.String(),
  requestedBy: Type.String(),
});
export type ExtensionRequest = Static<typeof ExtensionRequest>;

export const Task = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  description: Nullable(Type.String()),
  document: Nullable(Type.Object({ id: Type.Integer(), label: Type.String(), subject: Type.String() })),
  assignedBy: Type.Object({ id: Nullable(Type.Integer()), name: Type.String() }),
  leadUnit: TaskUnit,
  cooperatingUnits: Type.Array(TaskUnit),
  priority: TaskPriority,
  assignedAt: Type.String(),
  dueDate: Type.String({ description: 'current deadline (after approved extensions)' }),
  originalDueDate: Type.String(),
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  state: TaskState,
  /** Open: days left (negative when overdue); closed: null. */
  daysLeft: Nullable(Type.Integer()),
  /** Done late: days after the deadline; overdue: days past it so far; else 0. */
  daysLate: Type.Integer(),
  completedAt: Nullable(Type.String()),
  cancelledAt: Nullable(Type.String()),
  extensionPending: Nullable(ExtensionRequest),
  extensions: Type.Integer({ description: 'approved extensions' }),
  reminders: Type.Integer(),
  escalated: Type.Boolean(),
  lastReportAt: Nullable(Type.String()),
});
export type Task = Static<typeof Task>;

export const TASK_EVENT_KINDS = [
  'assigned',
  'report',
  'extension_requested',
  'extension_approved',
  'extension_refused',
  'comment',
  'reminder',
  'escalated',
  'cancelled',
  'completed',
] as const;
export type TaskEventKind = (typeof TASK_EVENT_KINDS)[number];

export const TaskEvent = Type.Object({
  id: Type.Integer(),
  kind: Type.Union([
    Type.Literal('assigned'),
    Type.Literal('report'),
    Type.Literal('extension_requested'),
    Type.Literal('extension_approved'),
    Type.Literal('extension_refused'),
    Type.Literal('comment'),
    Type.Literal('reminder'),
    Type.Literal('escalated'),
    Type.Literal('cancelled'),
    Type.Literal('completed'),
  ]),
  at: Type.String(),
  actor: Type.String(),
  unit: Nullable(TaskUnit),
  text: Nullable(Type.String()),
  percent: Nullable(Type.Integer()),
  dueDate: Nullable(Type.String({ description: 'requested or granted deadline' })),
  files: Type.Array(StoredFile),
});
export type TaskEvent = Static<typeof TaskEvent>;

export const TaskDetail = Type.Object({
  task: Task,
  timeline: Type.Array(TaskEvent),
  /** What the caller may do now, so the page shows only the buttons that will work. */
  can: Type.Object({
    report: Type.Boolean(),
    requestExtension: Type.Boolean(),
    decideExtension: Type.Boolean(),
    comment: Type.Boolean(),
    remind: Type.Boolean(),
    escalate: Type.Boolean(),
    cancel: Type.Boolean(),
  }),
});
export type TaskDetail = Static<typeof TaskDetail>;

export const CreateTaskBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 500 }),
    description: Type.Optional(Nullable(Type.String({ maxLength: 5000 }))),
    documentId: Type.Optional(Nullable(RowId())),
    leadUnit: Type.String({ minLength: 1, maxLength: 40, description: 'agency code, e.g. SYT' }),
    cooperatingUnits: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 50 })),
    dueDate: LocalDate,
    priority: Type.Optional(TaskPriority),
  },
  { additionalProperties: false },
);
export type CreateTaskBody = Static<typeof CreateTaskBody>;

export const TaskReportBody = Type.Object(
  {
    percent: Type.Integer({ minimum: 0, maximum: 100, description: '100 completes the task' }),
    text: Type.String({ minLength: 1, maxLength: 5000 }),
    files: Type.Optional(Type.Array(InlineFile, { maxItems: 10 })),
  },
  { additionalProperties: false },
);
export type TaskReportBody = Static<typeof TaskReportBody>;

export const ExtensionRequestBody = Type.Object(
  { dueDate: LocalDate, reason: Type.String({ minLength: 1, maxLength: 2000 }) },
  { additionalProperties: false },
);
export type ExtensionRequestBody = Static<typeof ExtensionRequestBody>;

/** An extension request of a task: `/tasks/:id/extensions/:extensionId`. */
export const ExtensionParams = Type.Object({ id: RowId(), extensionId: RowId() });
export type ExtensionParams = Static<typeof ExtensionParams>;

export const ExtensionDecisionBody = Type.Object(
  { approve: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export type ExtensionDecisionBody = Static<typeof ExtensionDecisionBody>;

export const TaskNoteBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 5000 }) },
  { additionalProperties: false },
);
export type TaskNoteBody = Static<typeof TaskNoteBody>;

export const TaskListQuery = Type.Object(
  {
    state: Type.Optional(TaskState),
    open: Type.Optional(Type.Boolean({ description: 'only tasks not yet done or cancelled' })),
    unit: Type.Optional(Type.String({ maxLength: 40, description: 'lead or co-operating unit' })),
    documentId: Type.Optional(RowId()),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    dueFrom: Type.Optional(LocalDate),
    dueTo: Type.Optional(LocalDate),
    sort: Type.Optional(Type.Union([Type.Literal('due'), Type.Literal('lateness'), Type.Literal('recent')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(RowOffset),
  },
  { additionalProperties: false },
);
export type TaskListQuery = Static<typeof TaskListQuery>;

export const TaskPage = Type.Object({ tasks: Type.Array(Task), total: Type.Integer() });
export type TaskPage = Static<typeof TaskPage>;

export const TaskUnitFigures = Type.Object({
  unit: TaskUnit,
  assigned: Type.Integer(),
  open: Type.Integer(),
  overdue: Type.Integer(),
  nearlyDue: Type.Integer(),
  doneOnTime: Type.Integer(),
  doneLate: Type.Integer(),
  cancelled: Type.Integer(),
  onTimeRate: Nullable(Type.Number({ description: 'done on time ÷ (done on time + done late + overdue), %' })),
  averageDelayDays: Nullable(Type.Number({ description: 'mean days late over done-late and overdue tasks' })),
  remindersThisYear: Type.Integer(),
});
export type TaskUnitFigures = Static<typeof TaskUnitFigures>;

export const TaskSummaryQuery = Type.Object(
  {
    year: Type.Optional(Type.Integer({ minimum: 1945, maximum: 2200 })),
    from: Type.Optional(LocalDate),
    to: Type.Optional(LocalDate),
  },
  { additionalProperties: false },
);
export type TaskSummaryQuery = Static<typeof TaskSummaryQuery>;

export const TaskSummary = Type.Object({
  from: Type.String(),
  to: Type.String(),
  today: Type.String(),
  nearlyDueDays: Type.Integer(),
  scope: Nullable(
    Type.Array(TaskUnit, {
      description:
        'the agencies whose tasks the figures count, as lead or co-operating unit (as the task lists do); null: every task',
    }),
  ),
  carriedOver: Type.Integer({
    description: 'tasks assigned before `from` and still open, counted because the span runs to today',
  }),
  byState: Type.Record(Type.String(), Type.Integer()),
  total: TaskUnitFigures,
  /** Units ranked by on-time rate, best first; units with nothing due yet last. */
  units: Type.Array(TaskUnitFigures),
  reviewThreshold: Type.Integer({ description: 'reminders in a year that call for a review of the unit head' }),
});
export type TaskSummary = Static<typeof TaskSummary>;

export const TaskTrend = Type.Object({
  points: Type.Array(
    Type.Object({ date: Type.String(), open: Type.Integer(), overdue: Type.Integer(), assigned: Type.Integer() }),
  ),
});
export type TaskTrend = Static<typeof TaskTrend>;

export const TaskTrendQuery = Type.Object(
  { months: Type.Optional(Type.Integer({ minimum: 1, maximum: 36 })) },
  { additionalProperties: false },
);
export type TaskTrendQuery = Static<typeof TaskTrendQuery>;
