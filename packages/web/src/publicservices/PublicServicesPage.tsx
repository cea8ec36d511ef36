import { useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useActiveUnits } from '../api/orgUnits.ts';
import { type QueryTarget, useApiQuery } from '../api/queries.ts';
import { useHomeUnit, useRootUnit } from '../auth/AuthContext.tsx';
import { currentMonth } from '../calendar/days.ts';
import { PeriodPicker } from '../calendar/PeriodPicker.tsx';
import { formatPeriod } from '../calendar/periods.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { UnitSelect } from '../components/UnitSelect.tsx';
import { localName, useI18n } from '../i18n/index.tsx';
import { useLiveReload } from '../live/useLiveReload.ts';
import { ChannelCard } from './ChannelCard.tsx';
import { KpiTiles } from './KpiTiles.tsx';
import { LiveTicker } from './LiveTicker.tsx';
import { OnTimeRankingCard } from './OnTimeRankingCard.tsx';
import { OpenDossiersCard, type OpenProgress } from './OpenDossiersCard.tsx';
import { periodFromParam } from './periods.ts';
import { type RankingRow, rankingRows } from './ranking.ts';
import { ScoreCard } from './ScoreCard.tsx';
import { SourcesCard } from './SourcesCard.tsx';
import { TrendCard } from './TrendCard.tsx';
import { trendWindow, trendYears } from './trend.ts';
import './publicservices.css';
import './lists.css';

const OPEN_LIMIT = 50;
/** A burst of synced dossiers moves the counts once it settles, and at least every 2 s while it lasts. */
const REFRESH_DELAY_MS = 500;
const REFRESH_MAX_WAIT_MS = 2000;
const TREND_REFRESH_MS = 60_000;

/**
 * Subsystem 2: how the one-stop offices handle administrative dossiers. The period and unit live in the URL; the
 * figures follow from them and move live as dossiers are synced.
 */
export function PublicServicesPage() {
  const { t, lang } = useI18n();
  const { units } = useActiveUnits();
  const [params, setParams] = useSearchParams();
  const today = useMemo(() => currentMonth(new Date()), []);
  const root = useRootUnit().code;
  const homeUnit = useHomeUnit();
  // A commune officer's scope is the commune: the province and the other communes would only answer "out of scope".
  const seesProvince = homeUnit === root;
  const period = periodFromParam(params.get('period'), today);
  const unit = params.get('unit') || homeUnit;
  const [progress, setProgress] = useState<OpenProgress>('overdue');
  const [agency, setAgency] = useState<{ key: string; name: string } | null>(null);

  const select = (next: { period?: string; unit?: string }) => {
    const search = new URLSearchParams(params);
    if (next.period !== undefined) search.set('period', next.period);
    if (next.unit !== undefined) {
      if (next.unit === homeUnit) search.delete('unit');
      else search.set('unit', next.unit);
      setAgency(null);
    }
    setParams(search);
  };

  const summary = useApiQuery('GET /api/v1/public-services/summary', { query: { period, unit, groupBy: 'agency' } });
  const communes = useApiQuery(
    'GET /api/v1/public-services/summary',
    seesProvince ? { query: { period, unit: root, groupBy: 'unit' } } : null,
  );
  const openQuery = { unit, agency: agency?.key, limit: OPEN_LIMIT };
  const overdue = useApiQuery('GET /api/v1/public-services/open-dossiers', {
    query: { ...openQuery, progress: 'overdue' },
  });
  const dueSoon = useApiQuery('GET /api/v1/public-services/open-dossiers', {
    query: { ...openQuery, progress: 'dueSoon' },
  });
  const ticker = useApiQuery('GET /api/v1/public-services/ticker', { query: { unit, limit: 30 } });
  // The trend is the slowest to compute: asked last, so the rest of the page does not wait behind it.
  const years = trendYears(period);
  const year = years[years.length - 1] ?? period.slice(0, 4);
  const earlierYear = years.length === 2 ? (years[0] ?? null) : null;
  const trendEarlier = useApiQuery(
    'GET /api/v1/public-services/trend',
    earlierYear ? { query: { period: earlierYear, unit } } : null,
  );
  const trendYear = useApiQuery('GET /api/v1/public-services/trend', { query: { period: year, unit } });

  // Every figure on the page moves when dossiers are synced; one refresh after a burst, not one per dossier (a request
  // still running is followed, not cancelled). The monthly trend barely moves with one dossier and costs the most, so
  // it follows at most every minute. The stream carries only the dossiers in the user's scope.
  const trendRefreshed = useRef(Date.now());
  useLiveReload(
    'dossiers.synced',
    () => {
      const figures: QueryTarget[] = [
        'GET /api/v1/public-services/summary',
        'GET /api/v1/public-services/open-dossiers',
      ];
      if (Date.now() - trendRefreshed.current < TREND_REFRESH_MS) return figures;
      trendRefreshed.current = Date.now();
      return [...figures, 'GET /api/v1/public-services/trend'];
    },
    { delay: REFRESH_DELAY_MS, maxWait: REFRESH_MAX_WAIT_MS },
  );

  const trendPoints = useMemo(
    () =>
      trendYear.data && (earlierYear === null || trendEarlier.data)
        ? trendWindow([trendEarlier.data, trendYear.data], period)
        : undefined,
    [trendYear.data, trendEarlier.data, earlierYear, period],
  );
  const agencyRows = useMemo(
    () => (summary.data ? rankingRows(summary.data.groups, 'agency', root) : null),
    [summary.data, root],
  );
  const communeRows = useMemo(
    () => (communes.data ? rankingRows(communes.data.groups, 'unit', root) : null),
    [communes.data, root],
  );

  const unitName = (code: string) => {
    const found = units.find((candidate) => candidate.code === code);
    return found ? localName(lang, found.name, found.nameEn) : code;
  };
  const pickAgency = (row: RankingRow) => {
    setAgency({ key: row.key, name: localName(lang, row.name, row.nameEn) });
    document.getElementById('ps-open-title')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  const data = summary.data;

  return (
    <div className="page ps-page">
      <header className="page-header">
        <h1>
          <span className="page-number">2</span>
          {t('ps.title')}
        </h1>
        <p className="muted">
          {unitName(unit)} · {formatPeriod(period, lang)}
          {unit !== root && seesProvince && (
            <>
              {' · '}
              <button
                type="button"
                className="link-button"
                onClick={() => select({ unit: root })}
                data-testid="ps-back"
              >
                {t('ps.backToProvince')}
              </button>
            </>
          )}
        </p>
      </header>

      <section className="filters ps-controls" aria-label={t('ps.controls')}>
        <PeriodPicker
          value={period}
          newestMonth={today}
          latestMonth={today}
          coarsest="month"
          onChange={(next) => select({ period: next })}
        />
        <div data-testid="ps-unit-picker">
          <UnitSelect label={t('ps.unit.label')} value={unit} onChange={(next) => select({ unit: next || homeUnit })} />
        </div>
      </section>

      {data?.period.running && (
        <p className="muted small ps-running" data-testid="ps-running">
          {t('ps.running', { time: new Date(data.period.to) })}
        </p>
      )}
      {summary.error !== null && <ErrorNotice error={summary.error} onRetry={summary.refetch} />}
      {summary.isLoading && <LoadingBlock />}

      {data && (
        <>
          <div className="ps-grid ps-grid-score">
            <ScoreCard score={data.score} />
            <TrendCard
              points={trendPoints}
              unitName={unitName(unit)}
              error={trendYear.error ?? trendEarlier.error}
              onRetry={() => {
                void trendYear.refetch();
                void trendEarlier.refetch();
              }}
            />
          </div>

          <KpiTiles figures={data.total} />

          <div className={seesProvince ? 'ps-grid ps-grid-rankings' : 'ps-grid'}>
            {agencyRows && (
              <OnTimeRankingCard
                by="agency"
                rows={agencyRows.rows}
                selectedKey={agency?.key ?? null}
                onPick={pickAgency}
                pickLabel={(name) => t('ps.ranking.pickAgency', { name })}
              />
            )}
            {seesProvince && communes.error !== null && (
              <ErrorNotice error={communes.error} onRetry={communes.refetch} />
            )}
            {seesProvince && !communeRows && communes.error === null && <LoadingBlock />}
            {communeRows && (
              <OnTimeRankingCard
                by="unit"
                rows={communeRows.rows}
                unplaced={communeRows.unplaced}
                selectedKey={unit}
                onPick={(row) => {
                  select({ unit: row.unitId ?? row.key });
                  // The commune's own figures are at the top of the page, far above the ranking.
                  window.scrollTo({ top: 0 });
                }}
                pickLabel={(name) => t('ps.ranking.pick', { name })}
              />
            )}
          </div>

          <div className="ps-grid ps-grid-live">
            <ChannelCard figures={data.total} />
            <LiveTicker unit={unit} opening={ticker} />
          </div>
        </>
      )}

      <OpenDossiersCard
        progress={progress}
        onProgress={setProgress}
        lists={{ overdue, dueSoon }}
        agency={agency}
        onClearAgency={() => setAgency(null)}
      />

      <SourcesCard />
    </div>
  );
}
