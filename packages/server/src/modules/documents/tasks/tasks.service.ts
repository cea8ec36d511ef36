import type {
  Agency,
  CreateTaskBody,
  ExtensionDecisionBody,
  ExtensionRequestBody,
  TaskDetail,
  TaskListQuery,
  TaskNoteBody,
  TaskPage,
  TaskReportBody,
  TaskUnit,
} from '@ioc/shared';
import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { forbidden, invalid, notFound } from '../../../errors.ts';
import type { Platform } from '../../../platform.ts';
import type { AgencyService } from '../../agencies/agencies.service.ts';
import { normalizeName } from '../../agencies/agencies.ts';
import { auditedWrite } from '../../audit/audit.service.ts';
import { type Actor, shownName } from '../../auth/actor.ts';
import { dayIndexOf, localDateOf } from '../../calendar/local-time.ts';
import type { OrgUnitService } from '../../orgunits/orgunits.service.ts';
import { findDocument } from '../documents.repo.ts';
import { checkInlineFiles } from '../files/file-checks.ts';
import * as files from '../files/files.repo.ts';
import { wordsOf } from '../terms.ts';
import { nearlyDueUntil } from './state.ts';
import { actingUnit, unitsOfActor } from './task-access.ts';
import type { TaskAlerts } from './task-alerts.ts';
import { type TaskContext, toEvent, toTask } from './task-view.ts';
import * as repo from './tasks.repo.ts';

type NoteKind = 'comment' | 'reminder' | 'escalated' | 'cancelled';

interface Change {
  kind: string;
  unit?: string | null;
  text?: string | null;
  percent?: number | null;
  dueDate?: string | null;
  task?: Parameters<typeof repo.updateTask>[2];
  files?: ReturnType<typeof checkInlineFiles>;
  also?: (trx: Transaction<Database>) => Promise<void>;
}

/** Directed tasks: who may see and do what, every change as a timeline event and an audit entry. */
export class TaskService {
  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
    private readonly agencies: AgencyService,
    private readonly alerts: TaskAlerts,
  ) {}

  private today(): string {
    return localDateOf(this.platform.now().getTime());
  }

  private async unitLookup(): Promise<{ list: Agency[]; unit: (code: string) => TaskUnit }> {
    const list = await this.agencies.list();
    const byCode = new Map(list.map((a) => [a.code, a]));
    return {
      list,
      unit: (code) => {
        const a = byCode.get(code);
        return { code, name: a?.name ?? code, nameEn: a?.nameEn ?? code, kind: a?.kind ?? 'other' };
      },
    };
  }

  /** Agencies that can lead a task: departments first, then communes, each by name. */
  async units(): Promise<TaskUnit[]> {
    const { list } = await this.unitLookup();
    const order = { department: 0, commune: 1, other: 2 } as const;
    return list
      .sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name, 'vi'))
      .map((a) => ({ code: a.code, name: a.name, nameEn: a.nameEn, kind: a.kind }));
  }

  private async context(rows: repo.TaskRow[], unit: (code: string) => TaskUnit): Promise<TaskContext> {
    const { db, config } = this.platform;
    const ids = rows.map((r) => Number(r.id));
    const docIds = [...new Set(rows.flatMap((r) => (r.document_id === null ? [] : [Number(r.document_id)])))];
    const [units, pendingRows, docRows] = await Promise.all([
      repo.unitsOf(db, ids),
      repo.pendingExtensions(db, ids),
      Promise.all(docIds.map((id) => findDocument(db, id))),
    ]);
    const documents = new Map(docRows.flatMap((d) => (d ? [[Number(d.id), d] as const] : [])));
    const pending = new Map(
      pendingRows.map((p) => [
        Number(p.task_id),
        {
          id: Number(p.id),
          requestedDueDate: p.requested_due_date,
          reason: p.reason,
          requestedAt: p.requested_at,
          requestedBy: p.requested_by,
        },
      ]),
    );
    return { today: this.today(), nearlyDueDays: config.taskNearlyDueDays, unit, units, documents, pending };
  }

  async list(actor: Actor, query: TaskListQuery): Promise<TaskPage> {
    const { db, config } = this.platform;
    const lookup = await this.unitLookup();
    const today = this.today();
    const { rows, total } = await repo.listTasks(db, {
      units: await unitsOfActor(actor, lookup.list, this.orgUnits, this.platform.config.rootUnit),
      ...(query.state ? { state: query.state } : {}),
      ...(query.open !== undefined ? { open: query.open } : {}),
      ...(query.unit ? { unit: query.unit } : {}),
      ...(query.documentId !== undefined ? { documentId: query.documentId } : {}),
      ...(query.dueFrom ? { dueFrom: query.dueFrom } : {}),
      ...(query.dueTo ? { dueTo: query.dueTo } : {}),
      words: wordsOf(query.q ?? ''),
      sort: query.sort ?? 'due',
      limit: query.limit ?? 100,
      offset: query.offset ?? 0,
      today,
      nearlyDueUntil: nearlyDueUntil(today, config.taskNearlyDueDays),
    });
    const ctx = await this.context(rows, lookup.unit);
    return { tasks: rows.map((r) => toTask(r, ctx)), total };
  }

  async detail(actor: Actor, id: number): Promise<TaskDetail> {
    return (await this.view(actor, id)).detail;
  }

  /** A task as the caller sees it, with the stored row and the unit the caller acts for (what a change needs). */
  private async view(actor: Actor, id: number) {
    const { db } = this.platform;
    const lookup = await this.unitLookup();
    const row = await repo.findTask(db, id);
    const actorUnits = await unitsOfActor(actor, lookup.list, this.orgUnits, this.platform.config.rootUnit);
    const ctx = row ? await this.context([row], lookup.unit) : null;
    const codes = (ctx?.units.get(id) ?? []).map((u) => u.code);
    if (!row || !ctx || (actorUnits !== null && !codes.some((c) => actorUnits.includes(c)))) {
      throw notFound(`Task ${id}`);
    }
    const task = toTask(row, ctx);
    const events = await repo.eventsOf(db, id);
    const eventFiles = await files.filesOf(
      db,
      'task_event',
      events.map((e) => Number(e.id)),
    );
    const acting = actingUnit(actor, actorUnits, row.lead_unit, codes);
    const open = task.completedAt === null && task.cancelledAt === null;
    const assigns = actor.permissions.has('tasks.assign');
    const writes = actor.permissions.has('tasks.write');
    const isAssigner =
      row.assigned_by_id === null || (actor.type === 'user' && actor.id === Number(row.assigned_by_id));
    const reports = writes && open && acting === row.lead_unit;
    const detail: TaskDetail = {
      task,
      timeline: events.map((e) => toEvent(e, eventFiles.get(Number(e.id)) ?? [], lookup.unit)),
      can: {
        report: reports,
        requestExtension: reports && task.extensionPending === null,
        decideExtension: assigns && task.extensionPending !== null && isAssigner,
        comment: assigns || (writes && acting !== null),
        remind: assigns && open,
        escalate: assigns && open && !task.escalated,
        cancel: assigns && open,
      },
    };
    return { detail, row, acting };
  }

  /** A report's file is for those who may see its task. */
  async checkEventVisible(actor: Actor, eventId: number): Promise<void> {
    const taskId = await repo.taskOfEvent(this.platform.db, eventId);
    if (taskId === null) throw notFound(`Task event ${eventId}`);
    await this.detail(actor, taskId);
  }

  async create(actor: Actor, body: CreateTaskBody): Promise<TaskDetail> {
    const { db, now } = this.platform;
    const { list } = await this.unitLookup();
    const known = new Set(list.map((a) => a.code));
    const cooperating = [...new Set(body.cooperatingUnits ?? [])];
    const problems = [
      ...(known.has(body.leadUnit)
        ? []
        : [{ field: '/leadUnit', message: `unknown unit ${body.leadUnit}`, rule: 'unit' }]),
      ...cooperating.flatMap((code, i) =>
        !known.has(code)
          ? [{ field: `/cooperatingUnits/${i}`, message: `unknown unit ${code}`, rule: 'unit' }]
          : code === body.leadUnit
            ? [{ field: `/cooperatingUnits/${i}`, message: 'the lead unit cannot also co-operate', rule: 'unit' }]
            : [],
      ),
    ];
    const today = this.today();
    if (!isDate(body.dueDate)) problems.push({ field: '/dueDate', message: 'not a calendar date', rule: 'date' });
    else if (body.dueDate < today)
      problems.push({ field: '/dueDate', message: `before today (${today})`, rule: 'date' });
    let docLabel = '';
    if (body.documentId) {
      const doc = await findDocument(db, body.documentId);
      if (!doc) problems.push({ field: '/documentId', message: `no document ${body.documentId}`, rule: 'exists' });
      else docLabel = `${doc.code_number}/${doc.code_notation}`;
    }
    if (problems.length > 0) throw invalid(`The task cannot be assigned: ${problems[0]?.message}`, problems);
    const at = now().toISOString();
    const id = await auditedWrite(
      db,
      actor,
      { action: 'tasks.assign', entityType: 'task', entityId: null },
      async (trx) => {
        const taskId = await repo.insertTask(
          trx,
          {
            title: body.title,
            description: body.description ?? null,
            document_id: body.documentId ?? null,
            assigned_by_id: actor.type === 'user' ? actor.id : null,
            assigned_by_name: shownName(actor),
            lead_unit: body.leadUnit,
            priority: body.priority ?? 'normal',
            assigned_at: at,
            assigned_on: today,
            due_date: body.dueDate,
            original_due_date: body.dueDate,
            progress: 0,
            last_report_at: null,
            completed_at: null,
            completed_on: null,
            cancelled_at: null,
            extensions: 0,
            reminders: 0,
            escalated: 0,
            alerted_state: null,
            search_text: normalizeName(`${body.title} ${body.description ?? ''} ${docLabel}`),
            updated_at: at,
          },
          [
            { code: body.leadUnit, role: 'lead' },
            ...cooperating.map((code) => ({ code, role: 'cooperating' as const })),
          ],
        );
        await repo.insertEvent(trx, {
          task_id: taskId,
          kind: 'assigned',
          at,
          actor_id: actor.id,
          actor_name: shownName(actor),
          unit: null,
          text: body.description ?? null,
          percent: null,
          due_date: body.dueDate,
        });
        return { before: null, after: body, result: taskId, entityId: String(taskId) };
      },
      now,
    );
    return this.afterChange(actor, id, 'assigned');
  }

  async report(actor: Actor, id: number, body: TaskReportBody): Promise<TaskDetail> {
    const stored = checkInlineFiles(body.files, this.platform.config.maxUploadBytes);
    return this.change(actor, id, 'report', 'tasks.report', async (task) => {
      if (body.percent < Number(task.progress)) {
        throw invalid(`Progress cannot go back from ${task.progress}% to ${body.percent}%`, [
          { field: '/percent', message: `at least ${task.progress}`, rule: 'minimum' },
        ]);
      }
      const at = this.platform.now().toISOString();
      const done = body.percent === 100;
      return {
        kind: done ? 'completed' : 'report',
        unit: task.lead_unit,
        text: body.text,
        percent: body.percent,
        files: stored,
        task: {
          progress: body.percent,
          last_report_at: at,
          ...(done ? { completed_at: at, completed_on: this.today() } : {}),
        },
        // A finished task needs no more time: an open request lapses.
        also: done ? (trx) => this.lapsePending(trx, id, at) : undefined,
      };
    });
  }

  async requestExtension(actor: Actor, id: number, body: ExtensionRequestBody): Promise<TaskDetail> {
    return this.change(actor, id, 'requestExtension', 'tasks.extension.request', async (task) => {
      if (!isDate(body.dueDate) || body.dueDate <= task.due_date) {
        throw invalid(`The new deadline must be a date after the current one (${task.due_date})`, [
          { field: '/dueDate', message: `after ${task.due_date}`, rule: 'date' },
        ]);
      }
      const at = this.platform.now().toISOString();
      return {
        kind: 'extension_requested',
        unit: task.lead_unit,
        text: body.reason,
        dueDate: body.dueDate,
        also: (trx) =>
          repo.insertExtension(trx, {
            task_id: id,
            requested_due_date: body.dueDate,
            reason: body.reason,
            requested_at: at,
            requested_by: shownName(actor),
          }),
      };
    });
  }

  async decideExtension(actor: Actor, id: number, extensionId: number, body: ExtensionDecisionBody) {
    const action = body.approve ? 'tasks.extension.approve' : 'tasks.extension.refuse';
    return this.change(actor, id, 'decideExtension', action, async (task) => {
      const request = await repo.findExtension(this.platform.db, id, extensionId);
      if (request?.status !== 'pending') {
        throw invalid(`Extension request ${extensionId} of task ${id} is not pending`, [
          { field: 'extensionId', message: 'not a pending request of this task', rule: 'pending' },
        ]);
      }
      const at = this.platform.now().toISOString();
      const status = body.approve ? 'approved' : 'refused';
      return {
        kind: body.approve ? 'extension_approved' : 'extension_refused',
        unit: task.lead_unit,
        text: body.note ?? null,
        dueDate: request.requested_due_date,
        task: body.approve
          ? { due_date: request.requested_due_date, extensions: Number(task.extensions) + 1, alerted_state: null }
          : {},
        also: (trx) => repo.decideExtension(trx, extensionId, status, at, shownName(actor), body.note ?? null),
      };
    });
  }

  async note(actor: Actor, id: number, kind: NoteKind, body: TaskNoteBody): Promise<TaskDetail> {
    const ability = { comment: 'comment', reminder: 'remind', escalated: 'escalate', cancelled: 'cancel' } as const;
    const detail = await this.change(actor, id, ability[kind], `tasks.${ability[kind]}`, async (task, acting) => ({
      kind,
      unit: kind === 'comment' ? acting : task.lead_unit,
      text: body.text,
      task:
        kind === 'reminder'
          ? { reminders: Number(task.reminders) + 1 }
          : kind === 'escalated'
            ? { escalated: 1 }
            : kind === 'cancelled'
              ? { cancelled_at: this.platform.now().toISOString() }
              : {},
      also: kind === 'cancelled' ? (trx) => this.lapsePending(trx, id, this.platform.now().toISOString()) : undefined,
    }));
    if (kind === 'reminder') await this.alerts.reviewIfReminded(detail.task.leadUnit.code);
    if (kind === 'escalated') await this.alerts.escalated(detail.task, body.text);
    return detail;
  }

  private async lapsePending(trx: Transaction<Database>, taskId: number, at: string) {
    for (const p of await repo.pendingExtensions(trx, [taskId])) {
      await repo.decideExtension(trx, Number(p.id), 'withdrawn', at, 'system', 'task closed');
    }
  }

  /**
   * One change to a task: checks the caller may do it now (the same rule that fills `can`), then stores the
   * timeline event, its files, the task's new facts and the audit entry together.
   */
  private async change(
    actor: Actor,
    id: number,
    ability: keyof TaskDetail['can'],
    action: string,
    plan: (task: repo.TaskRow, acting: string | null) => Promise<Change>,
  ): Promise<TaskDetail> {
    const { db, now } = this.platform;
    const { detail: before, row, acting } = await this.view(actor, id);
    if (!before.can[ability]) throw forbidden(refusal(ability, before));
    const change = await plan(row, acting);
    const at = now().toISOString();
    await auditedWrite(
      db,
      actor,
      { action, entityType: 'task', entityId: String(id) },
      async (trx) => {
        const eventId = await repo.insertEvent(trx, {
          task_id: id,
          kind: change.kind,
          at,
          actor_id: actor.id,
          actor_name: shownName(actor),
          unit: change.unit ?? null,
          text: change.text ?? null,
          percent: change.percent ?? null,
          due_date: change.dueDate ?? null,
        });
        await files.insertFiles(trx, 'task_event', eventId, change.files ?? [], at, shownName(actor));
        await repo.updateTask(trx, id, { ...change.task, updated_at: at });
        await change.also?.(trx);
        const { files: stored, also: _also, ...recorded } = change;
        return {
          before: before.task,
          after: { ...recorded, files: (stored ?? []).map((f) => ({ name: f.name, sha256: f.sha256 })) },
          result: null,
        };
      },
      now,
    );
    return this.afterChange(actor, id, change.kind);
  }

  private async afterChange(actor: Actor, id: number, kind: string): Promise<TaskDetail> {
    await this.alerts.run([id]);
    const detail = await this.detail(actor, id);
    const codes = [detail.task.leadUnit.code, ...detail.task.cooperatingUnits.map((u) => u.code)];
    const agencies = await this.agencies.list();
    // Only those who may see the task hear of it: its agencies' officers, and users whose scope covers their units.
    const units = agencies.filter((a) => codes.includes(a.code)).map((a) => a.unitId);
    await this.platform.bus.publish(
      'task.updated',
      {
        id,
        kind,
        leadUnit: detail.task.leadUnit.code,
        state: detail.task.state,
        at: this.platform.now().toISOString(),
      },
      null,
      { agencies: codes, units: [...new Set(units)] },
    );
    return detail;
  }
}

function isDate(value: string): boolean {
  try {
    dayIndexOf(value);
    return true;
  } catch {
    return false;
  }
}

function refusal(ability: keyof TaskDetail['can'], detail: TaskDetail): string {
  const { task } = detail;
  const closed = task.completedAt !== null || task.cancelledAt !== null;
  if (closed && ability !== 'comment') return `Task ${task.id} is closed (${task.state})`;
  switch (ability) {
    case 'report':
    case 'requestExtension':
      if (ability === 'requestExtension' && task.extensionPending) {
        return `Task ${task.id} already has an extension request waiting for a decision`;
      }
      return `Only an officer of the lead unit (${task.leadUnit.name}) can do this`;
    case 'decideExtension':
      return task.extensionPending
        ? `Only the leader who assigned task ${task.id} (${task.assignedBy.name}) decides its extension`
        : `Task ${task.id} has no extension request waiting`;
    case 'escalate':
      return task.escalated ? `Task ${task.id} is already escalated` : 'Only a leader can escalate a task';
    default:
      return 'Only a leader who directs tasks can do this';
  }
}
