import type { Alert, DataElement, OrgUnit } from '@ioc/shared';
import { Link } from 'react-router';
import { formatPeriod } from '../calendar/periods.ts';
import { localName, useI18n } from '../i18n/index.tsx';
import { anomalyDetail, deviation, indicatorLink } from './alertView.ts';

interface AlertItemProps {
  alert: Alert;
  now: Date;
  elements: ReadonlyMap<string, DataElement>;
  /** Units valid today, for their English names (alerts carry the Vietnamese one). */
  units: ReadonlyMap<string, OrgUnit>;
  /** Arrived live since the page opened. */
  fresh: boolean;
  mayAcknowledge: boolean;
  busy: boolean;
  onAcknowledge(alert: Alert): void;
}

/** An anomaly in words: the value, the usual one and how far apart, the period and the element, and where to look. */
function AnomalyText({ alert, elements }: { alert: Alert; elements: ReadonlyMap<string, DataElement> }) {
  const { t, lang, fmt } = useI18n();
  const detail = anomalyDetail(alert);
  if (!detail) return null;
  const element = elements.get(detail.element);
  const digits = Math.abs(detail.expected) >= 100 ? 0 : 2;
  const unit = element?.unit ? ` ${element.unit}` : '';
  const apart = deviation(detail);
  const link = indicatorLink(alert);
  return (
    <dl className="alert-detail" data-testid="alert-detail">
      <div>
        <dt>{t('alerts.detail.value')}</dt>
        <dd>
          <strong>
            {fmt.number(detail.value, digits)}
            {unit}
          </strong>
          {apart !== null && (
            <span className={apart > 0 ? 'alert-apart alert-up' : 'alert-apart alert-down'}>
              {apart > 0 ? '+' : '−'}
              {fmt.percent(Math.abs(apart))}
            </span>
          )}
        </dd>
      </div>
      <div>
        <dt>{t(detail.basis === 'yearOnYear' ? 'alerts.detail.expectedSeason' : 'alerts.detail.expected')}</dt>
        <dd>
          {fmt.number(detail.expected, digits)}
          {unit}
        </dd>
      </div>
      <div>
        <dt>{t('alerts.detail.period')}</dt>
        <dd>{formatPeriod(detail.period, lang, 'arabic')}</dd>
      </div>
      <div>
        <dt>{t('alerts.detail.element')}</dt>
        <dd>
          {element ? localName(lang, element.name, element.nameEn) : detail.element} <code>{detail.element}</code>
        </dd>
      </div>
      {link && (
        <div className="alert-link">
          <Link to={link}>{t('alerts.detail.open')}</Link>
        </div>
      )}
    </dl>
  );
}

/** Fields of an alert kind this page does not know, as they came. */
function RawDetail({ detail }: { detail: Alert['detail'] }) {
  const entries = Object.entries(detail).filter(([, value]) => value !== null && typeof value !== 'object');
  if (entries.length === 0) return null;
  return (
    <dl className="alert-detail">
      {entries.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{String(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AlertItem({ alert, now, elements, units, fresh, mayAcknowledge, busy, onAcknowledge }: AlertItemProps) {
  const { t, lang, fmt } = useI18n();
  const acknowledged = alert.status === 'acknowledged';
  const unit = alert.unit ? units.get(alert.unit) : undefined;
  const unitName = unit ? localName(lang, unit.name, unit.nameEn) : (alert.unitName ?? alert.unit);
  return (
    <li
      className={`alert-item severity-${alert.severity}${acknowledged ? ' alert-acknowledged' : ''}${fresh ? ' alert-fresh' : ''}`}
      data-testid={`alert-row-${alert.id}`}
      data-status={alert.status}
      data-severity={alert.severity}
    >
      <div className="alert-main">
        <div className="alert-head">
          <span className={`severity-badge severity-${alert.severity}`}>{t(`severity.${alert.severity}`)}</span>
          {fresh && <span className="badge">{t('alerts.new')}</span>}
          <h2 className="alert-title">{localName(lang, alert.title, alert.titleEn)}</h2>
        </div>
        <p className="alert-meta">
          {alert.unit ? <Link to={`/units/${alert.unit}`}>{unitName}</Link> : <span>{t('alerts.province')}</span>}
          <span aria-hidden="true"> · </span>
          <time dateTime={alert.raisedAt} title={fmt.dateTime(alert.raisedAt)}>
            {fmt.ago(alert.raisedAt, now) ?? t('alerts.justNow')}
          </time>
          <span className="muted"> ({fmt.dateTime(alert.raisedAt)})</span>
          {!acknowledged && alert.updatedAt !== alert.raisedAt && (
            <span className="muted">
              {' · '}
              {t('alerts.updated', { when: fmt.ago(alert.updatedAt, now) ?? t('alerts.justNow') })}
            </span>
          )}
        </p>
        {alert.kind === 'indicator.anomaly' ? (
          <AnomalyText alert={alert} elements={elements} />
        ) : (
          <RawDetail detail={alert.detail} />
        )}
      </div>
      <div className="alert-side">
        {acknowledged ? (
          <>
            <span className="badge badge-success">{t('alerts.acknowledged')}</span>
            <small className="muted">
              {alert.acknowledgedAt
                ? t('alerts.acknowledgedBy', {
                    by: alert.acknowledgedBy ?? t('common.system'),
                    at: new Date(alert.acknowledgedAt),
                  })
                : (alert.acknowledgedBy ?? t('common.system'))}
            </small>
          </>
        ) : (
          <>
            <span className="badge badge-warning">{t('alerts.open')}</span>
            {mayAcknowledge && (
              <button
                type="button"
                className="button button-small"
                onClick={() => onAcknowledge(alert)}
                disabled={busy}
                data-testid={`alert-ack-${alert.id}`}
              >
                {t('alerts.acknowledge')}
              </button>
            )}
          </>
        )}
      </div>
    </li>
  );
}
