import type { Alert, Indicator } from '@ioc/shared';
import { useMemo } from 'react';
import { useApiQuery } from '../api/queries.ts';
import { useRootUnit } from '../auth/AuthContext.tsx';
import { currentMonth } from '../calendar/days.ts';
import { formatPeriod, shiftPeriod } from '../calendar/periods.ts';
import { useI18n } from '../i18n/index.tsx';
import { useLiveReload } from '../live/useLiveReload.ts';
import type { MapData, MapUnit } from './mapData.ts';
import type { MapColouring } from './mapOption.ts';
import { countAlerts, type OverlayChoice, type OverlayShading, shadeAlertCounts, shadeValues } from './overlay.ts';

/** The most alerts one list answers; beyond that the legend says the counts are of the latest ones only. */
export const ALERT_LIMIT = 500;

export interface MapOverlay {
  colouring?: MapColouring;
  shading?: OverlayShading;
  /** Formats a legend bound (the indicator's decimals and unit). */
  formatValue(value: number): string;
  /** Alerts counted on no commune, and whether the list was cut at ALERT_LIMIT. */
  alerts?: { total: number; elsewhere: number; capped: boolean };
  indicator?: Indicator;
  loading: boolean;
  error: Error | null;
  retry(): void;
  /** Nothing to colour by: no open alerts, or no commune value for the period. */
  empty: boolean;
}

/** Last month: the latest whose figures are due, as the indicators page opens on when it knows no better. */
export function defaultMapPeriod(now: Date): string {
  return shiftPeriod(currentMonth(now), -1);
}

/** The alert list as it answers today (an array) or as a page (`{ items, total }`): the map reads either. */
export function alertItems(answer: readonly Alert[] | { items: readonly Alert[]; total?: number }): {
  items: readonly Alert[];
  total: number;
} {
  if (Array.isArray(answer)) return { items: answer, total: answer.length };
  const page = answer as { items: readonly Alert[]; total?: number };
  return { items: page.items, total: page.total ?? page.items.length };
}

/** The data behind the chosen overlay, read through the typed API and turned into colours, a legend and tooltips. */
export function useMapOverlay(
  data: MapData | null,
  choice: OverlayChoice,
  period: string,
  indicators: readonly Indicator[] | undefined,
): MapOverlay {
  const { t, fmt, lang } = useI18n();
  const root = useRootUnit();
  const alertsQuery = useApiQuery(
    'GET /api/v1/alerts',
    choice.kind === 'alerts' ? { query: { status: 'open', limit: ALERT_LIMIT } } : null,
  );
  const indicator = choice.kind === 'indicator' ? indicators?.find((i) => i.code === choice.code) : undefined;
  const rankingQuery = useApiQuery(
    'GET /api/v1/indicator-ranking',
    indicator ? { query: { code: indicator.code, parent: root.code, period } } : null,
  );
  useLiveReload('alert.raised', ['GET /api/v1/alerts']);
  useLiveReload('indicators.values', ['GET /api/v1/indicator-ranking']);

  return useMemo((): MapOverlay => {
    const plain = (value: number) => fmt.number(value);
    const base = { formatValue: plain, loading: false, error: null, retry: () => {}, empty: false };
    if (!data) return base;
    const communes = data.units.map((unit) => unit.code);
    const periodLabel = formatPeriod(period, lang);

    if (choice.kind === 'alerts') {
      if (!alertsQuery.data) {
        return {
          ...base,
          loading: alertsQuery.isLoading,
          error: alertsQuery.error,
          retry: () => void alertsQuery.refetch(),
        };
      }
      const { items, total } = alertItems(alertsQuery.data);
      const { byUnit, elsewhere } = countAlerts(items, communes);
      const shading = shadeAlertCounts(byUnit);
      return {
        ...base,
        shading,
        alerts: { total: items.length - elsewhere, elsewhere, capped: total > items.length },
        empty: items.length === 0,
        colouring: {
          colourOf: (unit: MapUnit) => shading.colourOf.get(unit.code) ?? null,
          describe: (unit: MapUnit) => t('map.tooltip.alerts', { count: byUnit.get(unit.code) ?? 0 }),
        },
      };
    }

    if (choice.kind === 'indicator') {
      if (!indicator) return { ...base, loading: indicators === undefined, empty: indicators !== undefined };
      const formatValue = (value: number) =>
        `${fmt.number(value, indicator.decimals)}${indicator.unit ? ` ${indicator.unit}` : ''}`;
      if (!rankingQuery.data) {
        return {
          ...base,
          indicator,
          formatValue,
          loading: rankingQuery.isLoading,
          error: rankingQuery.error,
          retry: () => void rankingQuery.refetch(),
        };
      }
      const rows = new Map(rankingQuery.data.rows.map((row) => [row.unit, row.value]));
      const values = new Map(communes.map((code) => [code, rows.get(code) ?? null]));
      const shading = shadeValues(values);
      return {
        ...base,
        indicator,
        formatValue,
        shading,
        empty: shading.classes.length === 0,
        colouring: {
          colourOf: (unit: MapUnit) => shading.colourOf.get(unit.code) ?? null,
          describe: (unit: MapUnit) => {
            const value = values.get(unit.code);
            return value === null || value === undefined
              ? t('map.tooltip.noValue', { period: periodLabel })
              : t('map.tooltip.value', { value: formatValue(value), period: periodLabel });
          },
        },
      };
    }
    return base;
  }, [data, choice, period, lang, t, fmt, indicator, indicators, alertsQuery, rankingQuery]);
}
