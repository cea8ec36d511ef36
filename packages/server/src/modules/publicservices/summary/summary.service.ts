import {
  type Period,
  type PsGroup,
  type PsOpenDossier,
  type PsOpenList,
  type PsOpenQuery,
  type PsScore,
  type PsSummary,
  type PsSummaryQuery,
  type PsTickerItem,
  type PsTickerQuery,
  type PsTrend,
  type PsTrendQuery,
  periodsWithin,
} from '@ioc/shared';
import { VersionedCache } from '../../../lib/versioned-cache.ts';
import type { Platform } from '../../../platform.ts';
import type { AgencyService } from '../../agencies/agencies.service.ts';
import type { Actor } from '../../auth/actor.ts';
import type { CalendarService } from '../../calendar/calendar.service.ts';
import { requirePeriod } from '../../calendar/period-param.ts';
import { type PeriodSpan, spanOf } from '../../calendar/period-span.ts';
import type { OrgUnitService } from '../../orgunits/orgunits.service.ts';
import { listFields, listProcedures } from '../catalogue/catalogue.repo.ts';
import { catalogueRates } from '../catalogue/catalogue-rates.ts';
import type { FeedbackService } from '../feedback/feedback.service.ts';
import { figuresVersion } from '../figures-version.ts';
import { LATE_AT_REQUEST, progressAt } from '../metrics/classify.ts';
import type { Calendar } from '../metrics/clock.ts';
import { requestsBefore } from '../metrics/clock.ts';
import { type DossierRowLike, factsOf } from '../metrics/facts.ts';
import type { Figures } from '../metrics/figures.ts';
import {
  DEFAULT_SCORING_RULES,
  type Rates,
  ratesFromFigures,
  type ScoringRules,
  score766,
} from '../metrics/score766.ts';
import { summarize } from '../metrics/summary.ts';
import { dossierUnits } from '../scope.ts';
import type { ScoringRulesService } from '../scoring/scoring.service.ts';
import { dailyTotals, monthlyTotals, openAt, touching } from './daily.repo.ts';
import { figuresFromDaily } from './from-daily.ts';
import { dossierDetails, latestStepOf, proceduresUsedOnline, recentDossiers } from './views.repo.ts';

/** Score766 with the rules' names, thresholds and descriptions, for people reading it. */
export function describeScore(rates: Rates, rules: ScoringRules = DEFAULT_SCORING_RULES): PsScore {
  const score = score766(rates, rules);
  return {
    ...score,
    groups: score.groups.map((g) => ({
      ...g,
      name: rules.groups.find((x) => x.id === g.id)?.name ?? g.id,
      criteria: g.criteria.map((k) => {
        const rule = rules.criteria.find((x) => x.id === k.id)!;
        return { ...k, threshold: rule.threshold, description: rule.description };
      }),
    })),
  };
}

/** The one-stop dashboard: figures, rankings, the 766 score, open dossiers and the ticker, within the caller's scope. */
export class PublicServiceSummaryService {
  // A leader's view is asked by many screens at once and changes only when the data does (or, for a running period,
  // as the clock moves on): computed once per data version and minute, per period, unit and grouping.
  private readonly summaries = new VersionedCache<PsSummary>(200);
  private readonly trends = new VersionedCache<PsTrend>(100);

  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
    private readonly agencies: AgencyService,
    private readonly workingCalendar: CalendarService,
    private readonly feedback: FeedbackService,
    private readonly scoring: ScoringRulesService,
    /** Off only to measure the computation itself (bench/). */
    private readonly options: { cacheViews: boolean } = { cacheViews: true },
  ) {}

  /** Agency code → the IOC's name of it, for lists. */
  private async agencyNames(): Promise<Map<string, string>> {
    return new Map((await this.agencies.list()).map((a) => [a.code, a.name]));
  }

  private units(actor: Actor, unit: string | undefined) {
    return dossierUnits(this.orgUnits, actor, unit, this.platform.config.rootUnit);
  }

  private async figures(
    span: PeriodSpan,
    units: string[] | null,
    calendar: Calendar,
    groupBy: PsSummaryQuery['groupBy'],
    agency: string | undefined,
  ) {
    const { db } = this.platform;
    const ofAgency = (a: string) => !agency || a === agency;
    if (groupBy === 'field' || groupBy === 'procedure') {
      const rows = await touching(db, span.from, span.to, units, agency);
      const facts = rows.map((row) => factsOf(row as DossierRowLike));
      return summarize(facts, { from: span.from, to: span.to }, calendar, groupBy);
    }
    const [totals, open] = await Promise.all([
      dailyTotals(db, span.fromDay, span.toDay, units),
      openAt(db, span.to, units),
    ]);
    const facts = open.map((row) => factsOf(row as DossierRowLike)).filter((f) => ofAgency(f.agency));
    return figuresFromDaily(
      totals.filter((t) => ofAgency(t.agency)),
      facts,
      Date.parse(span.to),
      calendar,
      groupBy,
    );
  }

  /**
   * The 766 inputs of a period: the dossiers' own rates, the catalogue's online provision (the communes' procedures
   * for a commune) and the feedback handled. What no source knows stays missing.
   */
  private async rates(span: PeriodSpan, unit: string, units: string[] | null, figures: Figures): Promise<Rates> {
    const { db } = this.platform;
    const [procedures, usedOnline, pakn] = await Promise.all([
      listProcedures(db),
      proceduresUsedOnline(db, span.from, span.to, units),
      this.feedback.figuresFor(unit, span.from, span.to),
    ]);
    const catalogue = catalogueRates(
      procedures.map((p) => ({
        code: p.code,
        level: p.level as 'province' | 'commune',
        agencyCode: p.agency_code,
        onlineLevel: p.online_level as 'full' | 'partial' | 'none',
        onlinePayment: p.online_payment === 1,
        feeVnd: p.fee_vnd,
      })),
      usedOnline,
      units ? { level: 'commune' } : {},
    );
    return {
      ...ratesFromFigures(figures),
      ...catalogue,
      paknOnTime: pakn.paknOnTime,
      paknSatisfaction: pakn.paknSatisfaction,
    };
  }

  /** The cache key's time part: a running period's figures move with the clock, by the minute. */
  private version(running: boolean, dataVersion: string): string {
    return running ? `${dataVersion}@${Math.floor(this.platform.now().getTime() / 60_000)}` : dataVersion;
  }

  async summary(actor: Actor, query: PsSummaryQuery): Promise<PsSummary> {
    const period = requirePeriod(query.period, 'querystring:/period');
    // The scope is checked before the cache is read: a cached view is never handed to someone outside it.
    const { unit, units } = await this.units(actor, query.unit);
    const running = spanOf(period, this.platform.now()).running;
    const key = JSON.stringify([period.id, unit, query.groupBy ?? null, query.agency ?? null]);
    const version = this.version(running, await figuresVersion(this.platform.db));
    const compute = () => this.computeSummary(period, unit, units, query);
    return this.options.cacheViews ? this.summaries.get(key, version, compute) : compute();
  }

  private async computeSummary(
    period: Period,
    unit: string,
    units: string[] | null,
    query: PsSummaryQuery,
  ): Promise<PsSummary> {
    const span = spanOf(period, this.platform.now());
    const calendar = await this.workingCalendar.calendar();
    const { total, groups } = await this.figures(span, units, calendar, query.groupBy, query.agency);
    const rates = await this.rates(span, unit, units, total);
    const names = await this.groupNames(query.groupBy);
    return {
      period: { id: span.id, from: span.from, to: span.to, running: span.running },
      unit,
      total,
      groups: groups.map(
        (g): PsGroup => ({
          key: g.key,
          ...(names.get(g.key ?? '') ?? { name: g.key ?? '—', nameEn: g.key ?? '—', unitId: null }),
          figures: g.figures,
        }),
      ),
      rates,
      score: describeScore(rates, await this.scoring.rules()),
    };
  }

  private async groupNames(
    groupBy: PsSummaryQuery['groupBy'],
  ): Promise<Map<string, { name: string; nameEn: string; unitId: string | null }>> {
    const out = new Map<string, { name: string; nameEn: string; unitId: string | null }>();
    if (groupBy === 'agency') {
      for (const a of await this.agencies.list()) out.set(a.code, { name: a.name, nameEn: a.nameEn, unitId: a.unitId });
    } else if (groupBy === 'field') {
      for (const f of await listFields(this.platform.db))
        out.set(f.code, { name: f.name, nameEn: f.name_en ?? f.name, unitId: null });
    } else if (groupBy === 'procedure') {
      for (const p of await listProcedures(this.platform.db))
        out.set(p.code, { name: p.name, nameEn: p.name, unitId: null });
    } else if (groupBy === 'unit') {
      for (const u of await this.orgUnits.currentChildren(this.platform.config.rootUnit))
        out.set(u.id, { name: u.name, nameEn: u.nameEn, unitId: u.id });
      const province = await this.orgUnits.find(this.platform.config.rootUnit);
      if (province) out.set(province.id, { name: province.name, nameEn: province.nameEn, unitId: province.id });
    }
    return out;
  }

  /** Month by month through a period (a year: 12 points), the score and the rates behind it. */
  async trend(actor: Actor, query: PsTrendQuery): Promise<PsTrend> {
    const period = requirePeriod(query.period, 'querystring:/period');
    const { unit, units } = await this.units(actor, query.unit);
    const running = spanOf(period, this.platform.now()).running;
    const version = this.version(running, await figuresVersion(this.platform.db));
    return this.trends.get(JSON.stringify([period.id, unit]), version, () => this.computeTrend(period, unit, units));
  }

  private async computeTrend(period: Period, unit: string, units: string[] | null): Promise<PsTrend> {
    const now = this.platform.now();
    const months =
      period.type === 'month' || period.type === 'week' || period.type === 'day'
        ? [period]
        : periodsWithin(period, 'month');
    const whole = spanOf(period, now);
    const totals = await monthlyTotals(this.platform.db, whole.fromDay, whole.toDay, units);
    const calendar = await this.workingCalendar.calendar();
    const rules = await this.scoring.rules();
    const points = [];
    for (const month of months) {
      const span = spanOf(month, now);
      if (Date.parse(span.from) > now.getTime()) break;
      const rows = totals.filter((t) => t.month === month.start.slice(0, 7));
      const { total } = figuresFromDaily(
        rows.map((r) => ({ ...r, agency: '', unitId: '', carriedOver: 0 })),
        [],
        Date.parse(span.to),
        calendar,
      );
      const score = score766(await this.rates(span, unit, units, total), rules);
      points.push({
        period: month.id,
        running: span.running,
        score: score.total,
        maxAvailable: score.maxAvailable,
        groups: score.groups.map((g) => ({ id: g.id, points: g.points })),
        onTimeRate: total.onTimeRate,
        onlineShare: total.onlineShare,
        received: total.received,
        finished: total.finished.total,
      });
    }
    return { unit, points };
  }

  /** Dossiers in processing now that are overdue (most late first) or due soon (soonest first). */
  async open(actor: Actor, query: PsOpenQuery): Promise<PsOpenList> {
    const { units } = await this.units(actor, query.unit);
    const now = this.platform.now();
    const calendar = await this.workingCalendar.calendar();
    const wanted = query.progress ?? 'overdue';
    const rows = await openAt(this.platform.db, now.toISOString(), units);
    const judged = rows
      .map((row) => factsOf(row as DossierRowLike))
      .filter((f) => !query.agency || f.agency === query.agency)
      .map((f) => ({ f, ...progressAt(f, now.getTime(), calendar) }))
      .filter((x) => x.progress === wanted);
    const lateness = (due: number | null) =>
      due === null
        ? null
        : due < now.getTime()
          ? calendar.workingDaysBetween(new Date(due), now)
          : -calendar.workingDaysBetween(now, new Date(due));
    const listed = judged
      .map((x) => ({ ...x, late: lateness(x.adjustedDue) }))
      .sort((a, b) =>
        wanted === 'overdue' ? (b.late ?? Infinity) - (a.late ?? Infinity) : (b.late ?? 0) - (a.late ?? 0),
      )
      .slice(0, query.limit ?? 100);
    const codes = listed.map((x) => x.f.code);
    const [steps, details, agencyName] = await Promise.all([
      latestStepOf(this.platform.db, codes),
      dossierDetails(this.platform.db, codes),
      this.agencyNames(),
    ]);
    return {
      asOf: now.toISOString(),
      total: judged.length,
      dossiers: listed.map(({ f, adjustedDue, late }): PsOpenDossier => {
        const step = steps.get(f.code);
        const detail = details.get(f.code);
        return {
          code: f.code,
          procedure: detail?.procedure_name ?? f.procedureCode,
          agency: f.agency,
          agencyName: agencyName.get(f.agency) ?? detail?.agency ?? f.agency,
          unitId: f.unitId,
          owner: detail?.owner_name ?? null,
          status: f.status,
          receivedAt: new Date(f.receivedAt!).toISOString(),
          dueAt: adjustedDue === null ? null : new Date(adjustedDue).toISOString(),
          workingDaysLate: late === null ? null : Math.round(late * 100) / 100,
          secondSupplement: requestsBefore(f, now.getTime()) >= LATE_AT_REQUEST,
          holder: step
            ? { handler: step.handler, title: step.title, department: step.department, since: step.step_at }
            : null,
        };
      }),
    };
  }

  /** The latest dossiers synced, newest first: what the live ticker opens with before events arrive. */
  async ticker(actor: Actor, query: PsTickerQuery): Promise<PsTickerItem[]> {
    const { units } = await this.units(actor, query.unit);
    const [rows, agencyName] = await Promise.all([
      recentDossiers(this.platform.db, units, query.limit ?? 30),
      this.agencyNames(),
    ]);
    return rows.map((d) => ({
      code: d.code,
      procedure: d.procedure_name,
      agency: d.agency_code ?? d.agency,
      agencyName: (d.agency_code && agencyName.get(d.agency_code)) || d.agency,
      unitId: d.unit_id,
      status: d.status,
      at: d.status_at,
      syncedAt: d.synced_at,
    }));
  }
}
