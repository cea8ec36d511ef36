import type { TaskSummary } from '@ioc/shared';
import { useI18n } from '../i18n/index.tsx';
import { psNumbers } from '../publicservices/format.ts';

interface TileProps {
  id: string;
  label: string;
  value: string;
  raw: number | null;
  tone?: 'bad' | 'warn' | 'good' | undefined;
  unit?: string | undefined;
  note?: string | undefined;
  share?: number | null | undefined;
}

function Tile({ id, label, value, raw, tone, unit, note, share }: TileProps) {
  return (
    <article
      className={tone && raw ? `dir-kpi dir-kpi-${tone}` : 'dir-kpi'}
      data-testid={`direction-kpi-${id}`}
      data-value={raw ?? undefined}
    >
      <h3 className="dir-kpi-label">{label}</h3>
      <p className="dir-kpi-value">
        <span className={raw === null ? 'muted' : undefined}>{value}</span>
        {unit && raw !== null && <small> {unit}</small>}
      </p>
      {share !== undefined && (
        <span className="dir-bar dir-bar-thin" aria-hidden="true">
          {share !== null && <span className="dir-bar-fill" style={{ width: `${Math.min(100, share)}%` }} />}
        </span>
      )}
      {note && <p className="dir-kpi-note">{note}</p>}
    </article>
  );
}

/** Open, overdue and nearly-due tasks now; the on-time rate and the average delay of the year. */
export function KpiTiles({ summary }: { summary: TaskSummary }) {
  const { t, lang } = useI18n();
  const n = psNumbers(lang);
  const total = summary.total;
  const due = total.doneOnTime + total.doneLate + total.overdue;
  return (
    <section className="dir-kpis" aria-label={t('direction.kpi.title')} data-testid="direction-kpis">
      <Tile
        id="open"
        label={t('direction.kpi.open')}
        value={n.count(total.open)}
        raw={total.open}
        note={t('direction.kpi.assigned', { count: n.count(total.assigned) })}
      />
      <Tile
        id="overdue"
        label={t('direction.kpi.overdue')}
        value={n.count(total.overdue)}
        raw={total.overdue}
        tone="bad"
      />
      <Tile
        id="nearlyDue"
        label={t('direction.kpi.nearlyDue')}
        value={n.count(total.nearlyDue)}
        raw={total.nearlyDue}
        tone="warn"
        note={t('direction.kpi.nearlyDueHint', { days: summary.nearlyDueDays })}
      />
      <Tile
        id="onTimeRate"
        label={t('direction.kpi.onTimeRate')}
        value={n.rate(total.onTimeRate)}
        raw={total.onTimeRate}
        share={total.onTimeRate}
        note={t('direction.kpi.ofDue', { done: n.count(total.doneOnTime), due: n.count(due) })}
      />
      <Tile
        id="averageDelay"
        label={t('direction.kpi.averageDelay')}
        value={n.days(total.averageDelayDays)}
        raw={total.averageDelayDays}
        unit={t('direction.kpi.days')}
        note={t('direction.kpi.averageDelayHint')}
      />
    </section>
  );
}
