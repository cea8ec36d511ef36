import { type AlertSeverity, alertKindName } from '@ioc/shared';

/** One alert as a notification lists it: what the bus event said, with the instant the IOC heard of it. */
export interface NotifiedAlert {
  id: string;
  /** What raised it (task.overdue, rule.threshold…); null when the event did not say. */
  kind: string | null;
  severity: AlertSeverity;
  title: string;
  titleEn: string;
  unit: string | null;
  /** Why it ended (alert.resolved only). */
  reason?: string;
  at: string;
}

/** Alerts of one kind on one unit: "Sở NN&MT — 27 alerts: Task overdue". */
export interface AlertGroup {
  kind: string | null;
  unit: string | null;
  unitName: string;
  unitNameEn: string;
  /** The highest severity among them. */
  severity: AlertSeverity;
  count: number;
  text: string;
  textEn: string;
  alerts: NotifiedAlert[];
}

/** The JSON body of a webhook (and the content of an e-mail). */
export interface NotificationBody {
  event: string;
  summary: string;
  summaryEn: string;
  alertCount: number;
  groups: AlertGroup[];
}

export type UnitNamer = (unit: string | null) => { vi: string; en: string };

const RANK: Record<AlertSeverity, number> = { info: 0, warning: 1, critical: 2 };
export const severityRank = (severity: AlertSeverity): number => RANK[severity];

const SUMMARY_LENGTH = 300;
const clip = (text: string) => (text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH - 1)}…` : text);

function groupText(event: string, group: Omit<AlertGroup, 'text' | 'textEn'>): { text: string; textEn: string } {
  const [only] = group.alerts;
  const resolved = event === 'alert.resolved';
  if (group.count === 1 && only) {
    return resolved
      ? { text: `Đã kết thúc: ${only.title}`, textEn: `Resolved: ${only.titleEn}` }
      : { text: only.title, textEn: only.titleEn };
  }
  // The kind by its name; a kind not yet named is left out rather than shown as a code.
  const name = alertKindName(group.kind);
  const kind = { vi: name ? `: ${name.vi}` : '', en: name ? `: ${name.en}` : '' };
  return resolved
    ? {
        text: `${group.unitName} — ${group.count} cảnh báo đã kết thúc${kind.vi}`,
        textEn: `${group.unitNameEn} — ${group.count} alerts resolved${kind.en}`,
      }
    : {
        text: `${group.unitName} — ${group.count} cảnh báo${kind.vi}`,
        textEn: `${group.unitNameEn} — ${group.count} alerts${kind.en}`,
      };
}

/**
 * Groups the alerts of one notification by kind × unit, as the best alerting systems group before they notify: the
 * most severe and largest groups first, each alert in the order it was raised.
 */
export function notificationBody(event: string, alerts: readonly NotifiedAlert[], nameOf: UnitNamer): NotificationBody {
  // Servers queue events as they hear them, not always in order: the alerts are listed as they were raised.
  const ordered = [...alerts].sort((a, b) => a.at.localeCompare(b.at) || (Number(a.id) || 0) - (Number(b.id) || 0));
  const byKey = new Map<string, NotifiedAlert[]>();
  for (const alert of ordered) {
    const key = `${alert.kind ?? ''}\u0000${alert.unit ?? ''}`;
    byKey.set(key, [...(byKey.get(key) ?? []), alert]);
  }
  const groups = [...byKey.values()].map((members): AlertGroup => {
    const first = members[0]!;
    const names = nameOf(first.unit);
    const severity = members.reduce<AlertSeverity>(
      (top, a) => (RANK[a.severity] > RANK[top] ? a.severity : top),
      'info',
    );
    const group = {
      kind: first.kind,
      unit: first.unit,
      unitName: names.vi,
      unitNameEn: names.en,
      severity,
      count: members.length,
      alerts: members,
    };
    return { ...group, ...groupText(event, group) };
  });
  groups.sort((a, b) => RANK[b.severity] - RANK[a.severity] || b.count - a.count);
  return {
    event,
    summary: clip(groups.map((g) => g.text).join('; ')),
    summaryEn: clip(groups.map((g) => g.textEn).join('; ')),
    alertCount: alerts.length,
    groups,
  };
}

/** What "send a test" sends: the same shape, no alert. */
export function testBody(): NotificationBody {
  return {
    event: 'notification.test',
    summary: 'Thông báo thử từ IOC',
    summaryEn: 'Test notification from the IOC',
    alertCount: 0,
    groups: [],
  };
}

/** The e-mail form: a subject and a plain-text body, Vietnamese first, then English. */
export function emailOf(body: NotificationBody): { subject: string; text: string } {
  const lines = (lang: 'vi' | 'en') =>
    body.groups.flatMap((g) => [
      `• ${lang === 'vi' ? g.text : g.textEn}`,
      ...(g.count > 1 ? g.alerts.map((a) => `   – ${lang === 'vi' ? a.title : a.titleEn}`) : []),
    ]);
  const text = [body.summary, '', ...lines('vi'), '', '—', '', body.summaryEn, '', ...lines('en'), ''].join('\n');
  return { subject: `[IOC] ${body.summary}`.slice(0, 200), text };
}
