import type { TaskSummary } from '@ioc/shared';
import { KpiTile } from '../../components/KpiTile.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** Open, overdue and nearly-due tasks now; the on-time rate and the average delay of the year. */
export function KpiTiles({ summary }: { summary: TaskSummary }) {
  const { t, fmt } = useI18n();
  const total = summary.total;
  const due = total.doneOnTime + total.doneLate + total.overdue;
  return (
    <section className="dir-kpis" aria-label={t('direction.kpi.title')} data-testid="direction-kpis">
      <KpiTile
        testId="direction-kpi-open"
        toned
        label={t('direction.kpi.open')}
        value={fmt.count(total.open)}
        raw={total.open}
        note={t('direction.kpi.assigned', { count: total.assigned })}
      />
      <KpiTile
        testId="direction-kpi-overdue"
        toned
        label={t('direction.kpi.overdue')}
        value={fmt.count(total.overdue)}
        raw={total.overdue}
        tone="bad"
      />
      <KpiTile
        testId="direction-kpi-nearlyDue"
        toned
        label={t('direction.kpi.nearlyDue')}
        value={fmt.count(total.nearlyDue)}
        raw={total.nearlyDue}
        tone="warn"
        note={t('direction.kpi.nearlyDueHint', { days: summary.nearlyDueDays })}
      />
      <KpiTile
        testId="direction-kpi-onTimeRate"
        toned
        label={t('direction.kpi.onTimeRate')}
        value={fmt.rate(total.onTimeRate)}
        raw={total.onTimeRate}
        share={total.onTimeRate}
        note={t('direction.kpi.ofDue', { done: total.doneOnTime, due: due })}
      />
      <KpiTile
        testId="direction-kpi-averageDelay"
        toned
        label={t('direction.kpi.averageDelay')}
        value={fmt.fixed(total.averageDelayDays, 1)}
        raw={total.averageDelayDays}
        unit={t('direction.kpi.days')}
        note={t('direction.kpi.averageDelayHint')}
      />
    </section>
  );
}
