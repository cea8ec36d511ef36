import { IndicatorRanking, IndicatorSeries, IndicatorView, RankingQuery, SeriesQuery, ViewQuery } from '@ioc/shared';
import type { App } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { sendCsv } from '../../http/csv.ts';
import { errorResponses } from '../../http/route-kit.ts';
import type { IndicatorServices } from './module.ts';

const errors = errorResponses(400, 401, 403, 404);

/** Read-only views of one indicator; `format=csv` gives the same rows as a download. */
export function indicatorViewRoutes(app: App, { indicatorViews }: IndicatorServices): void {
  app.get(
    '/api/v1/indicator-series',
    {
      config: { permission: 'indicators.read' },
      schema: {
        tags: ['indicators'],
        summary: 'Trend of an indicator for one unit: value, same period last year, year to date, yearly plan',
        querystring: SeriesQuery,
        response: { 200: IndicatorSeries, ...errors },
      },
    },
    async (request, reply) => {
      const series = await indicatorViews.series(actorOf(request), request.query);
      if (request.query.format !== 'csv') return series;
      const rows = series.points.map((p) => [p.period, p.value, p.lastYear, p.yearToDate, p.target]);
      return sendCsv(
        reply,
        `${series.code}-${series.unit}`,
        ['period', 'value', 'last_year', 'year_to_date', 'target'],
        rows,
      );
    },
  );
  app.get(
    '/api/v1/indicator-ranking',
    {
      config: { permission: 'indicators.read' },
      schema: {
        tags: ['indicators'],
        summary: 'The units under a unit (default: the communes of the province) ranked on an indicator for a period',
        querystring: RankingQuery,
        response: { 200: IndicatorRanking, ...errors },
      },
    },
    async (request, reply) => {
      const ranking = await indicatorViews.ranking(actorOf(request), request.query);
      if (request.query.format !== 'csv') return ranking;
      const header = ['rank', 'unit', 'name', 'value', 'target', 'percent_of_plan', 'last_year', 'growth'];
      const rows = ranking.rows.map((r) => [
        r.rank,
        r.unit,
        r.name,
        r.value,
        r.target,
        r.percentOfPlan,
        r.lastYear,
        r.growth,
      ]);
      return sendCsv(reply, `${ranking.code}-${ranking.period}`, header, rows);
    },
  );
  app.get(
    '/api/v1/indicator-view',
    {
      config: { permission: 'indicators.read' },
      schema: {
        tags: ['indicators'],
        summary: 'An indicator for every unit under a unit × a run of periods (the map over time)',
        querystring: ViewQuery,
        response: { 200: IndicatorView, ...errors },
      },
    },
    async (request, reply) => {
      const view = await indicatorViews.view(actorOf(request), request.query);
      if (request.query.format !== 'csv') return view;
      const rows = view.units.map((unit, u) => [unit, ...view.values[u]!]);
      return sendCsv(reply, `${view.code}-${view.parent}`, ['unit', ...view.periods], rows);
    },
  );
}
