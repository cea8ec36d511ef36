/**
 * The name of each kind of alert, in both languages: the alerts page shows it, and notifications (webhooks, e-mail)
 * say it where a group of alerts is summed up ("Sở NN&MT — 27 cảnh báo: Nhiệm vụ quá hạn"), so no kind code reaches
 * a reader. One table, read by the server and the web app.
 */
export const ALERT_KIND_NAMES = {
  'indicator.anomaly': { vi: 'Số liệu bất thường', en: 'Unusual figure' },
  'indicator.late': { vi: 'Chậm báo cáo số liệu', en: 'Late figures report' },
  'datasets.late': { vi: 'Chậm báo cáo số liệu', en: 'Late figures report' },
  'tasks.overdue': { vi: 'Nhiệm vụ quá hạn', en: 'Task overdue' },
  'tasks.nearly_due': { vi: 'Nhiệm vụ sắp đến hạn', en: 'Task nearly due' },
  'tasks.review': { vi: 'Xem xét trách nhiệm người đứng đầu', en: 'Review of the unit head' },
  'tasks.escalated': { vi: 'Nhiệm vụ báo cáo lãnh đạo', en: 'Task escalated to the leaders' },
  'publicservices.onTime': { vi: 'Tỉ lệ hồ sơ đúng hạn thấp', en: 'Low on-time rate' },
  'publicservices.dueSoon': { vi: 'Hồ sơ sắp quá hạn', en: 'Dossiers nearly due' },
  'publicservices.late': { vi: 'Hồ sơ quá hạn', en: 'Dossiers overdue' },
  'rule.threshold': { vi: 'Vượt ngưỡng', en: 'Threshold crossed' },
  'rule.rate': { vi: 'Thay đổi nhanh', en: 'Fast change' },
  'rule.absence': { vi: 'Mất tín hiệu', en: 'No data' },
  'rule.condition': { vi: 'Điều kiện kết hợp', en: 'Combined condition' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type NamedAlertKind = keyof typeof ALERT_KIND_NAMES;

/** The kind's name, or null for a kind without one (a subsystem's new kind, before it is named here). */
export function alertKindName(kind: string | null): { vi: string; en: string } | null {
  return kind !== null && Object.hasOwn(ALERT_KIND_NAMES, kind) ? ALERT_KIND_NAMES[kind as NamedAlertKind] : null;
}

/** The page's message entries `alerts.kind.<kind>` in one language. */
export function alertKindMessages(language: 'vi' | 'en'): { [K in NamedAlertKind as `alerts.kind.${K}`]: string } {
  return Object.fromEntries(
    Object.entries(ALERT_KIND_NAMES).map(([kind, names]) => [`alerts.kind.${kind}`, names[language]]),
  ) as { [K in NamedAlertKind as `alerts.kind.${K}`]: string };
}
