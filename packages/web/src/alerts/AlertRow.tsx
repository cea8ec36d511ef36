import type { Alert } from '@ioc/shared';
import { useI18n } from '../i18n/index.tsx';
import type { DetailLookups } from './alertWords.ts';
import { alertTitle, kindLabel } from './alertWords.ts';

interface AlertRowProps {
  alert: Alert;
  now: Date;
  look: DetailLookups;
  /** Arrived live since the page opened. */
  fresh: boolean;
  onOpen(alert: Alert): void;
}

/** One alert in the list: severity, kind and title in words, the unit by name, since when, its state; opens the panel. */
export function AlertRow({ alert, now, look, fresh, onOpen }: AlertRowProps) {
  const { t, lang, fmt } = useI18n();
  const unitName = alert.unit ? (look.unitName(alert.unit) ?? alert.unitName ?? alert.unit) : t('alerts.province');
  const assigned = alert.assignedUnit
    ? (look.unitName(alert.assignedUnit) ?? alert.assignedUnitName ?? alert.assignedUnit)
    : null;
  return (
    <li
      className={`alert-item severity-${alert.severity} alert-status-${alert.status}${fresh ? ' alert-fresh' : ''}`}
      data-testid={`alert-row-${alert.id}`}
      data-status={alert.status}
      data-severity={alert.severity}
      data-kind={alert.kind}
    >
      <div className="alert-main">
        <div className="alert-head">
          <span className={`severity-badge severity-${alert.severity}`}>{t(`severity.${alert.severity}`)}</span>
          <span className="alert-kind">{kindLabel(t, alert.kind)}</span>
          {fresh && <span className="badge">{t('alerts.new')}</span>}
        </div>
        <h2 className="alert-title">
          <button
            type="button"
            className="link-button alert-open"
            onClick={() => onOpen(alert)}
            data-testid={`alert-open-${alert.id}`}
          >
            {alertTitle(lang, fmt, alert)}
          </button>
        </h2>
        <p className="alert-meta">
          <span>{unitName}</span>
          <span aria-hidden="true"> · </span>
          <time dateTime={alert.startedAt} title={t('alerts.sinceAt', { at: new Date(alert.startedAt) })}>
            {t('alerts.since', { when: fmt.ago(alert.startedAt, now) ?? t('alerts.justNow') })}
          </time>
          <span className="muted"> ({fmt.shortDateTime(alert.startedAt)})</span>
        </p>
      </div>
      <div className="alert-side">
        <span
          className={`badge ${alert.status === 'resolved' ? 'badge-success' : alert.status === 'acknowledged' ? '' : 'badge-warning'}`}
        >
          {t(`alerts.status.${alert.status}`)}
        </span>
        {assigned && <small className="muted">{t('alerts.assignedTo', { unit: assigned })}</small>}
      </div>
    </li>
  );
}
