import {
  CreateDocumentBody,
  CreateTaskBody,
  ExtensionDecisionBody,
  ExtensionRequestBody,
  TaskNoteBody,
  TaskReportBody,
} from '@ioc/shared';
import { Value } from 'typebox/value';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROVINCIAL_AGENCIES } from '../src/modules/agencies/agencies.ts';
import { VIETNAM_HOLIDAYS } from '../src/modules/calendar/vn-holidays.ts';
import { WorkingCalendar } from '../src/modules/calendar/working-days.ts';
import {
  type DemoAction,
  type DemoAgency,
  HABITUALLY_LATE,
  habituallyLateOf,
  planDocumentsDemo,
} from '../src/modules/documents/demo/plan.ts';
import units from '../src/modules/orgunits/seed/ha-tinh-units.json' with { type: 'json' };

const calendar = new WorkingCalendar(VIETNAM_HOLIDAYS);
const agencies: DemoAgency[] = [
  ...PROVINCIAL_AGENCIES.map((a) => ({ code: a.code, name: a.name, kind: 'department' as const })),
  ...units.communes2025.map((c) => ({ code: `UBND_${c.code}`, name: `UBND ${c.name}`, kind: 'commune' as const })),
];
const DAY = 86_400_000;
/** Local (UTC+7) midnight of a date. */
const local = (date: string) => new Date(`${date}T00:00:00+07:00`);
const localDate = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
const localMinutes = (at: Date) => {
  const ms = (at.getTime() + 7 * 3_600_000) % DAY;
  return ms / 60_000;
};
const inOfficeHours = (at: Date) => localMinutes(at) >= 7.5 * 60 && localMinutes(at) < 17 * 60;
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / DAY;

const FROM = local('2024-07-01');
const TO = local('2026-07-01');
let plan: DemoAction[];

type Of<K extends DemoAction['kind']> = Extract<DemoAction, { kind: K }>;
const only = <K extends DemoAction['kind']>(actions: DemoAction[], kind: K) =>
  actions.filter((a): a is Of<K> => a.kind === kind);
const taskRefOf = (a: DemoAction) => ('taskRef' in a ? a.taskRef : null);

/** Each task with what happened to it, in order. */
function lives(actions: DemoAction[]) {
  const tasks = new Map<string, { task: Of<'task'>; events: DemoAction[] }>();
  for (const a of actions) {
    if (a.kind === 'task') tasks.set(a.ref, { task: a, events: [] });
    const ref = taskRefOf(a);
    if (ref) tasks.get(ref)?.events.push(a);
  }
  return tasks;
}

/** Done on time: the 100 % report on or before the deadline, moved by approved extensions. */
function outcome(task: Of<'task'>, events: DemoAction[]): 'on_time' | 'late' | 'open' | 'cancelled' {
  let due = task.body.dueDate;
  let asked: string | null = null;
  for (const e of events) {
    if (e.kind === 'extension') asked = e.body.dueDate;
    if (e.kind === 'decision' && e.body.approve && asked) due = asked;
    if (e.kind === 'cancel') return 'cancelled';
    if (e.kind === 'report' && e.body.percent === 100) return localDate(e.at) <= due ? 'on_time' : 'late';
  }
  return 'open';
}

beforeAll(() => {
  plan = planDocumentsDemo({ from: FROM, to: TO, agencies });
});

describe('documents demo plan', () => {
  it('is deterministic and depends on the seed', () => {
    const options = { from: local('2025-03-01'), to: local('2025-05-01'), agencies, seed: 'x' };
    const a = planDocumentsDemo(options);
    expect(JSON.stringify(planDocumentsDemo(options))).toBe(JSON.stringify(a));
    expect(JSON.stringify(planDocumentsDemo({ ...options, seed: 'y' }))).not.toBe(JSON.stringify(a));
    expect(a.length).toBeGreaterThan(1000);
  });

  it('plans a day the same whatever the window: split at a local midnight', () => {
    const [a, b, c] = [local('2025-08-01'), local('2025-09-15'), local('2025-11-01')];
    const whole = planDocumentsDemo({ from: a, to: c, agencies });
    const first = planDocumentsDemo({ from: a, to: b, agencies });
    const second = planDocumentsDemo({ from: b, to: c, agencies });
    const created = (actions: DemoAction[]) =>
      JSON.stringify(actions.filter((x) => x.kind === 'document' || x.kind === 'task'));
    expect(created(whole)).toBe(created([...first, ...second]));
    // The first part is exactly the whole plan cut at b; the second holds no follow-up of an earlier task.
    expect(JSON.stringify(first)).toBe(JSON.stringify(whole.filter((x) => x.at < b)));
    const laterRefs = new Set(only(second, 'task').map((t) => t.ref));
    expect(second.every((x) => taskRefOf(x) === null || laterRefs.has(taskRefOf(x)!))).toBe(true);
    // The same days inside a longer plan (the 2-year one) are the same too.
    expect(created(plan.filter((x) => x.at >= a && x.at < c))).toBe(created(whole));
  });

  it('is sorted and inside [from, to)', () => {
    expect(plan.findIndex((a, i) => i > 0 && a.at < plan[i - 1]!.at)).toBe(-1);
    expect(plan[0]!.at >= FROM).toBe(true);
    expect(plan.at(-1)!.at < TO).toBe(true);
    const midday = new Date('2025-06-10T12:34:00+07:00');
    const cut = planDocumentsDemo({ from: midday, to: new Date(midday.getTime() + 3 * DAY), agencies });
    expect(cut.every((x) => x.at >= midday && x.at.getTime() < midday.getTime() + 3 * DAY)).toBe(true);
    // A plan starting mid-day keeps no task whose source document came before it.
    const refs = new Set(only(cut, 'document').map((d) => d.ref));
    expect(only(cut, 'task').every((t) => t.documentRef === null || refs.has(t.documentRef))).toBe(true);
  });

  it('plans about 2 years with the expected volumes', () => {
    const documents = only(plan, 'document');
    const tasks = only(plan, 'task');
    expect(documents.length).toBeGreaterThanOrEqual(15_000);
    expect(documents.length).toBeLessThanOrEqual(17_000);
    expect(tasks.length).toBeGreaterThanOrEqual(1_800);
    expect(tasks.length).toBeLessThanOrEqual(2_200);
    const incoming = documents.filter((d) => d.body.direction === 'incoming').length / documents.length;
    expect(incoming).toBeGreaterThan(0.55);
    expect(incoming).toBeLessThan(0.65);
    const fromDocuments = tasks.filter((t) => t.documentRef !== null).length / tasks.length;
    expect(fromDocuments).toBeGreaterThan(0.7);
    expect(fromDocuments).toBeLessThan(0.9);
    const communes = tasks.filter((t) => t.body.leadUnit.startsWith('UBND_')).length / tasks.length;
    expect(communes).toBeGreaterThan(0.2);
    expect(communes).toBeLessThan(0.4);
    const extended = new Set(only(plan, 'extension').map((e) => e.taskRef)).size / tasks.length;
    expect(extended).toBeGreaterThan(0.1);
    expect(extended).toBeLessThan(0.22);
    const cancelled = only(plan, 'cancel').length / tasks.length;
    expect(cancelled).toBeGreaterThan(0.005);
    expect(cancelled).toBeLessThan(0.04);
    expect(only(plan, 'escalate').length).toBeGreaterThan(10);
    expect(only(plan, 'comment').length).toBeGreaterThan(50);
  });

  it('files documents on working days in office hours, numbered as each direction requires', () => {
    const problems: string[] = [];
    const check = (ok: boolean, what: string, ref: string) => {
      if (!ok && problems.length < 5) problems.push(`${ref}: ${what}`);
    };
    const outgoingTypes = ['Quyết định', 'Công văn', 'Kế hoạch', 'Chỉ thị', 'Thông báo', 'Báo cáo'];
    for (const { at, body, ref } of only(plan, 'document')) {
      const date = localDate(at);
      check(calendar.isWorkingDay(date), 'not a working day', ref);
      check(inOfficeHours(at), 'outside office hours', ref);
      if (body.direction === 'outgoing') {
        check(body.codeNumber === undefined, 'outgoing with a number', ref);
        check(body.organ.organName === 'UBND tỉnh Hà Tĩnh', 'outgoing from another organ', ref);
        check(body.issuedDate === date, 'issued on another day', ref);
        check((body.recipients?.length ?? 0) > 0, 'no recipients', ref);
        check(outgoingTypes.includes(body.typeName), `type ${body.typeName}`, ref);
      } else {
        check(/^[1-9]\d*$/.test(body.codeNumber ?? ''), 'incoming without a number', ref);
        check(body.arrivalDate === at.toISOString(), 'arrival is not the action time', ref);
        const before = daysBetween(body.issuedDate, date);
        check(before >= 0 && before <= 3, `issued ${before} days before arrival`, ref);
      }
      check(Boolean(body.signer?.fullName), 'no signer', ref);
    }
    expect(problems).toEqual([]);
    const urgent = only(plan, 'document').filter((d) => (d.body.priority ?? 0) > 0).length;
    expect(urgent / only(plan, 'document').length).toBeLessThan(0.2);
    expect(urgent).toBeGreaterThan(0);
  });

  it('every body validates against its schema', () => {
    const schemas = {
      document: CreateDocumentBody,
      task: CreateTaskBody,
      report: TaskReportBody,
      extension: ExtensionRequestBody,
      decision: ExtensionDecisionBody,
      reminder: TaskNoteBody,
      comment: TaskNoteBody,
      escalate: TaskNoteBody,
      cancel: TaskNoteBody,
    } as const;
    const bad = plan.filter((a) => !Value.Check(schemas[a.kind], a.body));
    expect(bad.slice(0, 3)).toEqual([]);
  });

  it('derives tasks from the day’s directive documents, with a lead and distinct co-operating units', () => {
    const documents = new Map(only(plan, 'document').map((d) => [d.ref, d]));
    const byCode = new Map(agencies.map((a) => [a.code, a]));
    const problems: string[] = [];
    const check = (ok: boolean, what: string, ref: string) => {
      if (!ok && problems.length < 5) problems.push(`${ref}: ${what}`);
    };
    for (const t of only(plan, 'task')) {
      check(inOfficeHours(t.at), 'outside office hours', t.ref);
      check(byCode.has(t.body.leadUnit), 'unknown lead', t.ref);
      const co = t.body.cooperatingUnits ?? [];
      check(co.length <= 3, 'too many co-operating units', t.ref);
      check(!co.includes(t.body.leadUnit), 'the lead co-operates with itself', t.ref);
      check(new Set(co).size === co.length && co.every((c) => byCode.has(c)), 'bad co-operating units', t.ref);
      const assigned = localDate(t.at);
      const span = daysBetween(assigned, t.body.dueDate);
      check(calendar.isWorkingDay(t.body.dueDate), 'deadline not a working day', t.ref);
      check(span >= 7 && span <= 90, `deadline ${span} days out`, t.ref);
      if (t.documentRef !== null) {
        const doc = documents.get(t.documentRef);
        check(doc !== undefined, 'unknown document', t.ref);
        if (!doc) continue;
        check(doc.at < t.at && localDate(doc.at) === assigned, 'not shortly after its document', t.ref);
        check(doc.body.direction === 'outgoing', 'from an incoming document', t.ref);
        check(['Quyết định', 'Chỉ thị', 'Kế hoạch', 'Công văn'].includes(doc.body.typeName), 'not a directive', t.ref);
        const names = [t.body.leadUnit, ...co].map((c) => byCode.get(c)?.name);
        check(
          JSON.stringify(doc.body.recipients?.map((r) => r.organName)) === JSON.stringify(names),
          'recipients',
          t.ref,
        );
      }
    }
    expect(problems).toEqual([]);
    const priorities = only(plan, 'task').map((t) => t.body.priority);
    expect(priorities.filter((p) => p === 'normal').length / priorities.length).toBeGreaterThan(0.7);
  });

  it('follows up only earlier tasks, in office hours, and nothing after completion or cancellation', () => {
    const created = new Map<string, Date>();
    const closed = new Set<string>();
    const percent = new Map<string, number>();
    const due = new Map<string, string>();
    const pending = new Map<string, string>();
    const problems: string[] = [];
    const check = (ok: boolean, what: string, a: DemoAction) => {
      if (!ok && problems.length < 5) problems.push(`${a.kind} of ${taskRefOf(a)} at ${a.at.toISOString()}: ${what}`);
    };
    for (const a of plan) {
      if (a.kind === 'document') continue;
      if (a.kind === 'task') {
        created.set(a.ref, a.at);
        due.set(a.ref, a.body.dueDate);
        continue;
      }
      const start = created.get(a.taskRef);
      check(start !== undefined && a.at > start, 'not after an earlier task', a);
      check(inOfficeHours(a.at) && calendar.isWorkingDay(localDate(a.at)), 'outside office hours', a);
      check(!closed.has(a.taskRef), 'after the task closed', a);
      if (a.kind === 'report') {
        check(a.body.percent > (percent.get(a.taskRef) ?? -1), 'percent not rising', a);
        percent.set(a.taskRef, a.body.percent);
        if (a.body.percent === 100) closed.add(a.taskRef);
      } else if (a.kind === 'cancel') {
        closed.add(a.taskRef);
      } else if (a.kind === 'extension') {
        check(!pending.has(a.taskRef), 'a second pending request', a);
        check(a.body.dueDate > due.get(a.taskRef)!, 'not later than the deadline', a);
        check(calendar.isWorkingDay(a.body.dueDate), 'asks for a day off', a);
        pending.set(a.taskRef, a.body.dueDate);
      } else if (a.kind === 'decision') {
        check(pending.has(a.taskRef), 'a decision without a request', a);
        if (a.body.approve) due.set(a.taskRef, pending.get(a.taskRef)!);
        pending.delete(a.taskRef);
      } else if (a.kind === 'reminder') {
        check(localDate(a.at) > due.get(a.taskRef)!, 'a reminder before the deadline', a);
      }
    }
    expect(problems).toEqual([]);
    expect(closed.size).toBeGreaterThan(1_500);
  });

  it('reports come from the lead unit; decisions come 1–3 working days after the request', () => {
    const tasks = lives(plan);
    for (const { task, events } of tasks.values()) {
      for (const e of events) {
        if (e.kind === 'report' || e.kind === 'extension') expect(e.unit).toBe(task.body.leadUnit);
      }
      const asked = events.find((e) => e.kind === 'extension');
      const decided = events.find((e) => e.kind === 'decision');
      if (asked && decided) {
        const gap = daysBetween(localDate(asked.at), localDate(decided.at));
        expect(gap).toBeGreaterThanOrEqual(1);
        expect(gap).toBeLessThanOrEqual(12);
      }
    }
    const decisions = only(plan, 'decision');
    const approved = decisions.filter((d) => d.body.approve).length / decisions.length;
    expect(approved).toBeGreaterThan(0.65);
    expect(approved).toBeLessThan(0.95);
  });

  it('finishes most tasks on time, the habitually late units far less often', () => {
    const late = new Set(HABITUALLY_LATE);
    const counts = { late: { on: 0, all: 0 }, other: { on: 0, all: 0 } };
    for (const { task, events } of lives(plan).values()) {
      const result = outcome(task, events);
      if (result !== 'on_time' && result !== 'late') continue;
      const group = late.has(task.body.leadUnit) ? counts.late : counts.other;
      group.all++;
      if (result === 'on_time') group.on++;
    }
    const lateRate = counts.late.on / counts.late.all;
    const otherRate = counts.other.on / counts.other.all;
    expect(counts.late.all).toBeGreaterThan(100);
    expect(lateRate).toBeGreaterThan(0.45);
    expect(lateRate).toBeLessThan(0.75);
    expect(otherRate).toBeGreaterThan(0.85);
    expect(otherRate - lateRate).toBeGreaterThan(0.15);
  });

  it('reminds the late: a habitually late unit gets 3 or more reminders in a year', () => {
    const leadOf = new Map(only(plan, 'task').map((t) => [t.ref, t.body.leadUnit]));
    const perUnit = new Map<string, number>();
    for (const r of only(plan, 'reminder')) {
      if (!localDate(r.at).startsWith('2025')) continue;
      const unit = leadOf.get(r.taskRef)!;
      perUnit.set(unit, (perUnit.get(unit) ?? 0) + 1);
    }
    expect(HABITUALLY_LATE.some((code) => (perUnit.get(code) ?? 0) >= 3)).toBe(true);
    const lateMean = HABITUALLY_LATE.reduce((s, c) => s + (perUnit.get(c) ?? 0), 0) / HABITUALLY_LATE.length;
    const others = agencies.filter((a) => !HABITUALLY_LATE.includes(a.code));
    const otherMean = others.reduce((s, a) => s + (perUnit.get(a.code) ?? 0), 0) / others.length;
    expect(lateMean).toBeGreaterThan(otherMean * 3);
  });

  it('leaves open, nearly-due and overdue tasks at the end of the plan', () => {
    const end = localDate(new Date(TO.getTime() - 1));
    const open = [...lives(plan).values()].filter((l) => outcome(l.task, l.events) === 'open');
    const dueOf = (l: { task: Of<'task'>; events: DemoAction[] }) => {
      let due = l.task.body.dueDate;
      let asked: string | null = null;
      for (const e of l.events) {
        if (e.kind === 'extension') asked = e.body.dueDate;
        if (e.kind === 'decision' && e.body.approve && asked) due = asked;
      }
      return due;
    };
    expect(open.length).toBeGreaterThan(40);
    expect(open.filter((l) => dueOf(l) < end).length).toBeGreaterThan(3);
    expect(open.filter((l) => dueOf(l) >= end && daysBetween(end, dueOf(l)) <= 7).length).toBeGreaterThan(3);
  });

  it('names the habitually late units from the agency list', () => {
    expect(HABITUALLY_LATE).toContain('SXD');
    expect(HABITUALLY_LATE).toContain('SNNMT');
    const communes = HABITUALLY_LATE.filter((c) => c.startsWith('UBND_'));
    expect(communes).toHaveLength(2);
    for (const c of communes) expect(agencies.some((a) => a.code === c && a.kind === 'commune')).toBe(true);
    expect(habituallyLateOf(agencies)).toEqual([...HABITUALLY_LATE]);
    // Without the fixed communes, two others stand in, chosen the same way every time.
    const fewer = agencies.filter((a) => !communes.includes(a.code));
    const standIns = habituallyLateOf(fewer);
    expect(standIns.slice(0, 2)).toEqual(['SXD', 'SNNMT']);
    expect(standIns).toHaveLength(4);
    expect(habituallyLateOf(fewer)).toEqual(standIns);
  });
});
