import type { DataEntryForm, RuleViolation } from '@ioc/shared';
import { localName, useI18n } from '../../i18n/index.tsx';
import { daysBetween } from './periods.ts';

/** Deadline, whether and when the unit reported, and the lock: what an officer checks before typing. */
export function EntryStatus({ form, violations }: { form: DataEntryForm; violations: readonly RuleViolation[] }) {
  const { t, lang, fmt } = useI18n();
  const now = new Date(form.loadedAt);
  const deadline = new Date(form.deadline);
  const overdue = daysBetween(deadline, now);
  const { report } = form;
  // Under ten days to a tenth (`1,5 ngày`), beyond in whole days; the message makes the count agree.
  const days = (value: number) => (value < 10 ? Math.round(value * 10) / 10 : Math.round(value));

  let reportText: string;
  let reportTone: string;
  let reportState: string;
  if (report) {
    const lateBy = daysBetween(deadline, new Date(report.firstSubmittedAt));
    reportState = report.onTime ? 'onTime' : 'late';
    reportTone = report.onTime ? 'badge-success' : 'badge-warning';
    reportText = report.onTime ? t('data.status.onTime') : t('data.status.lateBy', { days: days(Math.max(lateBy, 0)) });
  } else {
    reportState = overdue > 0 ? 'missing' : 'pending';
    reportTone = overdue > 0 ? 'badge-danger' : 'badge-muted';
    reportText = overdue > 0 ? t('data.status.missing') : t('data.status.notYet');
  }

  return (
    <div className="entry-status" data-testid="entry-status" data-report={reportState} data-locked={form.locked}>
      <ul className="entry-facts">
        <li>
          <strong>{t('data.status.deadline', { at: new Date(form.deadline) })}</strong>
          <span className="muted">
            {overdue > 0
              ? t('data.status.overdue', { days: days(overdue) })
              : t('data.status.left', { days: days(-overdue) })}
          </span>
        </li>
        <li>
          <span className={`badge ${reportTone}`}>{reportText}</span>
          {report && (
            <span className="muted">
              {t('data.status.submitted', {
                at: new Date(report.firstSubmittedAt),
                by: report.submittedBy ?? t('common.system'),
              })}
              {report.lastSubmittedAt !== report.firstSubmittedAt &&
                ` · ${t('data.status.updated', { at: new Date(report.lastSubmittedAt) })}`}
            </span>
          )}
        </li>
        <li>
          {form.locked ? (
            <span className="badge badge-danger">{t('data.status.locked')}</span>
          ) : (
            <span className="badge badge-muted">{t('data.status.open')}</span>
          )}
          <span className="muted">
            {form.lockAt ? t('data.status.lockAt', { at: new Date(form.lockAt) }) : t('data.status.neverLocks')}
          </span>
        </li>
      </ul>
      {violations.length > 0 && (
        <div className="entry-violations" data-testid="entry-violations">
          <strong>{t('data.status.violations')}</strong>
          <ul>
            {violations.map((violation) => (
              <li key={violation.rule}>
                <span className={violation.severity === 'error' ? 'badge badge-danger' : 'badge badge-warning'}>
                  {violation.severity === 'error' ? t('data.rule.error') : t('data.rule.warning')}
                </span>{' '}
                {localName(lang, violation.name, violation.nameEn)}{' '}
                <span className="muted">
                  ({fmt.number(violation.left)} {violation.operator} {fmt.number(violation.right)})
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
