import type { DataElement, Indicator } from '@ioc/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { type ApiQueryResult, useApiQuery } from '../api/queries.ts';
import { isFiner, parseViewPeriod, type ViewPeriodType } from '../calendar/periods.ts';
import { indicatorFrequencies, pickHeadlines, probeOrder } from './catalogue.ts';
import { completedPeriod, latestMonthOf, latestWithValue, probeRange } from './periods.ts';
import { readSelection, type Selection, selectionSearch } from './selection.ts';

export interface ResolvedSelection {
  /** The code in the URL, even when the catalogue has no such indicator. */
  requestedCode: string | null;
  code: string | null;
  indicator: Indicator | null;
  unit: string;
  /** null until the latest period with data is known. */
  period: string | null;
  periodType: ViewPeriodType;
  /** The finest period type the selected indicator is reported for (GRDP by quarter). */
  frequency: ViewPeriodType;
  frequencies: Map<string, ViewPeriodType>;
  /** The latest month with a figure for the selected indicator and unit, or last month. */
  latestMonth: string;
  headlines: string[];
  probe: ApiQueryResult<'GET /api/v1/indicator-series'>;
  /** The page's URL with part of the selection changed. */
  hrefFor(patch: Partial<Selection>): string;
  select(patch: Partial<Selection>): void;
}

/**
 * Reads the selection from the URL and fills in what is missing: the first headline indicator with monthly figures
 * for the unit, and its latest month with data. Once resolved, the URL is rewritten (without a history entry) so the
 * view can be shared as it is; a period finer than the indicator is reported for becomes its latest finished one.
 */
export function useSelection(input: {
  indicators: Indicator[] | undefined;
  elements: DataElement[] | undefined;
  elementsSettled: boolean;
  defaultUnit: string;
  today: string;
}): ResolvedSelection {
  const { indicators = [], elements, elementsSettled, defaultUnit, today } = input;
  const [params, setParams] = useSearchParams();
  const selection = readSelection(params, defaultUnit);
  const unit = selection.unit;

  const headlines = useMemo(() => pickHeadlines(indicators), [indicators]);
  const frequencies = useMemo(() => indicatorFrequencies(indicators, elements ?? []), [indicators, elements]);
  const frequencyOf = (code: string | null) => (code ? (frequencies.get(code) ?? 'month') : 'month');
  // The page opens on a month, so a headline reported monthly is preferred; one with figures for the unit at that.
  const candidates = useMemo(() => probeOrder(headlines, frequencies), [headlines, frequencies]);
  const [tried, setTried] = useState(0);

  const known = selection.code !== null && indicators.some((indicator) => indicator.code === selection.code);
  const code = known ? selection.code : elementsSettled ? (candidates[tried] ?? candidates[0] ?? null) : null;
  const indicator = indicators.find((candidate) => candidate.code === code) ?? null;
  const frequency = frequencyOf(code);

  const probe = useApiQuery(
    'GET /api/v1/indicator-series',
    code ? { query: { code, unit, ...probeRange(frequency, today) } } : null,
  );
  const latest = probe.data ? latestWithValue(probe.data.points) : null;
  // A cached answer being asked again says nothing yet: only a fresh one moves on to the next headline.
  const answered = probe.data !== undefined && !probe.isFetching;
  const tryNext = !known && answered && latest === null && tried < candidates.length - 1;
  useEffect(() => {
    if (tryNext) setTried((index) => index + 1);
  }, [tryNext]);

  // Nothing reported in three years: last month, the one whose figures are due now.
  const latestMonth = latestMonthOf(latest, today);
  const settled = (answered || probe.error !== null) && !tryNext;
  const requested = selection.period ?? (settled ? (latest ?? latestMonth) : null);
  const requestedType = parseViewPeriod(requested)?.type ?? 'month';
  const period = requested && isFiner(requestedType, frequency) ? completedPeriod(requested, frequency) : requested;
  const periodType = parseViewPeriod(period)?.type ?? 'month';

  useEffect(() => {
    if (!code || !period || tryNext) return;
    const resolved = selectionSearch({ code, unit, period });
    if (`?${params.toString()}` !== resolved) setParams(resolved, { replace: true });
  }, [code, unit, period, params, setParams, tryNext]);

  const hrefFor = useCallback(
    (patch: Partial<Selection>) => selectionSearch({ code, unit, period, ...patch }),
    [code, unit, period],
  );
  const select = useCallback((patch: Partial<Selection>) => setParams(hrefFor(patch)), [setParams, hrefFor]);

  return {
    requestedCode: selection.code,
    code,
    indicator,
    unit,
    period,
    periodType,
    frequency,
    frequencies,
    latestMonth,
    headlines,
    probe,
    hrefFor,
    select,
  };
}
