import { randomUUID } from 'node:crypto';
import type {
  AnswerFeedbackBody,
  CreateFeedbackBody,
  Feedback,
  FeedbackFigures,
  FeedbackFiguresQuery,
  FeedbackListQuery,
  FeedbackPage,
  FeedbackStatusBody,
  FieldError,
  RateFeedbackBody,
} from '@ioc/shared';
import { conflict, invalid, notFound } from '../../../errors.ts';
import type { Platform } from '../../../platform.ts';
import type { AgencyService } from '../../agencies/agencies.service.ts';
import { auditedWrite } from '../../audit/audit.service.ts';
import type { Actor } from '../../auth/actor.ts';
import type { CalendarService } from '../../calendar/calendar.service.ts';
import { LOCAL_OFFSET_MS } from '../../calendar/local-time.ts';
import { requirePeriod } from '../../calendar/period-param.ts';
import { spanOf } from '../../calendar/period-span.ts';
import type { OrgUnitService } from '../../orgunits/orgunits.service.ts';
import { figuresChanged } from '../figures-version.ts';
import * as repo from './feedback.repo.ts';
import { type FeedbackFacts, type PaknFigures, paknFigures } from './pakn-figures.ts';

/** The usual deadline for handling feedback: 15 working days from receipt. */
export const FEEDBACK_DEADLINE_DAYS = 15;
const OPEN = ['received', 'in_progress'];

type Satisfaction = NonNullable<Feedback['satisfaction']>;

/** In remit and answered after its deadline, or still open past it at `now`. */
function isOverdue(row: repo.FeedbackRow, now: string): boolean {
  if (Number(row.in_remit) !== 1) return false;
  if (row.answered_at !== null) return row.answered_at > row.due_at;
  return OPEN.includes(row.status) && row.due_at < now;
}

function toFeedback(row: repo.FeedbackRow, now: string): Feedback {
  return {
    id: Number(row.id),
    code: row.code,
    kind: row.kind as Feedback['kind'],
    subject: row.subject,
    content: row.content,
    dossierCode: row.dossier_code,
    procedureCode: row.procedure_code,
    agencyCode: row.agency_code,
    unit: row.unit_id,
    unitName: row.unit_name,
    channel: row.channel,
    receivedAt: row.received_at,
    dueAt: row.due_at,
    inRemit: Number(row.in_remit) === 1,
    status: row.status as Feedback['status'],
    answeredAt: row.answered_at,
    answer: row.answer,
    satisfaction: row.satisfaction as Feedback['satisfaction'],
    overdue: isOverdue(row, now),
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

const toFacts = (row: repo.FeedbackRow): FeedbackFacts => ({
  receivedAt: row.received_at,
  dueAt: row.due_at,
  answeredAt: row.answered_at,
  inRemit: Number(row.in_remit) === 1,
  satisfaction: row.satisfaction as Satisfaction | null,
});

const localYear = (iso: string) => new Date(Date.parse(iso) + LOCAL_OFFSET_MS).getUTCFullYear();

/**
 * Citizens' feedback and petitions (PAKN): received with a deadline counted in working days on the stored calendar,
 * answered, rated by the citizen; seen by the units whose scope covers the unit it concerns.
 */
export class FeedbackService {
  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
    private readonly agencies: AgencyService,
    private readonly workingCalendar: CalendarService,
  ) {}

  /** The unit a list or figure is asked for: the caller's scope, or a unit in it. */
  private async scopeUnit(actor: Actor, unit: string | undefined): Promise<string> {
    if (unit === undefined) return actor.scope.unitId;
    return (await this.orgUnits.requireInScope(actor.scope, unit)).id;
  }

  async list(actor: Actor, query: FeedbackListQuery): Promise<FeedbackPage> {
    const scope = await this.scopeUnit(actor, query.unit);
    const now = this.platform.now().toISOString();
    const limit = query.limit ?? 100;
    const rows = await repo.listInScope(this.platform.db, scope, this.platform.config.rootUnit, {
      ...(query.status ? { status: query.status } : {}),
      ...(query.agency ? { agency: query.agency } : {}),
      ...(query.from ? { receivedFrom: new Date(query.from).toISOString() } : {}),
      ...(query.to ? { receivedTo: new Date(query.to).toISOString() } : {}),
      ...(query.overdue ? { overdueAt: now } : {}),
      ...(query.beforeId ? { beforeId: query.beforeId } : {}),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    return {
      items: page.map((row) => toFeedback(row, now)),
      nextBeforeId: rows.length > limit ? Number(page.at(-1)!.id) : null,
    };
  }

  /** 404 as well for feedback outside the caller's scope: its existence is not theirs to know. */
  async get(actor: Actor, code: string): Promise<Feedback> {
    const row = await repo.findInScope(this.platform.db, actor.scope.unitId, this.platform.config.rootUnit, code);
    if (!row) throw notFound(`Feedback ${code}`);
    return toFeedback(row, this.platform.now().toISOString());
  }

  /**
   * The unit is the one given, else the handling agency's, else the caller's own; it must be in the caller's scope.
   * The deadline is 15 working days after receipt unless given. Without a code, one is made from the row id and
   * the local year of receipt (PAKN-2025-000123), so codes never collide.
   */
  async create(actor: Actor, body: CreateFeedbackBody): Promise<Feedback> {
    const { db, now } = this.platform;
    const at = now();
    const problems: FieldError[] = [];
    const receivedAt = body.receivedAt ? new Date(body.receivedAt) : at;
    if (receivedAt.getTime() > at.getTime()) {
      problems.push({ field: '/receivedAt', message: 'is in the future', rule: 'maximum' });
    }
    const agency = body.agencyCode ? await this.agencies.find(body.agencyCode) : undefined;
    if (body.agencyCode && !agency) {
      problems.push({ field: '/agencyCode', message: `unknown agency '${body.agencyCode}'`, rule: 'unknown' });
    }
    const unit = body.unit ?? agency?.unitId ?? actor.scope.unitId;
    if (body.unit && !(await this.orgUnits.find(body.unit))) {
      problems.push({ field: '/unit', message: `unknown unit '${body.unit}'`, rule: 'unknown' });
    }
    const dueAt = body.dueAt
      ? new Date(body.dueAt)
      : (await this.workingCalendar.calendar()).addWorkingDays(receivedAt, FEEDBACK_DEADLINE_DAYS);
    if (dueAt.getTime() < receivedAt.getTime()) {
      problems.push({ field: '/dueAt', message: 'is before the receipt', rule: 'minimum' });
    }
    if (problems.length > 0) throw invalid(`The feedback was refused: ${problems.length} problem(s)`, problems);
    await this.orgUnits.requireInScope(actor.scope, unit);
    if (body.code && (await repo.codeExists(db, body.code))) throw conflict(`Feedback ${body.code} already exists`);

    const stamp = at.toISOString();
    return auditedWrite(
      db,
      actor,
      { action: 'publicservices.feedback.create', entityType: 'ps_feedback', entityId: body.code ?? null },
      async (trx) => {
        await figuresChanged(trx, this.platform.now().toISOString());
        const id = await repo.insertFeedback(trx, {
          code: body.code ?? `pending-${randomUUID()}`,
          kind: body.kind,
          subject: body.subject,
          content: body.content,
          dossier_code: body.dossierCode ?? null,
          procedure_code: body.procedureCode ?? null,
          agency_code: body.agencyCode ?? null,
          unit_id: unit,
          channel: body.channel ?? null,
          received_at: receivedAt.toISOString(),
          due_at: dueAt.toISOString(),
          in_remit: body.inRemit === false ? 0 : 1,
          status: 'received',
          answered_at: null,
          answer: null,
          satisfaction: null,
          created_by: actor.name,
          updated_at: stamp,
        });
        const code = body.code ?? `PAKN-${localYear(receivedAt.toISOString())}-${String(id).padStart(6, '0')}`;
        if (!body.code) await repo.updateFeedback(trx, id, { code });
        const created = toFeedback(
          (await repo.findInScope(trx, this.platform.config.rootUnit, this.platform.config.rootUnit, code))!,
          stamp,
        );
        return { before: null, after: created, result: created, entityId: code };
      },
      now,
    );
  }

  /** Changes one item in the caller's scope, audited with its state before and after. */
  private async change(
    actor: Actor,
    code: string,
    action: string,
    apply: (row: repo.FeedbackRow, at: string) => Parameters<typeof repo.updateFeedback>[2],
  ): Promise<Feedback> {
    const { db, now } = this.platform;
    return auditedWrite(
      db,
      actor,
      { action, entityType: 'ps_feedback', entityId: code },
      async (trx) => {
        await figuresChanged(trx, this.platform.now().toISOString());
        const row = await repo.findInScope(trx, actor.scope.unitId, this.platform.config.rootUnit, code);
        if (!row) throw notFound(`Feedback ${code}`);
        const at = now().toISOString();
        await repo.updateFeedback(trx, row.id, { ...apply(row, at), updated_at: at });
        const after = toFeedback(
          (await repo.findInScope(trx, actor.scope.unitId, this.platform.config.rootUnit, code))!,
          at,
        );
        return { before: toFeedback(row, at), after, result: after };
      },
      now,
    );
  }

  async answer(actor: Actor, code: string, body: AnswerFeedbackBody): Promise<Feedback> {
    return this.change(actor, code, 'publicservices.feedback.answer', (row, at) => {
      if (!OPEN.includes(row.status)) throw conflict(`Feedback ${code} is ${row.status}: it can no longer be answered`);
      return { answer: body.answer, answered_at: at, status: 'answered' };
    });
  }

  /** The citizen's rating, once there is an answer to rate; a later rating replaces the earlier one. */
  async rate(actor: Actor, code: string, body: RateFeedbackBody): Promise<Feedback> {
    return this.change(actor, code, 'publicservices.feedback.rate', (row) => {
      if (row.status !== 'answered') throw conflict(`Feedback ${code} has no answer to rate yet`);
      return { satisfaction: body.satisfaction };
    });
  }

  /**
   * in_progress: handling has started. rejected: not the province's to handle; the reason is the reply, and the
   * item leaves the in-remit figures (a rejection is audited, so it cannot quietly hide a late item).
   */
  async setStatus(actor: Actor, code: string, body: FeedbackStatusBody): Promise<Feedback> {
    if (body.status === 'rejected' && !body.reason) {
      throw invalid('Say why the feedback is rejected', [
        { field: '/reason', message: 'is required', rule: 'required' },
      ]);
    }
    return this.change(actor, code, 'publicservices.feedback.status', (row, at) => {
      if (!OPEN.includes(row.status)) throw conflict(`Feedback ${code} is already ${row.status}`);
      if (body.status === 'in_progress') return { status: 'in_progress' };
      return { status: 'rejected', in_remit: 0, answer: body.reason ?? null, answered_at: at };
    });
  }

  /** PAKN figures of a period (local time, UTC+7) for the caller's scope or a unit in it; see pakn-figures.ts. */
  async figures(actor: Actor, query: FeedbackFiguresQuery): Promise<FeedbackFigures> {
    const period = requirePeriod(query.period, 'querystring:/period');
    const unit = await this.scopeUnit(actor, query.unit);
    // A period not over yet is judged as of now; one not begun yet is empty.
    const { from, to } = spanOf(period, this.platform.now());
    return { period: period.id, unit, from, to, ...(await this.figuresFor(unit, from, to)) };
  }

  /** PAKN figures of [from, to) for a unit whose scope the caller has already checked (the 766 summary). */
  async figuresFor(unit: string, from: string, to: string): Promise<PaknFigures> {
    const rows = await repo.forFigures(this.platform.db, unit, this.platform.config.rootUnit, from, to);
    return paknFigures(rows.map(toFacts), { from, to });
  }
}
