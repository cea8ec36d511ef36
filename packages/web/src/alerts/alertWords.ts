import type { Alert, AlertGroup } from '@ioc/shared';
import { formatPeriod } from '../calendar/periods.ts';
import type { Formatter } from '../format/formatter.ts';
import type { Lang, MessageKey, Translate } from '../i18n/index.tsx';
import { type AlertMessageKey, alertsVi } from './i18n.vi.ts';

const known = (key: string): key is MessageKey & AlertMessageKey => Object.hasOwn(alertsVi, key);

/** The family of a kind: 'tasks.overdue' → 'tasks'. */
const familyOf = (kind: string) => kind.split('.')[0] ?? kind;

/** A kind in words: its own name, else its family's ("Tasks"), else "Other alert" — never the code. */
export function kindLabel(t: Translate, kind: string): string {
  const own = `alerts.kind.${kind}`;
  if (known(own)) return t(own);
  const family = `alerts.family.${familyOf(kind)}`;
  return t(known(family) ? family : 'alerts.family.other');
}

/** How many of one kind, as a phrase: "27 nhiệm vụ quá hạn", "3 silent stations". */
export function kindCount(t: Translate, kind: string, count: number): string {
  const own = `alerts.group.${kind}`;
  return t(known(own) ? own : 'alerts.group.other', { count });
}

/** Who a group is about: the agency it concerns in the UI's language, else its unit, else the province. */
export function groupWho(
  t: Translate,
  lang: Lang,
  group: AlertGroup,
  unitName: (code: string) => string | undefined,
): string {
  if (group.agency) {
    const agency = (lang === 'en' ? group.agencyNameEn : group.agencyName) ?? group.agencyName ?? group.agency;
    // An agency's alerts about one of its communes (an indicator there): the commune says which.
    const unit = group.unit ? unitName(group.unit) : undefined;
    return unit && group.kind.startsWith('indicator.') ? `${agency} · ${unit}` : agency;
  }
  if (group.unit) return unitName(group.unit) ?? group.unitName ?? group.unit;
  return t('alerts.province');
}

const REASONS: Record<string, AlertMessageKey> = {
  'condition cleared': 'alerts.reason.conditionCleared',
  'rule changed': 'alerts.reason.ruleChanged',
  'rule deleted': 'alerts.reason.ruleChanged',
  'rule disabled': 'alerts.reason.ruleChanged',
  'task done': 'alerts.reason.taskDone',
  'task completed': 'alerts.reason.taskDone',
  'task cancelled': 'alerts.reason.taskCancelled',
};

/**
 * A resolution or history note in words: the IOC's own reasons ('condition cleared', 'superseded by level III') are
 * translated; a person's note is theirs and shown as written.
 */
export function reasonText(t: Translate, note: string | null): string | null {
  if (note === null) return null;
  const key = REASONS[note.trim().toLowerCase()];
  if (key) return t(key);
  const superseded = /^superseded by level (.+)$/i.exec(note.trim());
  if (superseded) return t('alerts.reason.superseded', { level: superseded[1] ?? '' });
  return note;
}

const ISO_DAY = /\b(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\b/g;

/** A title in the UI's language with any ISO date in it written the language's way (older alerts carry them). */
export function alertTitle(lang: Lang, fmt: Formatter, alert: Pick<Alert, 'title' | 'titleEn'>): string {
  const title = lang === 'en' && alert.titleEn ? alert.titleEn : alert.title;
  return title.replace(ISO_DAY, (whole, y: string, m: string, d: string, time: string | undefined) =>
    time ? fmt.shortDateTime(whole) : fmt.date(`${y}-${m}-${d}T12:00:00+07:00`),
  );
}

/** What the page knows to name a code in a detail. */
export interface DetailLookups {
  lang: Lang;
  unitName(code: string): string | undefined;
  agencyName(code: string): string | undefined;
  elementName(code: string): string | undefined;
  ruleName(code: string): string | undefined;
}

/** One detail of an alert, labelled and written out; `task` makes the value a link to the task. */
export interface DetailLine {
  key: string;
  label: string;
  value: string;
  taskId?: number;
}

type FieldKind =
  | 'text'
  | 'number'
  | 'count'
  | 'rate'
  | 'date'
  | 'period'
  | 'unit'
  | 'agency'
  | 'element'
  | 'rule'
  | 'task'
  | 'enum'
  | 'seconds'
  | 'list';

/** Every detail key the raisers write, and how to show it; a key not here is internal and left out. */
const FIELDS: Record<string, FieldKind> = {
  taskId: 'task',
  leadUnit: 'agency',
  dueDate: 'date',
  state: 'enum',
  note: 'text',
  unit: 'agency',
  year: 'text',
  reminders: 'count',
  threshold: 'count',
  agency: 'agency',
  onTimeRate: 'rate',
  finished: 'count',
  onTime: 'count',
  from: 'date',
  to: 'date',
  count: 'count',
  dossiers: 'list',
  element: 'element',
  period: 'period',
  value: 'number',
  expected: 'number',
  basis: 'enum',
  rule: 'rule',
  ruleType: 'enum',
  stream: 'text',
  level: 'text',
  op: 'enum',
  bound: 'number',
  windowSeconds: 'seconds',
  dataset: 'text',
  owner: 'agency',
  deadline: 'date',
  daysLate: 'count',
};

const LISTED = 5;

/** Seconds as people say them: "90 phút", "2 giờ", "45 seconds". */
export function durationText(t: Translate, seconds: number): string {
  if (seconds === 0) return t('alerts.rules.none');
  if (seconds % 3600 === 0) return t('alerts.rules.hours', { hours: seconds / 3600 });
  if (seconds % 60 === 0) return t('alerts.rules.minutes', { minutes: seconds / 60 });
  return t('alerts.rules.seconds', { seconds });
}

function enumText(t: Translate, key: string, value: string): string | null {
  if (key === 'ruleType') {
    const type = `alerts.rules.type.${value}`;
    return known(type) ? t(type) : null;
  }
  const word = `alerts.value.${key}.${value}`;
  return known(word) ? t(word) : null;
}

/**
 * The alert's details as labelled values in the UI's language: codes become names, dates and numbers are written
 * the language's way, and keys the page has no words for (internal ones) are left out rather than shown raw.
 */
export function detailLines(
  t: Translate,
  fmt: Formatter,
  alert: Pick<Alert, 'detail'>,
  look: DetailLookups,
): DetailLine[] {
  const { detail } = alert;
  const uom = typeof detail.uom === 'string' && detail.uom !== 's' ? ` ${detail.uom}` : '';
  const lines: DetailLine[] = [];
  for (const [key, raw] of Object.entries(detail)) {
    const kind = FIELDS[key];
    const labelKey = `alerts.field.${key}`;
    if (!kind || !known(labelKey) || raw === null || raw === undefined || raw === '') continue;
    const label = t(labelKey);
    const text = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : null;
    let value: string | null = null;
    let taskId: number | undefined;
    switch (kind) {
      case 'text':
        value = text;
        break;
      case 'number':
        if (typeof raw === 'number') {
          const absence = detail.ruleType === 'absence' && key === 'value';
          value = absence ? durationText(t, Math.round(raw)) : `${fmt.number(raw, Math.abs(raw) >= 100 ? 0 : 2)}${uom}`;
        }
        break;
      case 'count':
        value = typeof raw === 'number' ? fmt.count(raw) : null;
        break;
      case 'rate':
        value = typeof raw === 'number' ? fmt.rate(raw) : null;
        break;
      case 'date':
        value =
          text && /^\d{4}-\d{2}-\d{2}$/.test(text)
            ? fmt.date(`${text}T12:00:00+07:00`)
            : text
              ? fmt.dateTime(text)
              : null;
        break;
      case 'period':
        value = text ? formatPeriod(text, look.lang, 'arabic') : null;
        break;
      case 'unit':
        value = text ? (look.unitName(text) ?? text) : null;
        break;
      case 'agency':
        value = text ? (look.agencyName(text) ?? look.unitName(text) ?? text) : null;
        break;
      case 'element':
        value = text ? (look.elementName(text) ?? text) : null;
        break;
      case 'rule':
        value = text ? (look.ruleName(text) ?? text) : null;
        break;
      case 'task':
        if (typeof raw === 'number') {
          taskId = raw;
          value = t('alerts.value.task', { id: raw });
        }
        break;
      case 'enum':
        value = text ? enumText(t, key, text) : null;
        break;
      case 'seconds':
        value = typeof raw === 'number' ? durationText(t, raw) : null;
        break;
      case 'list':
        if (Array.isArray(raw)) {
          const items = raw.filter((item): item is string => typeof item === 'string');
          const total = typeof detail.count === 'number' ? detail.count : items.length;
          value = items.slice(0, LISTED).join(', ');
          if (total > LISTED) value += ` ${t('alerts.value.more', { count: fmt.count(total - LISTED) })}`;
        }
        break;
    }
    if (value === null || value === '') continue;
    lines.push(taskId === undefined ? { key, label, value } : { key, label, value, taskId });
  }
  return lines;
}
