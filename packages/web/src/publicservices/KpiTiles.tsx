import type { PsFigures } from '@ioc/shared';
import { KpiTile } from '../components/KpiTile.tsx';
import { useI18n } from '../i18n/index.tsx';

/** The one-stop dashboard's figures for the period: intake, progress, results and the online and digital shares. */
export function KpiTiles({ figures }: { figures: PsFigures }) {
  const { t, fmt } = useI18n();
  const { inProgress, finished } = figures;
  const segment = (key: string, label: string, value: number, tone: 'bad' | 'warn' | 'good' | 'best') => ({
    key,
    label,
    value,
    text: fmt.count(value),
    tone,
  });
  return (
    <section className="ps-kpis" aria-label={t('ps.kpi.title')} data-testid="ps-kpis">
      <div className="ps-kpi-row ps-kpi-flow">
        <KpiTile
          testId="ps-kpi-received"
          label={t('ps.kpi.received')}
          value={fmt.count(figures.received)}
          raw={figures.received}
          note={t('ps.kpi.toProcess', { count: figures.toProcess })}
        />
        <KpiTile
          testId="ps-kpi-carriedOver"
          label={t('ps.kpi.carriedOver')}
          value={fmt.count(figures.carriedOver)}
          raw={figures.carriedOver}
        />
        <KpiTile
          testId="ps-kpi-inProgress"
          wide
          label={t('ps.kpi.inProgress')}
          value={fmt.count(inProgress.total)}
          raw={inProgress.total}
          segments={[
            segment('overdue', t('ps.kpi.overdue'), inProgress.overdue, 'bad'),
            segment('dueSoon', t('ps.kpi.dueSoon'), inProgress.dueSoon, 'warn'),
            segment('notYetDue', t('ps.kpi.notYetDue'), inProgress.notYetDue, 'good'),
          ]}
          note={t('ps.kpi.dueSoonHint')}
        />
        <KpiTile
          testId="ps-kpi-finished"
          wide
          label={t('ps.kpi.finished')}
          value={fmt.count(finished.total)}
          raw={finished.total}
          segments={[
            segment('early', t('ps.kpi.early'), finished.early, 'best'),
            segment('onTime', t('ps.kpi.onTime'), finished.onTime, 'good'),
            segment('late', t('ps.kpi.late'), finished.late, 'bad'),
          ]}
        />
        <KpiTile
          testId="ps-kpi-returned"
          label={t('ps.kpi.returned')}
          value={fmt.count(figures.returned)}
          raw={figures.returned}
        />
        <KpiTile
          testId="ps-kpi-withdrawn"
          label={t('ps.kpi.withdrawn')}
          value={fmt.count(figures.withdrawn)}
          raw={figures.withdrawn}
        />
      </div>
      <div className="ps-kpi-row ps-kpi-rates">
        <KpiTile
          testId="ps-kpi-onTimeRate"
          label={t('ps.kpi.onTimeRate')}
          value={fmt.rate(figures.onTimeRate)}
          raw={figures.onTimeRate}
          share={figures.onTimeRate}
          note={t('ps.kpi.ofFinished', { count: finished.total })}
        />
        <KpiTile
          testId="ps-kpi-avgDays"
          label={t('ps.kpi.avgDays')}
          value={fmt.fixed(figures.averageResolutionDays, 1)}
          raw={figures.averageResolutionDays}
          unit={t('ps.kpi.workingDays')}
        />
        <KpiTile
          testId="ps-kpi-online"
          label={t('ps.kpi.online')}
          value={fmt.rate(figures.onlineShare)}
          raw={figures.onlineShare}
          share={figures.onlineShare}
          note={t('ps.kpi.ofReceived', {
            count: figures.channels.online,
            total: figures.received,
          })}
        />
        <KpiTile
          testId="ps-kpi-paidOnline"
          label={t('ps.kpi.paidOnline')}
          value={fmt.rate(figures.onlinePaymentShare)}
          raw={figures.onlinePaymentShare}
          share={figures.onlinePaymentShare}
          note={t('ps.kpi.ofReceived', { count: figures.paidOnline, total: figures.received })}
        />
        <KpiTile
          testId="ps-kpi-digitised"
          label={t('ps.kpi.digitised')}
          value={fmt.rate(figures.digitisationShare)}
          raw={figures.digitisationShare}
          share={figures.digitisationShare}
          note={t('ps.kpi.ofReceived', { count: figures.digitised, total: figures.received })}
        />
      </div>
    </section>
  );
}
