import { type Period, parsePeriod, previousPeriod } from '@ioc/shared';
import type { Platform } from '../../platform.ts';
import type { AlertService, RaiseAlert } from '../alerts/alerts.service.ts';
import { systemActor } from '../auth/actor.ts';
import type { DataSetService } from './datasets.service.ts';
import { periodLabel } from './period-label.ts';

export const LATE_REPORT = 'indicators.lateReport';
/** Months judged at each scan, back from the latest with a passed deadline: a report sent late still clears its alert. */
const MONTHS = 3;

/**
 * Reports missing past their deadline, one alert per data set × unit × period, in the unit (so a commune's officers
 * see their own). Each scan reconciles the periods it judged (key prefix per period): a report that arrives resolves
 * its alert. A report still missing three months on stays open until it arrives or someone resolves it by hand.
 */
export class LateReportScan {
  constructor(
    private readonly platform: Platform,
    private readonly alerts: Pick<AlertService, 'reconcile'>,
    private readonly dataSets: DataSetService,
  ) {}

  async run(): Promise<number> {
    const actor = systemActor('late-report scan', this.platform.config.rootUnit);
    if ((await this.dataSets.list()).length === 0) return 0;
    // The latest month in which a deadline has passed, as the discipline page opens on.
    const latest = await this.dataSets.discipline(actor, {});
    let month: Period | null = parsePeriod(latest.period);
    // By the period each set is judged on (a quarter's report is judged from each of its months: once).
    const byPeriod = new Map<string, Map<string, RaiseAlert>>();
    for (let i = 0; i < MONTHS && month; i++, month = previousPeriod(month)) {
      const judged = i === 0 ? latest : await this.dataSets.discipline(actor, { period: month.id });
      const setOf = new Map(judged.dataSets.map((s) => [s.code, s]));
      for (const set of judged.dataSets) if (!byPeriod.has(set.period)) byPeriod.set(set.period, new Map());
      for (const unit of judged.units) {
        for (const cell of unit.cells) {
          const set = setOf.get(cell.dataSet);
          if (cell.status !== 'missing' || !set) continue;
          const dedupeKey = `${LATE_REPORT}:${set.period}:${set.code}:${unit.unit}`;
          byPeriod.get(set.period)?.set(dedupeKey, {
            kind: LATE_REPORT,
            severity: 'warning',
            unit: unit.unit,
            title: `${unit.name}: chưa gửi báo cáo ${set.name} kỳ ${periodLabel(set.period)}`,
            titleEn: `${unit.nameEn}: ${set.nameEn} for ${periodLabel(set.period, 'en')} not reported`,
            detail: { dataSet: set.code, period: set.period, unit: unit.unit, deadline: set.deadline },
            dedupeKey,
            startedAt: set.deadline,
            labels: { dataSet: set.code, period: set.period },
          });
        }
      }
    }
    let raised = 0;
    for (const [period, current] of byPeriod) {
      const prefix = `${LATE_REPORT}:${period}:`;
      raised += (await this.alerts.reconcile(LATE_REPORT, [...current.values()], { keyPrefix: prefix })).raised;
    }
    return raised;
  }
}
