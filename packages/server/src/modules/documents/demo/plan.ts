/**
 * A deterministic plan of official documents and directed tasks for the demo: what arrives at and leaves UBND tỉnh
 * Hà Tĩnh each working day, the tasks leaders assign, and how each task goes on (reports, extensions, reminders…).
 *
 * A day's documents and tasks depend only on the seed, the date and the options (each day has its own generators),
 * and a task's follow-ups only on the task, never on where the plan ends. Follow-ups belong to the day that created
 * the task: a plan over [from, to) holds the follow-ups of the tasks it creates, up to `to`. So, split at a local
 * midnight b, plan(a, c) is plan(a, b) plus plan(b, c) plus the follow-ups at or after b of tasks created before b;
 * plan(a, b) is exactly the part of plan(a, c) before b. A task whose source document falls before `from` (a plan
 * starting mid-day) is left out, with its follow-ups, so every reference resolves inside the plan.
 */
import type {
  CreateDocumentBody,
  CreateTaskBody,
  ExtensionDecisionBody,
  ExtensionRequestBody,
  TaskNoteBody,
  TaskPriority,
  TaskReportBody,
} from '@ioc/shared';
import { localDayOf, startOfLocalDay } from '../../calendar/local-time.ts';
import { Rng, uniformOf } from '../../demo/random.ts';
import {
  type Context,
  type DocumentDraft,
  departmentsOf,
  documentsOf,
  organOf,
  topicFor,
  weekdayFactor,
  wordsOf,
} from './documents.ts';
import { dateOf, followUpsOf, isWorkingDay, officeInstant, workingOnOrAfter } from './life.ts';
import { COMMUNE_TITLES, DEPARTMENT_TITLES, fill, PROVINCE_OFFICE } from './vocabulary.ts';

export interface DemoAgency {
  code: string;
  name: string;
  kind: 'department' | 'commune';
}

export type DemoAction =
  | { at: Date; kind: 'document'; ref: string; body: CreateDocumentBody }
  | { at: Date; kind: 'task'; ref: string; documentRef: string | null; body: Omit<CreateTaskBody, 'documentId'> }
  | { at: Date; kind: 'report'; taskRef: string; unit: string; body: TaskReportBody }
  | { at: Date; kind: 'extension'; taskRef: string; unit: string; body: ExtensionRequestBody }
  | { at: Date; kind: 'decision'; taskRef: string; body: ExtensionDecisionBody }
  | { at: Date; kind: 'reminder'; taskRef: string; body: TaskNoteBody }
  | { at: Date; kind: 'comment'; taskRef: string; body: TaskNoteBody }
  | { at: Date; kind: 'escalate'; taskRef: string; body: TaskNoteBody }
  | { at: Date; kind: 'cancel'; taskRef: string; body: TaskNoteBody };

export interface DemoPlanOptions {
  from: Date;
  to: Date;
  agencies: DemoAgency[];
  seed?: string;
  /** Incoming and outgoing documents on an average working day; default 32. */
  documentsPerDay?: number;
  /** Tasks assigned on an average working day; default 4. */
  tasksPerDay?: number;
}

/**
 * Units that are chronically late: two departments and two rural communes. A plan uses those present in its
 * agencies; when a fixed commune is missing, communes ranked by `uniformOf` stand in (see habituallyLateOf).
 */
export const HABITUALLY_LATE: readonly string[] = ['SXD', 'SNNMT', 'UBND_18502', 'UBND_18844'];

/** The chronically late units among `agencies`: HABITUALLY_LATE where present, filled up to two communes. */
export function habituallyLateOf(agencies: readonly DemoAgency[]): string[] {
  const present = new Set(agencies.map((a) => a.code));
  const chosen = HABITUALLY_LATE.filter((code) => present.has(code));
  const communes = agencies.filter((a) => a.kind === 'commune');
  const lateCommunes = communes.filter((a) => chosen.includes(a.code)).length;
  const standIns = communes
    .filter((a) => !chosen.includes(a.code))
    .sort((a, b) => uniformOf(`late:${a.code}`) - uniformOf(`late:${b.code}`))
    .slice(0, Math.max(0, 2 - lateCommunes))
    .map((a) => a.code);
  return [...chosen, ...standIns];
}

const OFFICE_CLOSE_MS = 17 * 3_600_000;
/** Chance that a task on a topic communes handle goes to a commune: about 30 % of all tasks. */
const COMMUNE_LEAD_SHARE = 0.36;
const TASKABLE_TYPES = new Set(['Quyết định', 'Chỉ thị', 'Kế hoạch', 'Công văn']);

interface TaskDraft {
  ref: string;
  at: number;
  documentRef: string | null;
  body: Omit<CreateTaskBody, 'documentId'>;
  followUps: DemoAction[];
}

/** Deadline 7–80 days out, mostly a few weeks; moved to a working day it stays within 90. */
function deadlineSpan(rng: Rng): number {
  const x = rng.next();
  return x < 0.4 ? 7 + rng.int(14) : x < 0.8 ? 21 + rng.int(25) : 46 + rng.int(35);
}

function taskPriority(rng: Rng, documentPriority: number): TaskPriority {
  if (documentPriority >= 2) return 'urgent';
  if (documentPriority === 1) return 'high';
  const x = rng.next();
  return x < 0.85 ? 'normal' : x < 0.97 ? 'high' : 'urgent';
}

/** The day's tasks: most from the day's directive documents, shortly after them; the rest assigned directly. */
function tasksOf(ctx: Context, day: number, date: string, documents: DocumentDraft[]): TaskDraft[] {
  const rng = new Rng(`${ctx.seed}:tasks:${date}`);
  const count = Math.max(0, Math.round(ctx.tasksPerDay * weekdayFactor(day) * rng.between(0.5, 1.5)));
  const closing = startOfLocalDay(day) + OFFICE_CLOSE_MS - 20 * 60_000;
  const sources = documents.filter(
    (d) => d.body.direction === 'outgoing' && TASKABLE_TYPES.has(d.body.typeName) && d.at <= closing,
  );
  const month = Number(date.slice(5, 7));
  const tasks: TaskDraft[] = [];
  for (let j = 0; j < count; j++) {
    const doc = sources.length > 0 && rng.chance(0.8) ? sources.splice(rng.int(sources.length), 1)[0]! : null;
    const topic = doc ? doc.topic : topicFor(rng, month);
    const at = doc
      ? doc.at + 60_000 * Math.floor(rng.between(5, Math.min(120, (closing - doc.at) / 60_000 + 15)))
      : officeInstant(rng, day);
    const toCommune = topic.communes && ctx.communes.length > 0 && rng.chance(COMMUNE_LEAD_SHARE);
    const lead = toCommune
      ? rng.pick(ctx.communes)
      : rng.pick(departmentsOf(ctx, rng.chance(0.85) ? topic.lead : topic.co));
    const others = departmentsOf(ctx, toCommune ? [...topic.lead, ...topic.co] : topic.co).filter((a) => a !== lead);
    const co: DemoAgency[] = [];
    for (let n = [0, 1, 1, 2, 2, 3][rng.int(6)]!; n > 0 && others.length > 0; n--) {
      co.push(others.splice(rng.int(others.length), 1)[0]!);
    }
    const dueDay = workingOnOrAfter(day + deadlineSpan(rng));
    const words = { ...wordsOf(topic, day, rng), unit: lead.name };
    const title = fill(rng.pick(lead.kind === 'commune' ? COMMUNE_TITLES : DEPARTMENT_TITLES), words);
    const due = dateOf(dueDay);
    const dueText = `${due.slice(8, 10)}/${due.slice(5, 7)}/${due.slice(0, 4)}`;
    const source = doc ? `Thực hiện ${doc.body.typeName} của UBND tỉnh` : 'Theo ý kiến chỉ đạo của Lãnh đạo UBND tỉnh';
    const cooperation = co.length > 0 ? `, phối hợp với ${co.map((a) => a.name).join(', ')}` : '';
    const description = `${source}: ${lead.name} chủ trì${cooperation}; báo cáo kết quả về UBND tỉnh (qua ${PROVINCE_OFFICE.organName}) trước ngày ${dueText}.`;
    if (doc) {
      doc.body.recipients = [lead, ...co].map(organOf);
      doc.body.dueDate = due;
    }
    const ref = `task:${date}:${j}`;
    tasks.push({
      ref,
      at,
      documentRef: doc ? doc.ref : null,
      body: {
        title,
        description,
        leadUnit: lead.code,
        cooperatingUnits: co.map((a) => a.code),
        dueDate: due,
        priority: taskPriority(rng, doc?.body.priority ?? 0),
      },
      followUps: followUpsOf({
        ref,
        created: at,
        dueDay,
        lead,
        late: ctx.late.has(lead.code),
        rng: new Rng(`${ctx.seed}:task:${date}:${j}`),
      }),
    });
  }
  return tasks;
}

/** The plan: every action in [from, to), sorted by time. See the file comment for how days and follow-ups split. */
export function planDocumentsDemo(options: DemoPlanOptions): DemoAction[] {
  const fromMs = options.from.getTime();
  const toMs = options.to.getTime();
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) throw new RangeError('Invalid plan interval');
  if (options.agencies.length === 0) throw new RangeError('The documents demo needs at least one agency');
  if (toMs <= fromMs) return [];
  const departments = options.agencies.filter((a) => a.kind === 'department');
  const ctx: Context = {
    seed: options.seed ?? 'documents-demo',
    documentsPerDay: options.documentsPerDay ?? 32,
    tasksPerDay: options.tasksPerDay ?? 4,
    departments: departments.length > 0 ? departments : options.agencies,
    communes: options.agencies.filter((a) => a.kind === 'commune'),
    byCode: new Map(options.agencies.map((a) => [a.code, a])),
    late: new Set(habituallyLateOf(options.agencies)),
  };
  const out: DemoAction[] = [];
  for (let day = localDayOf(fromMs); day <= localDayOf(toMs - 1); day++) {
    if (!isWorkingDay(day)) continue;
    const date = dateOf(day);
    const documents = documentsOf(ctx, day, date);
    const tasks = tasksOf(ctx, day, date, documents);
    const included = new Set<string>();
    for (const d of documents) {
      if (d.at < fromMs || d.at >= toMs) continue;
      included.add(d.ref);
      out.push({ at: new Date(d.at), kind: 'document', ref: d.ref, body: d.body });
    }
    for (const t of tasks) {
      if (t.at < fromMs || t.at >= toMs || (t.documentRef !== null && !included.has(t.documentRef))) continue;
      out.push({ at: new Date(t.at), kind: 'task', ref: t.ref, documentRef: t.documentRef, body: t.body });
      for (const f of t.followUps) if (f.at.getTime() < toMs) out.push(f);
    }
  }
  // Stable: actions at the same instant keep the order they were planned in.
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}
