import type { DataSetDiscipline } from '@ioc/shared';
import { formatPeriod } from '../../calendar/periods.ts';
import { localName, useI18n } from '../../i18n/index.tsx';
import './discipline.css';

/**
 * Green from 90 %, amber from 60 %: the thresholds a province's reporting rules usually set. Before the deadline a
 * low rate is not yet a failure, so it stays neutral.
 */
function tone(rate: number | null, due: boolean): string {
  if (rate === null || !due) return 'rate-none';
  return rate >= 90 ? 'rate-good' : rate >= 60 ? 'rate-fair' : 'rate-poor';
}

export function Rate({
  label,
  rate,
  due,
  testId,
}: {
  label: string;
  rate: number | null;
  due: boolean;
  testId: string;
}) {
  const { fmt } = useI18n();
  return (
    <div className={`rate ${tone(rate, due)}`} data-testid={testId}>
      <span className="rate-label">{label}</span>
      <strong className="rate-value">{rate === null ? '—' : fmt.percent(rate / 100)}</strong>
      <div className="rate-bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, Math.max(0, rate ?? 0))}%` }} />
      </div>
    </div>
  );
}

/** One data set for the month: completeness and timeliness, the counts behind them, the deadline. */
export function DisciplineCard({ set, at }: { set: DataSetDiscipline; at: string }) {
  const { t, lang, fmt } = useI18n();
  const due = Date.parse(set.deadline) <= Date.parse(at);
  const pending = Math.max(0, set.expected - set.onTime - set.late - set.missing);
  const counts = [
    { key: 'onTime', label: t('discipline.status.onTime'), value: set.onTime },
    { key: 'late', label: t('discipline.status.late'), value: set.late },
    { key: 'missing', label: t('discipline.status.missing'), value: set.missing },
    { key: 'pending', label: t('discipline.status.pending'), value: pending },
  ];
  return (
    <article
      className="card discipline-card"
      data-testid={`discipline-set-${set.code}`}
      data-completeness={set.completeness ?? ''}
      data-timeliness={set.timeliness ?? ''}
    >
      <header className="discipline-card-head">
        <h2>{localName(lang, set.name, set.nameEn)}</h2>
        <p className="muted small">
          {formatPeriod(set.period, lang, 'arabic')} · {t('data.status.deadline', { at: new Date(set.deadline) })}
        </p>
      </header>
      <div className="rates">
        <Rate label={t('discipline.completeness')} rate={set.completeness} due={due} testId="discipline-completeness" />
        <Rate label={t('discipline.timeliness')} rate={set.timeliness} due={due} testId="discipline-timeliness" />
      </div>
      <div className="status-stack" aria-hidden="true">
        {counts.map(
          (count) =>
            count.value > 0 && (
              <span
                key={count.key}
                className={`status-${count.key}`}
                style={{ flexGrow: count.value }}
                title={`${count.label}: ${count.value}`}
              />
            ),
        )}
      </div>
      <dl className="discipline-counts">
        <div className="count-reported">
          <dt>{t('discipline.reported')}</dt>
          <dd>{t('discipline.ofExpected', { reported: set.reported, expected: set.expected })}</dd>
        </div>
        {counts.map((count) => (
          <div key={count.key} className={`count-${count.key}`}>
            <dt>
              <span className={`swatch status-${count.key}`} aria-hidden="true" />
              {count.label}
            </dt>
            <dd>{fmt.number(count.value)}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
