import type { Indicator, IndicatorView } from '@ioc/shared';
import { useId, useMemo, useState } from 'react';
import { formatPeriod } from '../calendar/periods.ts';
import { echarts } from '../charts/echarts.ts';
import { useChart } from '../charts/useChart.ts';
import { useTheme } from '../components/theme.tsx';
import { localName, type Translate, useI18n } from '../i18n/index.tsx';
import type { MapData } from '../map/mapData.ts';
import type { Direction } from './assess.ts';
import { CsvLink } from './CsvLink.tsx';
import { buildIndicatorMapOption, INDICATOR_MAP } from './indicatorMapOption.ts';
import { type LegendLabel, MAP_METRICS, type MapMetric, NO_DATA, shadeUnits } from './mapShading.ts';
import { entriesAt, type RankingEntry, viewValues } from './ranking.ts';
import { useFigures } from './useFigures.ts';

interface MapCardProps {
  mapData: MapData;
  entries: readonly RankingEntry[];
  indicator: Indicator;
  direction: Direction;
  metric: MapMetric;
  onMetric(metric: MapMetric): void;
  selectedUnit: string;
  onSelect(unit: string): void;
  /** The communes over the last periods, for the time slider; the last period is the selected one. */
  history: IndicatorView | undefined;
  historyCsv: string;
  onPickPeriod(period: string): void;
}

const METRIC_KEYS = {
  value: 'indicators.map.metric.value',
  plan: 'indicators.map.metric.plan',
  growth: 'indicators.map.metric.growth',
} as const;

function legendText(label: LegendLabel, t: Translate, number: (value: number) => string): string {
  switch (label.kind) {
    case 'below':
      return t('indicators.map.legend.below', { limit: number(label.limit) });
    case 'between':
      return t('indicators.map.legend.between', { from: number(label.from), to: number(label.to) });
    case 'atLeast':
      return t('indicators.map.legend.atLeast', { limit: number(label.limit) });
    case 'only':
      return number(label.value);
    case 'plan':
      return t(`indicators.map.legend.plan.${label.tone}`);
    case 'growth':
      return t(`indicators.map.legend.growth.${label.bucket}`);
    case 'noData':
      return t('indicators.noData');
  }
}

/** The communes coloured by the selected figure; a click drills into the commune. */
export function MapCard(props: MapCardProps) {
  const {
    mapData,
    entries: current,
    indicator,
    direction,
    metric: chosenMetric,
    onMetric,
    selectedUnit,
    onSelect,
  } = props;
  const { history, historyCsv, onPickPeriod } = props;
  const { t, lang } = useI18n();
  const figures = useFigures();
  const { theme } = useTheme();
  const sliderId = useId();

  // The slider shows an earlier period from the view; only values exist there, so the map colours by value.
  const periods = history?.periods ?? [];
  // Remembered with the period it was scrubbed back from, so choosing another period starts at that one again.
  const [scrubbed, setScrubbed] = useState<{ from: string; to: string } | null>(null);
  const shownPeriod = scrubbed && scrubbed.from === periods.at(-1) ? scrubbed.to : null;
  const setShownPeriod = (to: string | null) => setScrubbed(to === null ? null : { from: periods.at(-1) ?? '', to });
  const step = shownPeriod === null ? -1 : periods.indexOf(shownPeriod);
  const scrubbing = history !== undefined && step >= 0 && step < periods.length - 1;
  const metric = scrubbing ? 'value' : chosenMetric;
  const entries = useMemo(
    () => (scrubbing && history ? entriesAt(history, step, current) : current),
    [scrubbing, history, step, current],
  );
  const scale = useMemo(() => (history ? viewValues(history) : undefined), [history]);

  const ranked = entries.filter((entry) => entry.rank !== null).length;
  const byUnit = useMemo(() => new Map(entries.map((entry) => [entry.unit, entry])), [entries]);
  const shading = useMemo(() => shadeUnits(entries, metric, direction, scale), [entries, metric, direction, scale]);

  // Registered once per geometry; the option below refers to it by name.
  const registered = useMemo(() => {
    echarts.registerMap(INDICATOR_MAP, mapData.collection as Parameters<typeof echarts.registerMap>[1]);
    return mapData;
  }, [mapData]);

  const option = useMemo(() => {
    void theme;
    const value = (entry: RankingEntry) =>
      entry.value === null ? t('indicators.noData') : figures.value(indicator, entry.value);
    const nameOf = (code: string) => {
      const entry = byUnit.get(code);
      return entry
        ? localName(lang, entry.name, entry.nameEn)
        : (registered.units.find((u) => u.code === code)?.name ?? code);
    };
    const describe = (code: string) => {
      const entry = byUnit.get(code);
      if (!entry) return [nameOf(code), t('indicators.noData')];
      const lines = [nameOf(code), `${t('indicators.column.value')}: ${value(entry)}`];
      if (entry.value !== null) {
        if (entry.percentOfPlan !== null && entry.yearToDate !== null) {
          lines.push(`${t('indicators.column.yearToDate')}: ${figures.value(indicator, entry.yearToDate)}`);
          lines.push(`${t('indicators.column.plan')}: ${figures.percent(entry.percentOfPlan)}`);
        }
        if (entry.growth !== null) {
          const sign = entry.growth > 0 ? '+' : entry.growth < 0 ? '−' : '';
          lines.push(`${t('indicators.column.growth')}: ${sign}${figures.percent(Math.abs(entry.growth))}`);
        }
        if (entry.rank !== null) lines.push(t('indicators.map.rank', { rank: entry.rank, count: ranked }));
      }
      return lines;
    };
    return buildIndicatorMapOption(registered, shading, selectedUnit, describe, nameOf);
  }, [registered, shading, selectedUnit, byUnit, ranked, indicator, figures, lang, t, theme]);

  const container = useChart(option, onSelect);
  const withValue = entries.filter((entry) => entry.value !== null).length;
  const number = (value: number) =>
    metric === 'value' ? figures.fixed(value, indicator.decimals) : figures.percent(value);

  return (
    <section className="card map-card" aria-labelledby="indicator-map-title">
      <header className="card-header">
        <h2 id="indicator-map-title">{t('indicators.map.title')}</h2>
        <fieldset className="segmented" aria-label={t('indicators.map.metric')} data-testid="map-metric">
          {MAP_METRICS.map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={option === metric}
              disabled={scrubbing && option !== 'value'}
              onClick={() => onMetric(option)}
            >
              {t(METRIC_KEYS[option])}
            </button>
          ))}
        </fieldset>
      </header>
      <div className="map-frame indicator-map-frame">
        <div
          ref={container}
          className="unit-map"
          data-testid="indicator-map"
          data-mode={mapData.mode}
          data-count={mapData.units.length}
          data-with-value={withValue}
          role="img"
          aria-label={t('indicators.map.aria', { count: mapData.units.length, withValue })}
        />
      </div>
      {periods.length > 1 && (
        <div className="map-timeline">
          <label htmlFor={sliderId}>{t('indicators.map.timeline')}</label>
          <input
            id={sliderId}
            type="range"
            min={0}
            max={periods.length - 1}
            step={1}
            value={step < 0 ? periods.length - 1 : step}
            aria-valuetext={formatPeriod(periods[step < 0 ? periods.length - 1 : step] ?? '', lang)}
            onChange={(event) => {
              const index = Number(event.target.value);
              setShownPeriod(index === periods.length - 1 ? null : (periods[index] ?? null));
            }}
            data-testid="map-timeline"
          />
          <output htmlFor={sliderId} className={scrubbing ? 'map-timeline-period scrubbing' : 'map-timeline-period'}>
            {formatPeriod(periods[step < 0 ? periods.length - 1 : step] ?? '', lang)}
          </output>
          {scrubbing && (
            <button type="button" className="button button-small" onClick={() => onPickPeriod(periods[step]!)}>
              {t('indicators.map.pickPeriod')}
            </button>
          )}
          <CsvLink href={historyCsv} testId="view-csv" />
        </div>
      )}
      <div className="indicator-legend" data-testid="indicator-map-legend">
        <h3>
          {t(METRIC_KEYS[metric])}
          {metric === 'value' && indicator.unit ? ` (${figures.unit(indicator)})` : ''}
        </h3>
        <ul>
          {shading.legend.map((item) => (
            <li key={`${item.colour}-${JSON.stringify(item.label)}`}>
              <span
                className={item.colour === NO_DATA ? 'swatch swatch-no-data' : 'swatch'}
                style={{ background: item.colour === NO_DATA ? undefined : `var(${item.colour})` }}
                aria-hidden="true"
              />
              {legendText(item.label, t, number)}
            </li>
          ))}
        </ul>
      </div>
      <p className="muted small">
        {t('indicators.map.hint')}
        {mapData.mode === 'centroids' && ` ${t('indicators.map.discs')}`}
      </p>
    </section>
  );
}
