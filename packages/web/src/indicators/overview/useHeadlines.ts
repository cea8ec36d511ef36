import type { Indicator } from '@ioc/shared';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useApiQuery } from '../../api/queries.ts';
import type { ViewPeriodType } from '../../calendar/periods.ts';
import { useLiveEvent } from '../../live/LiveContext.tsx';
import { useLiveReload } from '../../live/useLiveReload.ts';
import { cumulativeCodes, indicatorFrequencies, KPI_COUNT, pickHeadlines, probeOrder } from '../catalogue.ts';
import { latestMonthOf, latestWithValue, probeRange } from '../periods.ts';

export type HeadlinesStatus = 'loading' | 'ready' | 'empty' | 'forbidden' | 'failed';

export interface Headlines {
  status: HeadlinesStatus;
  /** The headline indicators, in the order the indicators page shows them. */
  indicators: Indicator[];
  /** The period the cards show: the latest with a figure for the first headline that has one. */
  period: string | null;
  latestMonth: string;
  frequencies: ReadonlyMap<string, ViewPeriodType>;
  cumulative: ReadonlySet<string>;
  retry(): void;
}

const NONE: Indicator[] = [];

/** Which indicators to show, in order: the headlines, or a topic's (the health page's); a module-level function. */
export type Pick = (indicators: readonly Indicator[]) => string[];
const pickFive: Pick = (indicators) => pickHeadlines(indicators, KPI_COUNT);

function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 403 || error.status === 401);
}

/**
 * The headline figures of a unit at its latest month with data, chosen as the indicators page chooses them when it
 * opens (the first headline reported monthly with a figure for the unit), but without reading or writing the URL.
 */
export function useHeadlines(unit: string, today: string, pick: Pick = pickFive): Headlines {
  const catalogue = useApiQuery('GET /api/v1/indicators');
  const elements = useApiQuery('GET /api/v1/data-elements');
  const indicators = catalogue.data ?? NONE;
  const headlines = useMemo(() => pick(indicators), [indicators, pick]);
  const frequencies = useMemo(() => indicatorFrequencies(indicators, elements.data ?? []), [indicators, elements.data]);
  const cumulative = useMemo(() => cumulativeCodes(indicators), [indicators]);
  const candidates = useMemo(() => probeOrder(headlines, frequencies), [headlines, frequencies]);
  const elementsSettled = elements.data !== undefined || elements.error !== null;

  const [tried, setTried] = useState(0);
  const code = elementsSettled ? (candidates[tried] ?? null) : null;
  const frequency = code ? (frequencies.get(code) ?? 'month') : 'month';
  const probe = useApiQuery(
    'GET /api/v1/indicator-series',
    code ? { query: { code, unit, ...probeRange(frequency, today) } } : null,
  );
  const latest = probe.data ? latestWithValue(probe.data.points) : null;
  // A cached answer being asked again says nothing yet: only a fresh one moves on to the next headline.
  const answered = probe.data !== undefined && !probe.isFetching;
  const tryNext = answered && latest === null && tried < candidates.length - 1;
  useEffect(() => {
    if (tryNext) setTried((index) => index + 1);
  }, [tryNext]);

  useLiveReload('indicators.values', ['GET /api/v1/indicator-series']);
  // The first figures of a fresh install arrive while the page is open: look again from the first headline.
  useLiveEvent('indicators.values', () => {
    if (latest === null && tried > 0) setTried(0);
  });

  const byCode = new Map(indicators.map((indicator) => [indicator.code, indicator]));
  const shown = headlines.flatMap((headline) => byCode.get(headline) ?? []);
  const error = catalogue.error ?? probe.error;
  let status: HeadlinesStatus = 'loading';
  if (isForbidden(error)) status = 'forbidden';
  else if (error !== null) status = 'failed';
  else if (catalogue.data && catalogue.data.length === 0) status = 'empty';
  else if (latest !== null) status = 'ready';
  else if (answered && !tryNext) status = 'empty';

  return {
    status,
    indicators: shown,
    period: latest,
    latestMonth: latestMonthOf(latest, today),
    frequencies,
    cumulative,
    retry: () => {
      if (catalogue.error !== null) void catalogue.refetch();
      else void probe.refetch();
    },
  };
}
