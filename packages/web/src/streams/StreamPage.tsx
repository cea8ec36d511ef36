import { type ObservationSeries, STREAM_KEY_PATTERN } from '@ioc/shared';
import { useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, apiPath } from '../api/client.ts';
import { apiKey, useApiQuery } from '../api/queries.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { localName, useI18n } from '../i18n/index.tsx';
import { useLiveReload } from '../live/useLiveReload.ts';
import { StreamChart } from './StreamChart.tsx';
import { DEFAULT_RANGE, isRange, RANGES, rangeWindow, type StreamRange, thresholdMarks } from './streamChart.ts';
import './streams.css';

const KEY = new RegExp(STREAM_KEY_PATTERN);
/** Before the window's end comes this close, a live refresh moves the window on rather than asking the same one. */
const WINDOW_MARGIN = 5 * 60_000;

/**
 * One data stream (`/streams/:station/:metric`, `?range=24h|7d|30d`): its name, station, unit and latest value, a
 * chart of the range with the alarm levels of the rules watching it, a CSV of the same, refreshed as points arrive.
 */
export function StreamPage() {
  const { t, lang, fmt } = useI18n();
  const { can } = useAuth();
  const { station = '', metric = '' } = useParams();
  const key = `${station}/${metric}`;
  const valid = KEY.test(key);
  const [params, setParams] = useSearchParams();
  const asked = params.get('range');
  const range: StreamRange = isRange(asked) ? asked : DEFAULT_RANGE;
  const [anchor, setAnchor] = useState(Date.now);
  const span = useMemo(() => rangeWindow(range, anchor), [range, anchor]);

  const streamsRequest = { query: { station } };
  const streams = useApiQuery('GET /api/v1/streams', valid ? streamsRequest : null);
  const stations = useApiQuery('GET /api/v1/stations', valid ? {} : null, { staleTime: 5 * 60_000 });
  const rules = useApiQuery('GET /api/v1/alert-rules', valid && can('alerts.read') ? {} : null);
  const seriesRequest = {
    params: { station, metric },
    query: { from: new Date(span.from).toISOString(), to: new Date(span.to).toISOString() },
  };
  const series = useApiQuery('GET /api/v1/streams/:station/:metric/series', valid ? seriesRequest : null);

  useLiveReload(
    'observation',
    () => {
      // Past the window's end new points would fall outside it: a new window is a new request, asked by itself.
      if (Date.now() > span.to - WINDOW_MARGIN) {
        setAnchor(Date.now());
        return [apiKey('GET /api/v1/streams', streamsRequest)];
      }
      return [
        apiKey('GET /api/v1/streams', streamsRequest),
        apiKey('GET /api/v1/streams/:station/:metric/series', seriesRequest),
      ];
    },
    { when: (event) => event.payload.stream === key, delay: 1000, maxWait: 5000 },
  );

  // While a moved window loads, the chart keeps the last answer of the same range rather than blinking empty.
  const shown = useRef<{ range: StreamRange; data: ObservationSeries } | null>(null);
  if (series.data) shown.current = { range, data: series.data };
  const data = series.data ?? (shown.current?.range === range ? shown.current.data : undefined);

  const stream = streams.data?.find((candidate) => candidate.metric === metric);
  const place = stations.data?.find((candidate) => candidate.id === station);
  const marks = useMemo(() => thresholdMarks(rules.data ?? [], key), [rules.data, key]);
  const notFound =
    !valid ||
    (streams.data !== undefined && !stream) ||
    (series.error instanceof ApiError && series.error.status === 404);

  const pick = (next: StreamRange) => {
    const search = new URLSearchParams(params);
    if (next === DEFAULT_RANGE) search.delete('range');
    else search.set('range', next);
    setAnchor(Date.now());
    setParams(search, { replace: true });
  };

  if (notFound) {
    return (
      <div className="page stream-page" data-testid="stream-page">
        <EmptyState title={t('streams.notFound')}>
          <p>{t('streams.notFoundText', { key })}</p>
        </EmptyState>
      </div>
    );
  }

  const name = stream ? localName(lang, stream.name, stream.nameEn) : key;
  const stationName = place ? localName(lang, place.name, place.nameEn) : station;
  const value = (v: number) => `${fmt.number(v, 3)} ${stream?.uom ?? ''}`.trim();
  const csv = apiPath('GET /api/v1/streams/:station/:metric/series.csv', seriesRequest);
  const others = (streams.data ?? []).filter((candidate) => candidate.metric !== metric);

  return (
    <div className="page stream-page" data-testid="stream-page" data-stream={key}>
      <header className="page-header page-header-row">
        <div>
          <h1 data-testid="stream-name">{name}</h1>
          <p className="muted">
            {stationName} · <code>{key}</code>
          </p>
        </div>
        {can('alerts.read') && (
          <Link to="/alerts" className="button">
            {t('streams.back')}
          </Link>
        )}
      </header>
      {streams.error !== null && <ErrorNotice error={streams.error} onRetry={streams.refetch} />}

      <dl className="card stream-facts" data-testid="stream-facts">
        <div>
          <dt>{t('streams.station')}</dt>
          <dd>{stationName}</dd>
        </div>
        <div>
          <dt>{t('streams.uom')}</dt>
          <dd>{stream?.uom ?? '…'}</dd>
        </div>
        <div className="stream-latest">
          <dt>{t('streams.latest')}</dt>
          <dd data-testid="stream-latest" data-value={stream?.lastValue ?? ''} data-at={stream?.lastTime ?? ''}>
            {!stream ? (
              '…'
            ) : stream.lastValue !== null && stream.lastTime ? (
              <>
                <strong>{value(stream.lastValue)}</strong>{' '}
                <span className="muted small">{t('streams.latestAt', { at: fmt.shortDateTime(stream.lastTime) })}</span>
              </>
            ) : (
              <span className="muted">{t('streams.noLatest')}</span>
            )}
          </dd>
        </div>
      </dl>

      <section className="card stream-series" aria-labelledby="stream-series-title">
        <header className="card-header stream-series-head">
          <h2 id="stream-series-title">{t(`streams.range.${range}`)}</h2>
          <div className="stream-series-tools">
            <fieldset className="segmented">
              <legend className="visually-hidden">{t('streams.range')}</legend>
              {(Object.keys(RANGES) as StreamRange[]).map((option) => (
                <button
                  key={option}
                  type="button"
                  aria-pressed={range === option}
                  onClick={() => pick(option)}
                  data-testid={`stream-range-${option}`}
                >
                  {t(`streams.range.${option}`)}
                </button>
              ))}
            </fieldset>
            <a
              className="button button-small"
              href={csv}
              download
              title={t('streams.csvTitle')}
              data-testid="stream-csv"
            >
              {t('streams.csv')}
            </a>
          </div>
        </header>
        {series.error !== null && <ErrorNotice error={series.error} onRetry={series.refetch} />}
        {!data && series.isLoading && <LoadingBlock />}
        {data && data.points.length === 0 && (
          <EmptyState title={t('streams.empty')}>
            <p>{t('streams.emptyText', { range: t(`streams.range.${range}`) })}</p>
          </EmptyState>
        )}
        {data && data.points.length > 0 && (
          <>
            <p
              className="muted small stream-resolution"
              data-testid="stream-resolution"
              data-resolution={data.resolution}
            >
              {data.resolution === 'raw'
                ? t('streams.resolution.raw')
                : t(`streams.bucket.${data.valueKind}`, { per: t(`streams.resolution.${data.resolution}`) })}{' '}
              · {t('streams.points', { count: data.points.length })} · {t('streams.live')}
            </p>
            <StreamChart series={data} marks={marks} span={span} name={name} />
          </>
        )}
      </section>

      {can('alerts.read') && (
        <section className="card stream-levels" aria-labelledby="stream-levels-title" data-testid="stream-levels">
          <header className="card-header">
            <h2 id="stream-levels-title">{t('streams.levels')}</h2>
            <Link to={`/alerts/rules?${new URLSearchParams({ stream: key }).toString()}`}>{t('streams.rules')}</Link>
          </header>
          {rules.error !== null && <ErrorNotice error={rules.error} onRetry={rules.refetch} />}
          {rules.data && marks.length === 0 && <p className="muted">{t('streams.levelsNone')}</p>}
          {marks.length > 0 && (
            <ul className="stream-level-list">
              {marks.map((mark) => (
                <li key={`${mark.op}|${mark.value}|${mark.level}`} data-level={mark.level}>
                  <span className={`severity-badge severity-${mark.severity}`}>{t(`severity.${mark.severity}`)}</span>{' '}
                  <strong>{t('streams.level', { level: mark.level })}</strong>{' '}
                  {t(`streams.op.${mark.op}`, { value: value(mark.value) })}
                  <span className="muted small"> · {localName(lang, mark.rule, mark.ruleEn)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {others.length > 0 && (
        <nav className="card stream-others" aria-labelledby="stream-others-title">
          <h2 id="stream-others-title">{t('streams.others')}</h2>
          <ul>
            {others.map((other) => (
              <li key={other.key}>
                <Link to={`/streams/${encodeURIComponent(other.station)}/${encodeURIComponent(other.metric)}`}>
                  {localName(lang, other.name, other.nameEn)}
                </Link>{' '}
                {other.lastValue !== null && (
                  <span className="muted small">
                    {fmt.number(other.lastValue, 3)} {other.uom}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
