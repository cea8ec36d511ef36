import type { PsFigures } from '@ioc/shared';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { psNumbers } from './format.ts';

interface Segment {
  key: string;
  label: string;
  value: number;
  tone: 'bad' | 'warn' | 'good' | 'best';
}

interface TileProps {
  id: string;
  label: string;
  value: string;
  raw: number | null;
  unit?: string;
  note?: ReactNode;
  segments?: Segment[];
  /** A percentage 0–100 drawn as a thin bar under the value. */
  share?: number | null;
  wide?: boolean;
}

function Tile({ id, label, value, raw, unit, note, segments, share, wide = false }: TileProps) {
  const { lang } = useI18n();
  const numbers = psNumbers(lang);
  const total = segments?.reduce((sum, segment) => sum + segment.value, 0) ?? 0;
  return (
    <article
      className={wide ? 'ps-kpi ps-kpi-wide' : 'ps-kpi'}
      data-testid={`ps-kpi-${id}`}
      data-value={raw ?? undefined}
    >
      <h3 className="ps-kpi-label">{label}</h3>
      <p className="ps-kpi-value">
        <span className={raw === null ? 'muted' : undefined}>{value}</span>
        {unit && raw !== null && <small> {unit}</small>}
      </p>
      {share !== undefined && (
        <span className="ps-bar ps-bar-thin" aria-hidden="true">
          {share !== null && <span className="ps-bar-fill" style={{ width: `${Math.min(100, share)}%` }} />}
        </span>
      )}
      {segments && (
        <>
          <span className="ps-split" aria-hidden="true">
            {total > 0 &&
              segments.map((segment) =>
                segment.value > 0 ? (
                  <span
                    key={segment.key}
                    className={`ps-split-part ps-tone-${segment.tone}`}
                    style={{ flexGrow: segment.value }}
                  />
                ) : null,
              )}
          </span>
          <ul className="ps-split-legend">
            {segments.map((segment) => (
              <li key={segment.key} data-testid={`ps-kpi-${id}-${segment.key}`} data-value={segment.value}>
                <span className={`ps-dot ps-tone-${segment.tone}`} aria-hidden="true" />
                {segment.label} <strong>{numbers.count(segment.value)}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {note && <p className="ps-kpi-note">{note}</p>}
    </article>
  );
}

/** The one-stop dashboard's figures for the period: intake, progress, results and the online and digital shares. */
export function KpiTiles({ figures }: { figures: PsFigures }) {
  const { t, lang } = useI18n();
  const n = psNumbers(lang);
  const { inProgress, finished } = figures;
  return (
    <section className="ps-kpis" aria-label={t('ps.kpi.title')} data-testid="ps-kpis">
      <div className="ps-kpi-row ps-kpi-flow">
        <Tile
          id="received"
          label={t('ps.kpi.received')}
          value={n.count(figures.received)}
          raw={figures.received}
          note={t('ps.kpi.toProcess', { count: n.count(figures.toProcess) })}
        />
        <Tile
          id="carriedOver"
          label={t('ps.kpi.carriedOver')}
          value={n.count(figures.carriedOver)}
          raw={figures.carriedOver}
        />
        <Tile
          id="inProgress"
          wide
          label={t('ps.kpi.inProgress')}
          value={n.count(inProgress.total)}
          raw={inProgress.total}
          segments={[
            { key: 'overdue', label: t('ps.kpi.overdue'), value: inProgress.overdue, tone: 'bad' },
            { key: 'dueSoon', label: t('ps.kpi.dueSoon'), value: inProgress.dueSoon, tone: 'warn' },
            { key: 'notYetDue', label: t('ps.kpi.notYetDue'), value: inProgress.notYetDue, tone: 'good' },
          ]}
          note={t('ps.kpi.dueSoonHint')}
        />
        <Tile
          id="finished"
          wide
          label={t('ps.kpi.finished')}
          value={n.count(finished.total)}
          raw={finished.total}
          segments={[
            { key: 'early', label: t('ps.kpi.early'), value: finished.early, tone: 'best' },
            { key: 'onTime', label: t('ps.kpi.onTime'), value: finished.onTime, tone: 'good' },
            { key: 'late', label: t('ps.kpi.late'), value: finished.late, tone: 'bad' },
          ]}
        />
        <Tile id="returned" label={t('ps.kpi.returned')} value={n.count(figures.returned)} raw={figures.returned} />
        <Tile id="withdrawn" label={t('ps.kpi.withdrawn')} value={n.count(figures.withdrawn)} raw={figures.withdrawn} />
      </div>
      <div className="ps-kpi-row ps-kpi-rates">
        <Tile
          id="onTimeRate"
          label={t('ps.kpi.onTimeRate')}
          value={n.rate(figures.onTimeRate)}
          raw={figures.onTimeRate}
          share={figures.onTimeRate}
          note={t('ps.kpi.ofFinished', { count: n.count(finished.total) })}
        />
        <Tile
          id="avgDays"
          label={t('ps.kpi.avgDays')}
          value={n.days(figures.averageResolutionDays)}
          raw={figures.averageResolutionDays}
          unit={t('ps.kpi.workingDays')}
        />
        <Tile
          id="online"
          label={t('ps.kpi.online')}
          value={n.rate(figures.onlineShare)}
          raw={figures.onlineShare}
          share={figures.onlineShare}
          note={t('ps.kpi.ofReceived', { count: n.count(figures.channels.online), total: n.count(figures.received) })}
        />
        <Tile
          id="paidOnline"
          label={t('ps.kpi.paidOnline')}
          value={n.rate(figures.onlinePaymentShare)}
          raw={figures.onlinePaymentShare}
          share={figures.onlinePaymentShare}
          note={t('ps.kpi.ofReceived', { count: n.count(figures.paidOnline), total: n.count(figures.received) })}
        />
        <Tile
          id="digitised"
          label={t('ps.kpi.digitised')}
          value={n.rate(figures.digitisationShare)}
          raw={figures.digitisationShare}
          share={figures.digitisationShare}
          note={t('ps.kpi.ofReceived', { count: n.count(figures.digitised), total: n.count(figures.received) })}
        />
      </div>
    </section>
  );
}
