import type { NotificationDelivery } from '@ioc/shared';
import { Fragment, useState } from 'react';
import { useApiQuery } from '../api/queries.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { localName, type MessageKey, useI18n } from '../i18n/index.tsx';

const STATE_BADGE: Record<NotificationDelivery['state'], string> = {
  pending: 'badge badge-warning',
  delivered: 'badge badge-success',
  failed: 'badge badge-danger',
};

/** The last deliveries, newest first; each row opens its attempts (when, HTTP status, error, time taken). */
export function DeliveryLog() {
  const { t, fmt, lang } = useI18n();
  const log = useApiQuery('GET /api/v1/notification-deliveries', { query: { limit: 50 } });
  const [open, setOpen] = useState<number | null>(null);

  return (
    <section aria-labelledby="delivery-log-title">
      <h3 id="delivery-log-title">{t('notify.log')}</h3>
      {log.error !== null && <ErrorNotice error={log.error} onRetry={log.refetch} />}
      {log.isLoading && <LoadingBlock />}
      {log.data && log.data.items.length === 0 && <p className="muted">{t('notify.logEmpty')}</p>}
      {log.data && log.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="delivery-log">
            <thead>
              <tr>
                <th scope="col">{t('notify.logCreated')}</th>
                <th scope="col">{t('notify.logEndpoint')}</th>
                <th scope="col">{t('notify.logEvent')}</th>
                <th scope="col">{t('notify.logSummary')}</th>
                <th scope="col">{t('notify.logState')}</th>
                <th scope="col">{t('notify.logAttempts')}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.items.map((delivery) => (
                <Fragment key={delivery.id}>
                  <tr>
                    <td>{fmt.dateTime(delivery.createdAt)}</td>
                    <td>{delivery.endpointName}</td>
                    <td>{t(`notify.event.${delivery.event}` as MessageKey)}</td>
                    <td>
                      {localName(lang, delivery.summary, delivery.summaryEn)}
                      {delivery.alertCount > 1 && (
                        <div className="muted small">{t('notify.alertCount', { count: delivery.alertCount })}</div>
                      )}
                    </td>
                    <td>
                      <span className={STATE_BADGE[delivery.state]}>{t(`notify.state.${delivery.state}`)}</span>
                      {delivery.nextAttemptAt && (
                        <div className="muted small">
                          {t('notify.logNext', { at: new Date(delivery.nextAttemptAt) })}
                        </div>
                      )}
                    </td>
                    <td>
                      {delivery.attempts > 0 ? (
                        <button
                          type="button"
                          className="button button-small"
                          aria-expanded={open === delivery.id}
                          aria-controls={`attempts-${delivery.id}`}
                          onClick={() => setOpen(open === delivery.id ? null : delivery.id)}
                        >
                          {open === delivery.id
                            ? t('notify.logHideAttempts')
                            : t('notify.logShowAttempts', { count: delivery.attempts })}
                        </button>
                      ) : (
                        0
                      )}
                    </td>
                  </tr>
                  {open === delivery.id && (
                    <tr id={`attempts-${delivery.id}`}>
                      <td colSpan={6}>
                        <table className="table">
                          <thead>
                            <tr>
                              <th scope="col">{t('notify.attemptAt')}</th>
                              <th scope="col">{t('notify.attemptStatus')}</th>
                              <th scope="col">{t('notify.attemptError')}</th>
                              <th scope="col">{t('notify.attemptDuration')}</th>
                            </tr>
                          </thead>
                          <tbody>
                            {delivery.attemptLog.map((attempt) => (
                              <tr key={attempt.at}>
                                <td>{fmt.dateTime(attempt.at)}</td>
                                <td>{attempt.status ?? '—'}</td>
                                <td>{attempt.error ?? '—'}</td>
                                <td>{fmt.number(attempt.durationMs)}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
