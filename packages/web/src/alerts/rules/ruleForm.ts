import type { AlertRule, AlertRuleInput, AlertRuleType, RuleLevel } from '@ioc/shared';

/** A rule as its editor holds it: numbers as typed, streams one per line. */
export interface RuleForm {
  code: string;
  name: string;
  nameEn: string;
  type: AlertRuleType;
  /** What the rule watches: data streams, or one indicator's latest figure per unit (a threshold rule only). */
  watch: 'streams' | 'indicator';
  streams: string;
  /** The indicator (or data element) code, when it watches one. */
  indicator: string;
  levels: { level: string; severity: RuleLevel['severity']; op: RuleLevel['op']; value: string }[];
  windowSeconds: string;
  pendingSeconds: string;
  keepFiringSeconds: string;
  intervalSeconds: string;
  enabled: boolean;
}

export const RULE_TYPES: readonly AlertRuleType[] = ['threshold', 'rate', 'absence', 'condition'];

export function emptyForm(): RuleForm {
  return {
    code: '',
    name: '',
    nameEn: '',
    type: 'threshold',
    watch: 'streams',
    streams: '',
    indicator: '',
    levels: [{ level: 'I', severity: 'warning', op: 'above', value: '' }],
    windowSeconds: '',
    pendingSeconds: '0',
    keepFiringSeconds: '0',
    intervalSeconds: '60',
    enabled: true,
  };
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

export function formOf(rule: AlertRule): RuleForm {
  return {
    code: rule.code,
    name: rule.name,
    nameEn: rule.nameEn,
    type: rule.type,
    watch: rule.indicator ? 'indicator' : 'streams',
    streams: rule.streams.join('\n'),
    indicator: rule.indicator ?? '',
    levels: rule.levels.map((level) => ({ ...level, value: String(level.value) })),
    windowSeconds: text(rule.windowSeconds),
    pendingSeconds: text(rule.pendingSeconds),
    keepFiringSeconds: text(rule.keepFiringSeconds),
    intervalSeconds: text(rule.intervalSeconds),
    enabled: rule.enabled,
  };
}

/** A number typed in a field, a comma taken as the decimal mark; undefined when empty or not a number. */
export function typedNumber(value: string): number | undefined {
  const cleaned = value.trim().replace(',', '.');
  if (cleaned === '') return undefined;
  const parsed = Number(cleaned);
  return Number.isFinite(parsed) ? parsed : undefined;
}

const seconds = (value: string) => {
  const parsed = typedNumber(value);
  return parsed === undefined ? undefined : Math.round(parsed);
};

/**
 * The body of POST/PUT and of the preview. What the editor does not show (a condition's metrics, routes, labels)
 * is kept from the stored rule; the server checks the rest and names the field it refuses.
 */
export function inputOf(form: RuleForm, stored: AlertRule | null): AlertRuleInput {
  const leveled = form.type === 'threshold' || form.type === 'rate';
  const levels = form.levels
    .filter((level) => level.level.trim() !== '')
    .map((level) => ({
      level: level.level.trim(),
      severity: level.severity,
      op: level.op,
      value: leveled ? (typedNumber(level.value) ?? Number.NaN) : (typedNumber(level.value) ?? 0),
    }));
  const window = seconds(form.windowSeconds);
  const pending = seconds(form.pendingSeconds);
  const keep = seconds(form.keepFiringSeconds);
  const interval = seconds(form.intervalSeconds);
  if (form.watch === 'indicator') {
    // Monthly figures: a threshold with no pending or keep-firing period (the server refuses them).
    return {
      code: form.code.trim(),
      name: form.name.trim(),
      nameEn: form.nameEn.trim(),
      type: 'threshold',
      indicator: form.indicator.trim(),
      levels,
      ...(interval !== undefined ? { intervalSeconds: interval } : {}),
      ...(stored ? { route: stored.route, labels: stored.labels } : {}),
      enabled: form.enabled,
    };
  }
  return {
    code: form.code.trim(),
    name: form.name.trim(),
    nameEn: form.nameEn.trim(),
    type: form.type,
    streams: form.streams
      .split(/[\n,]/)
      .map((stream) => stream.trim())
      .filter(Boolean),
    levels,
    ...(window !== undefined ? { windowSeconds: window } : {}),
    ...(pending !== undefined ? { pendingSeconds: pending } : {}),
    ...(keep !== undefined ? { keepFiringSeconds: keep } : {}),
    ...(interval !== undefined ? { intervalSeconds: interval } : {}),
    ...(stored?.condition ? { condition: stored.condition } : {}),
    ...(stored ? { route: stored.route, labels: stored.labels } : {}),
    enabled: form.enabled,
  };
}
