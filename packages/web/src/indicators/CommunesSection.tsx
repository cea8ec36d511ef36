import type { Indicator } from '@ioc/shared';
import { useMemo, useState } from 'react';
import { ApiError, apiPath } from '../api/client.ts';
import { useApiQuery } from '../api/queries.ts';
import { useRootUnit } from '../auth/AuthContext.tsx';
import { periodInSentence, type ViewPeriodType } from '../calendar/periods.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useLiveReload } from '../live/useLiveReload.ts';
import { buildMapData } from '../map/mapData.ts';
import type { Direction } from './assess.ts';
import { CommuneRankingCard } from './CommuneRankingCard.tsx';
import { MapCard } from './MapCard.tsx';
import type { MapMetric } from './mapShading.ts';
import { rangeEnding, SPARK_LENGTH } from './periods.ts';
import { rankingEntries } from './ranking.ts';
import type { Selection } from './selection.ts';

interface CommunesSectionProps {
  indicator: Indicator;
  period: string;
  periodType: ViewPeriodType;
  unit: string;
  direction: Direction;
  cumulative: boolean;
  /** Share of the year gone at the end of the period (see elapsedShare). */
  elapsed: number;
  hrefFor(patch: Partial<Selection>): string;
  select(patch: Partial<Selection>): void;
}

/** The 69 communes for the selected period: the map and the ranking side by side, or why there are none. */
export function CommunesSection(props: CommunesSectionProps) {
  const { indicator, period, periodType, unit, direction, cumulative, elapsed, hrefFor, select } = props;
  const { t, lang } = useI18n();
  const root = useRootUnit().code;
  const [metric, setMetric] = useState<MapMetric>('value');
  const code = indicator.code;

  const geojson = useApiQuery('GET /api/v1/orgunits/geojson');
  const mapData = useMemo(() => (geojson.data ? buildMapData(geojson.data) : null), [geojson.data]);
  const rankingQuery = { code, parent: root, period };
  const ranking = useApiQuery('GET /api/v1/indicator-ranking', { query: rankingQuery });
  // The last periods of every commune, for the map's time slider.
  const historyQuery = { code, parent: root, ...rangeEnding(period, SPARK_LENGTH) };
  const history = useApiQuery('GET /api/v1/indicator-view', { query: historyQuery });

  const entries = useMemo(() => {
    if (!ranking.data) return null;
    // The API judges each commune on its year to date against the yearly plan, whatever the indicator.
    return rankingEntries(ranking.data, { expected: cumulative ? elapsed : 1, direction });
  }, [ranking.data, cumulative, elapsed, direction]);
  const noCommuneValue = entries?.every((entry) => entry.value === null) ?? false;
  // With no commune reporting, the province's own figure tells "reported only for the province" from "no data yet".
  const provinceValue = useApiQuery(
    'GET /api/v1/indicator-values',
    noCommuneValue ? { query: { codes: code, unit: root, period } } : null,
  );
  const provinceOnly = provinceValue.data?.values.some((value) => value.value !== null) ?? false;

  useLiveReload('indicators.values', ['GET /api/v1/indicator-ranking', 'GET /api/v1/indicator-view']);
  useLiveReload('boundaries.imported', ['GET /api/v1/orgunits/geojson']);

  const error = ranking.error;
  if (error !== null) {
    return (
      <section className="card">
        {error instanceof ApiError && error.status === 403 ? (
          <EmptyState title={t('indicators.ranking.outOfScope.title')}>
            <p>{t('indicators.ranking.outOfScope.text')}</p>
          </EmptyState>
        ) : (
          <ErrorNotice error={error} onRetry={ranking.refetch} />
        )}
      </section>
    );
  }
  if (!entries || (noCommuneValue && provinceValue.isLoading)) {
    return (
      <section className="card">
        <LoadingBlock />
      </section>
    );
  }
  if (noCommuneValue) {
    return (
      <section
        className="card"
        aria-label={t('indicators.ranking.title')}
        data-testid="communes-empty"
        data-reason={provinceOnly ? 'province-only' : 'no-data'}
      >
        <EmptyState
          title={provinceOnly ? t('indicators.empty.provinceOnly.title') : t('indicators.empty.period.title')}
        >
          <p>
            {provinceOnly
              ? t('indicators.empty.provinceOnly.text')
              : t('indicators.empty.period.text', { period: periodInSentence(period, lang) })}
          </p>
        </EmptyState>
      </section>
    );
  }

  // Each figure says what it is computed on: the period alone, from January to its end, against the year's plan.
  const inSentence = periodInSentence(period, lang);
  const yearly = periodType === 'year';
  const planKey = !cumulative
    ? 'indicators.ranking.planNote.level'
    : yearly
      ? 'indicators.ranking.planNote.year'
      : 'indicators.ranking.planNote.cumulative';
  const planNote = [
    t('indicators.ranking.valueNote', { period: inSentence }),
    yearly ? null : t('indicators.ranking.yearToDateNote', { period: inSentence }),
    t(planKey, { period: inSentence, pace: elapsed * 100 }),
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="indicator-grid">
      {mapData ? (
        <MapCard
          mapData={mapData}
          entries={entries}
          indicator={indicator}
          direction={direction}
          metric={metric}
          onMetric={setMetric}
          selectedUnit={unit}
          onSelect={(next) => select({ unit: next })}
          history={history.data}
          historyCsv={apiPath('GET /api/v1/indicator-view', { query: { ...historyQuery, format: 'csv' } })}
          onPickPeriod={(next) => select({ period: next })}
        />
      ) : (
        <section className="card">
          {geojson.error !== null ? <ErrorNotice error={geojson.error} onRetry={geojson.refetch} /> : <LoadingBlock />}
        </section>
      )}
      <CommuneRankingCard
        entries={entries}
        indicator={indicator}
        direction={direction}
        selectedUnit={unit}
        unitHref={(next) => hrefFor({ unit: next })}
        csvHref={apiPath('GET /api/v1/indicator-ranking', { query: { ...rankingQuery, format: 'csv' } })}
        planNote={planNote}
        showYearToDate={!yearly}
      />
    </div>
  );
}
