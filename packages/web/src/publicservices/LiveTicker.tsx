import { useMemo, useState } from 'react';
import { useAgencyName } from '../api/agencies.ts';
import type { ApiQueryResult } from '../api/queries.ts';
import { useRootUnit } from '../auth/AuthContext.tsx';
import { sameLocalDay } from '../calendar/days.ts';
import { useNow } from '../calendar/useNow.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useLive, useLiveEvent } from '../live/LiveContext.tsx';
import { statusLabel, statusTone } from './status.ts';
import { mergeTicker, openingTicker, type TickerEntry, tickerEntriesOf } from './ticker.ts';

const LIVE_KEYS = { open: 'live.open', connecting: 'live.connecting', closed: 'live.closed' } as const;

interface LiveTickerProps {
  unit: string;
  opening: ApiQueryResult<'GET /api/v1/public-services/ticker'>;
}

/** The latest dossiers synced: the API's list, then each `dossiers.synced` batch's dossiers on top, briefly highlighted. */
export function LiveTicker({ unit, opening }: LiveTickerProps) {
  const { t, fmt } = useI18n();
  const agencyName = useAgencyName();
  const root = useRootUnit().code;
  const [live, setLive] = useState<{ unit: string; entries: TickerEntry[] }>({ unit, entries: [] });
  const liveEntries = live.unit === unit ? live.entries : [];

  // The stream sends synced dossiers in batches, a few a second however busy the sync.
  useLiveEvent('dossiers.synced', (event) => {
    const incoming = tickerEntriesOf(event.payload, event.at, unit, root);
    if (incoming.length === 0) return;
    setLive((current) => ({
      unit,
      entries: mergeTicker(current.unit === unit ? current.entries : [], incoming),
    }));
  });

  const entries = useMemo(
    () => mergeTicker(openingTicker(opening.data ?? []), liveEntries),
    [opening.data, liveEntries],
  );
  // "Today" stays right on a wall screen left open overnight.
  const now = useNow(60_000);
  const { status } = useLive();

  return (
    <section className="card ps-ticker-card" aria-labelledby="ps-ticker-title" data-testid="ps-ticker">
      <header className="card-header">
        <div>
          <h2 id="ps-ticker-title">{t('ps.ticker.title')}</h2>
          <p className="muted small">{t('ps.ticker.subtitle')}</p>
        </div>
        <span className={`live-status live-${status}`} title={t(LIVE_KEYS[status])}>
          <span className="live-dot" aria-hidden="true" />
          <span className="visually-hidden">{t(LIVE_KEYS[status])}</span>
        </span>
      </header>
      {opening.error !== null && <ErrorNotice error={opening.error} onRetry={opening.refetch} />}
      {opening.isLoading && <LoadingBlock />}
      {opening.data && entries.length === 0 && <p className="muted">{t('ps.ticker.empty')}</p>}
      {entries.length > 0 && (
        <ol className="ps-ticker" aria-live="polite" aria-relevant="additions">
          {entries.map((entry) => (
            <li
              key={`${entry.code}@${entry.at}`}
              className={entry.live ? 'ps-ticker-item ps-ticker-new' : 'ps-ticker-item'}
              data-testid={`ps-ticker-${entry.code}`}
              data-status={entry.status}
            >
              <time dateTime={entry.at} className="ps-ticker-time">
                {sameLocalDay(entry.at, now) ? fmt.time(entry.at) : fmt.date(entry.at)}
              </time>
              <div className="ps-ticker-main">
                <p className="ps-ticker-line">
                  <strong className="ps-code">{entry.code}</strong>
                  <span className={`ps-status ps-status-${statusTone(entry.status)}`}>
                    {statusLabel(t, entry.status)}
                  </span>
                  {entry.live && <span className="visually-hidden">{t('ps.ticker.new')}</span>}
                </p>
                <p className="ps-ticker-detail">
                  {entry.procedure && <span>{entry.procedure}</span>}
                  <span className="muted">{agencyName({ code: entry.agency, name: entry.agencyName })}</span>
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
