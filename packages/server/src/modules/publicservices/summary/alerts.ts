/**
 * Public-service alerts, reconciled into the one alert list at every scan (what no longer holds resolves by itself):
 * - an agency whose on-time rate over the last 30 days is under the threshold (one alert per agency, refreshed while
 *   it lasts; agencies with fewer than MIN_FINISHED finished dossiers are not judged);
 * - dossiers about to be late: open, not overdue, due within ALERT_DUE_DAYS working days — one alert per agency
 *   listing them, since a province has hundreds a day and one alert each would bury everything else.
 */
import type { Agency } from '@ioc/shared';
import type { Platform } from '../../../platform.ts';
import type { AgencyService } from '../../agencies/agencies.service.ts';
import type { AlertService, RaiseAlert } from '../../alerts/alerts.service.ts';
import { progressAt } from '../metrics/classify.ts';
import type { Calendar } from '../metrics/clock.ts';
import { localDay } from '../metrics/contribution.ts';
import { type DossierRowLike, factsOf } from '../metrics/facts.ts';
import { dailyTotals, openAt } from './daily.repo.ts';

export const MIN_FINISHED = 20;
export const WINDOW_DAYS = 30;
/** Working days ahead that count as "about to be late" for an alert (the dashboards' "due soon" is 2). */
export const ALERT_DUE_DAYS = 1;
const LISTED = 20;

export interface ScanOptions {
  /** On-time rate (%) under which an agency is alerted. */
  onTimeThreshold: number;
}

const pct = (x: number) => x.toLocaleString('vi-VN', { maximumFractionDigits: 1 });

export async function publicServiceAlerts(
  platform: Platform,
  calendar: Calendar,
  agencies: readonly Agency[],
  options: ScanOptions,
): Promise<RaiseAlert[]> {
  const { db } = platform;
  const now = platform.now();
  const today = localDay(now.getTime());
  const from = localDay(now.getTime() - WINDOW_DAYS * 86_400_000);
  const tomorrow = localDay(now.getTime() + 86_400_000);
  const [totals, open] = await Promise.all([
    dailyTotals(db, from, tomorrow, null),
    openAt(db, now.toISOString(), null),
  ]);
  const known = new Map(agencies.map((a) => [a.code, a]));
  const alerts: RaiseAlert[] = [];

  const byAgency = new Map<string, { finished: number; onTime: number; unit: string | null }>();
  for (const t of totals) {
    const a = byAgency.get(t.agency) ?? { finished: 0, onTime: 0, unit: t.unitId || null };
    a.finished += t.early + t.onTime + t.late;
    a.onTime += t.early + t.onTime;
    byAgency.set(t.agency, a);
  }
  for (const [code, a] of byAgency) {
    if (a.finished < MIN_FINISHED) continue;
    const rate = (a.onTime / a.finished) * 100;
    if (rate >= options.onTimeThreshold) continue;
    const agency = known.get(code);
    alerts.push({
      kind: 'publicservices.onTime',
      severity: rate < options.onTimeThreshold - 15 ? 'critical' : 'warning',
      unit: a.unit,
      title: `${agency?.name ?? code}: đúng hạn ${pct(rate)}% trong ${WINDOW_DAYS} ngày qua (ngưỡng ${pct(options.onTimeThreshold)}%)`,
      titleEn: `${agency?.nameEn ?? code}: ${rate.toFixed(1)}% on time over the last ${WINDOW_DAYS} days (threshold ${options.onTimeThreshold}%)`,
      detail: {
        agency: code,
        agencyName: agency?.name ?? null,
        agencyNameEn: agency?.nameEn ?? null,
        onTimeRate: rate,
        threshold: options.onTimeThreshold,
        finished: a.finished,
        onTime: a.onTime,
        from,
        to: today,
      },
      dedupeKey: `publicservices.onTime:${code}`,
      link: { kind: 'dossiers', ref: code },
      agencies: [code],
    });
  }

  const soon = new Map<string, { codes: string[]; unit: string | null; firstDue: number }>();
  for (const row of open) {
    const facts = factsOf(row as DossierRowLike);
    const { progress, adjustedDue } = progressAt(facts, now.getTime(), calendar, ALERT_DUE_DAYS);
    if (progress !== 'dueSoon' || adjustedDue === null) continue;
    const entry = soon.get(facts.agency) ?? { codes: [], unit: facts.unitId, firstDue: adjustedDue };
    entry.codes.push(facts.code);
    entry.firstDue = Math.min(entry.firstDue, adjustedDue);
    soon.set(facts.agency, entry);
  }
  for (const [code, { codes, unit, firstDue }] of soon) {
    const agency = known.get(code);
    const n = codes.length;
    alerts.push({
      kind: 'publicservices.dueSoon',
      severity: 'warning',
      unit,
      title: `${agency?.name ?? code}: ${n} hồ sơ sắp quá hạn (trong ${ALERT_DUE_DAYS} ngày làm việc)`,
      titleEn: `${agency?.nameEn ?? code}: ${n} dossier${n === 1 ? '' : 's'} due within ${ALERT_DUE_DAYS} working day`,
      detail: {
        agency: code,
        agencyName: agency?.name ?? null,
        agencyNameEn: agency?.nameEn ?? null,
        count: n,
        dossiers: codes.sort().slice(0, LISTED),
        firstDue: new Date(firstDue).toISOString(),
        workingDays: ALERT_DUE_DAYS,
      },
      dedupeKey: `publicservices.dueSoon:${code}`,
      link: { kind: 'dossiers', ref: code },
      agencies: [code],
    });
  }
  return alerts;
}

export const PS_ALERT_KINDS = ['publicservices.onTime', 'publicservices.dueSoon'] as const;

/**
 * Runs the scan and reconciles each kind with what it found: the same alert again refreshes one, an agency back
 * above the threshold or without dossiers about to be late has its alert resolved. Answers how many were raised.
 */
export class PublicServiceAlertScan {
  constructor(
    private readonly platform: Platform,
    private readonly alerts: Pick<AlertService, 'reconcile'>,
    private readonly agencies: AgencyService,
    private readonly calendar: () => Promise<Calendar>,
  ) {}

  async run(): Promise<number> {
    const found = await publicServiceAlerts(this.platform, await this.calendar(), await this.agencies.list(), {
      onTimeThreshold: this.platform.config.onTimeAlertThreshold,
    });
    let raised = 0;
    for (const kind of PS_ALERT_KINDS) {
      raised += (
        await this.alerts.reconcile(
          kind,
          found.filter((a) => a.kind === kind),
        )
      ).raised;
    }
    return raised;
  }
}
