import {
  type IndicatorRanking,
  type IndicatorSeries,
  type IndicatorView,
  nextPeriod,
  type Period,
  type RankingQuery,
  type RankingRow,
  type SeriesQuery,
  type ViewQuery,
} from '@ioc/shared';
import { invalid, notFound } from '../../errors.ts';
import type { Platform } from '../../platform.ts';
import type { Actor } from '../auth/actor.ts';
import { requirePeriod } from '../calendar/period-param.ts';
import type { OrgUnitService } from '../orgunits/orgunits.service.ts';
import { listIndicators, targetsOf } from './catalogue.repo.ts';
import {
  comparableLastYear,
  completeYearToDate,
  growthOf,
  percentOf,
  periodsOfYearTo,
  yearToDate,
} from './comparison.ts';
import { type Catalogue, computeGrid, loadCatalogue } from './compute.ts';

const MAX_PERIODS = 120;

/** `from`…`to` inclusive, both of one period type, at most MAX_PERIODS of them. */
export function periodRange(fromId: string, toId: string): Period[] {
  const from = requirePeriod(fromId, 'querystring:/from');
  const to = requirePeriod(toId, 'querystring:/to');
  if (from.type !== to.type || from.start > to.start) {
    throw invalid('from and to must be periods of one type, from first', [
      { field: 'querystring:/to', message: `must be a ${from.type} not before ${from.id}`, rule: 'range' },
    ]);
  }
  const periods: Period[] = [];
  for (let p = from; p.start <= to.start; p = nextPeriod(p)) {
    if (periods.length === MAX_PERIODS) {
      throw invalid(`At most ${MAX_PERIODS} periods at once`, [
        { field: 'querystring:/to', message: `at most ${MAX_PERIODS} periods`, rule: 'maxItems', limit: MAX_PERIODS },
      ]);
    }
    periods.push(p);
  }
  return periods;
}

const yearOf = (period: Period) => Number(period.id.slice(0, 4));

/** Trends, rankings and unit × period views of one indicator, computed from stored values on request. */
export class IndicatorViewService {
  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
  ) {}

  private async indicator(code: string) {
    const found = (await listIndicators(this.platform.db)).find((i) => i.code === code);
    if (!found) throw notFound(`Indicator ${code}`);
    return found;
  }

  async series(actor: Actor, q: SeriesQuery): Promise<IndicatorSeries> {
    const { db } = this.platform;
    await this.indicator(q.code);
    await this.orgUnits.requireInScope(actor.scope, q.unit);
    const periods = periodRange(q.from, q.to);
    // From January of the window's first year: a year to date needs every period of its year, in the window or not.
    const fromJanuary = [...periodsOfYearTo(periods[0]!).slice(0, -1), ...periods];
    const catalogue = await loadCatalogue(db);
    const now = this.platform.now();
    const lastYears = periods.map((p) => comparableLastYear(p, now));
    const [values, previous, yearToDate, targets] = await Promise.all([
      computeGrid(db, catalogue, [q.code], { units: [q.unit], periods: fromJanuary }),
      computeGrid(db, catalogue, [q.code], { units: [q.unit], periods: lastYears }),
      this.yearToDate(catalogue, q.code, q.unit, periods),
      targetsOf(db, q.code, [q.unit], [...new Set(periods.map(yearOf))]),
    ]);
    const complete = completeYearToDate(fromJanuary, (p) => values.get(q.unit, p.id, q.code) !== null);
    const targetOf = new Map(targets.map((t) => [t.year, t.value]));
    return {
      code: q.code,
      unit: q.unit,
      points: periods.map((period, index) => ({
        period: period.id,
        value: values.get(q.unit, period.id, q.code),
        lastYear: previous.get(q.unit, lastYears[index]!.id, q.code),
        yearToDate: complete.has(period.id) ? (yearToDate.get(period.id) ?? null) : null,
        target: targetOf.get(yearOf(period)) ?? null,
      })),
    };
  }

  /**
   * Year-to-date values: from 1 January to the end of each period. Ranges of one position in the year (all the
   * Marches) never overlap, so they share one grid; a 36-month trend is 12 grids whatever the number of years.
   */
  private async yearToDate(
    catalogue: Catalogue,
    code: string,
    unit: string,
    periods: Period[],
  ): Promise<Map<string, number | null>> {
    const { db } = this.platform;
    const byPosition = new Map<string, Period[]>();
    for (const period of periods) {
      const position = period.id.slice(4);
      const range: Period = {
        id: period.id,
        type: period.type,
        start: `${period.id.slice(0, 4)}-01-01`,
        end: period.end,
      };
      byPosition.set(position, [...(byPosition.get(position) ?? []), range]);
    }
    const result = new Map<string, number | null>();
    for (const ranges of byPosition.values()) {
      const values = await computeGrid(db, catalogue, [code], { units: [unit], periods: ranges });
      for (const range of ranges) result.set(range.id, values.get(unit, range.id, code));
    }
    return result;
  }

  async ranking(actor: Actor, q: RankingQuery): Promise<IndicatorRanking> {
    const { db } = this.platform;
    const indicator = await this.indicator(q.code);
    const parent = q.parent ?? this.platform.config.rootUnit;
    await this.orgUnits.requireInScope(actor.scope, parent);
    const period = requirePeriod(q.period, 'querystring:/period');
    const lastYear = comparableLastYear(period, this.platform.now());
    const children = await this.orgUnits.currentChildren(parent);
    const units = children.map((c) => c.id);
    const catalogue = await loadCatalogue(db);
    const yearSoFar = periodsOfYearTo(period);
    const [values, previous, toDate, targets] = await Promise.all([
      computeGrid(db, catalogue, [q.code], { units, periods: yearSoFar }),
      computeGrid(db, catalogue, [q.code], { units, periods: [lastYear] }),
      computeGrid(db, catalogue, [q.code], { units, periods: [yearToDate(period)] }),
      targetsOf(db, q.code, units, [yearOf(period)]),
    ]);
    const targetOf = new Map(targets.map((t) => [t.unit_id, t.value]));
    const rows: RankingRow[] = children.map((child) => {
      const value = values.get(child.id, period.id, q.code);
      const target = targetOf.get(child.id) ?? null;
      const before = previous.get(child.id, lastYear.id, q.code);
      const whole = yearSoFar.every((p) => values.get(child.id, p.id, q.code) !== null);
      const ytd = whole ? toDate.get(child.id, period.id, q.code) : null;
      return {
        unit: child.id,
        name: child.name,
        nameEn: child.nameEn,
        value,
        target,
        yearToDate: ytd,
        percentOfPlan: percentOf(ytd, target),
        lastYear: before,
        growth: growthOf(value, before),
        rank: null,
      };
    });
    const better = indicator.direction === 'down' ? 1 : -1;
    rows.sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? 0 : 1) : -1;
      return better * (a.value - b.value) || a.unit.localeCompare(b.unit);
    });
    // Equal values share a rank (1, 2, 2, 4), as in league tables.
    rows.forEach((row, index) => {
      if (row.value === null) return;
      const previousRow = rows[index - 1];
      row.rank = previousRow && previousRow.value === row.value ? previousRow.rank : index + 1;
    });
    return { code: q.code, parent, period: period.id, direction: indicator.direction, rows };
  }

  async view(actor: Actor, q: ViewQuery): Promise<IndicatorView> {
    const { db } = this.platform;
    await this.indicator(q.code);
    const parent = q.parent ?? this.platform.config.rootUnit;
    await this.orgUnits.requireInScope(actor.scope, parent);
    const periods = periodRange(q.from, q.to);
    const units = (await this.orgUnits.currentChildren(parent)).map((c) => c.id);
    const values = await computeGrid(db, await loadCatalogue(db), [q.code], { units, periods });
    return {
      code: q.code,
      parent,
      units,
      periods: periods.map((p) => p.id),
      values: units.map((unit) => periods.map((p) => values.get(unit, p.id, q.code))),
    };
  }
}
