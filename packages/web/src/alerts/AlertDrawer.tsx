import type { AlertDetail } from '@ioc/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';
import { apiKey, refreshQueries, updateQueries, useApiQuery } from '../api/queries.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { Drawer } from '../components/Drawer.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useLiveReload } from '../live/useLiveReload.ts';
import { AlertActions } from './AlertActions.tsx';
import { alertTarget } from './alertView.ts';
import { alertTitle, type DetailLookups, detailLines, kindLabel, reasonText } from './alertWords.ts';

interface AlertDrawerProps {
  id: number;
  look: DetailLookups;
  onClose(): void;
}

/**
 * One alert over the list: what it is about (with the link to it), since when its condition holds, its details in
 * words, who did what (history) and the comments, and the actions the user may take.
 */
export function AlertDrawer({ id, look, onClose }: AlertDrawerProps) {
  const { t, lang, fmt } = useI18n();
  const { can } = useAuth();
  const queryClient = useQueryClient();
  const request = { params: { id } };
  const detail = useApiQuery('GET /api/v1/alerts/:id', request);
  const [done, setDone] = useState(false);

  useLiveReload(['alert.raised', 'alert.resolved'], [apiKey('GET /api/v1/alerts/:id', request)], {
    when: (event) => Number(event.payload.id) === id,
  });

  const onDone = (next: AlertDetail) => {
    updateQueries(queryClient, 'GET /api/v1/alerts/:id', () => next, request);
    setDone(true);
    // The list and the counts move with it (a resolved alert leaves the unresolved ones).
    void refreshQueries(queryClient, ['GET /api/v1/alerts', 'GET /api/v1/alerts/summary']);
  };

  const alert = detail.data;
  const target = alert ? alertTarget(alert) : null;
  const unitName = (code: string | null, fallback: string | null) =>
    code ? (look.unitName(code) ?? fallback ?? code) : t('alerts.province');
  const lines = alert ? detailLines(t, fmt, alert, look) : [];

  return (
    <Drawer
      title={alert ? alertTitle(lang, fmt, alert) : t('alerts.drawer.title')}
      subtitle={
        alert && (
          <>
            <span className={`severity-badge severity-${alert.severity}`}>{t(`severity.${alert.severity}`)}</span>{' '}
            <span className="badge" data-testid="alert-drawer-status">
              {t(`alerts.status.${alert.status}`)}
            </span>{' '}
            <span className="muted small">{kindLabel(t, alert.kind)}</span>
          </>
        )
      }
      onClose={onClose}
      data-testid="alert-drawer"
    >
      {detail.error instanceof ApiError && detail.error.status === 404 ? (
        <p className="notice notice-danger">{t('alerts.drawer.notFound')}</p>
      ) : (
        detail.error !== null && <ErrorNotice error={detail.error} onRetry={detail.refetch} />
      )}
      {detail.isLoading && <LoadingBlock />}
      {alert && (
        <div className="alert-drawer">
          {done && (
            <p className="notice notice-success" role="status">
              {t('alerts.action.done')}
            </p>
          )}
          {target && (
            <p className="alert-target">
              <Link to={target.href} className="button" data-testid="alert-drawer-link" data-kind={target.kind}>
                {t(`alerts.link.${target.kind}`)} →
              </Link>
            </p>
          )}
          <dl className="alert-facts" data-testid="alert-drawer-facts">
            <div>
              <dt>{t('alerts.drawer.startedAt')}</dt>
              <dd data-testid="alert-drawer-started" data-at={alert.startedAt}>
                {fmt.dateTime(alert.startedAt)}
              </dd>
            </div>
            <div>
              <dt>{t('alerts.drawer.unit')}</dt>
              <dd>{unitName(alert.unit, alert.unitName)}</dd>
            </div>
            {alert.raisedAt !== alert.startedAt && (
              <div>
                <dt>{t('alerts.drawer.raisedAt')}</dt>
                <dd>{fmt.dateTime(alert.raisedAt)}</dd>
              </div>
            )}
            {alert.acknowledgedAt && (
              <div>
                <dt>{t('alerts.drawer.acknowledged')}</dt>
                <dd>
                  {t('alerts.drawer.byAt', {
                    by: alert.acknowledgedBy ?? t('alerts.history.system'),
                    at: new Date(alert.acknowledgedAt),
                  })}
                </dd>
              </div>
            )}
            {alert.assignedUnit && (
              <div>
                <dt>{t('alerts.drawer.assigned')}</dt>
                <dd>
                  {unitName(alert.assignedUnit, alert.assignedUnitName)}
                  {alert.assignedAt && (
                    <span className="muted small">
                      {' '}
                      ·{' '}
                      {t('alerts.drawer.byAt', {
                        by: alert.assignedBy ?? t('alerts.history.system'),
                        at: new Date(alert.assignedAt),
                      })}
                    </span>
                  )}
                </dd>
              </div>
            )}
            {alert.resolvedAt && (
              <div>
                <dt>{t('alerts.drawer.resolved')}</dt>
                <dd>
                  {alert.resolvedBy
                    ? t('alerts.drawer.byAt', { by: alert.resolvedBy, at: new Date(alert.resolvedAt) })
                    : t('alerts.drawer.auto', { at: new Date(alert.resolvedAt) })}
                  {alert.resolution && <div className="muted">{reasonText(t, alert.resolution)}</div>}
                </dd>
              </div>
            )}
          </dl>
          {lines.length > 0 && (
            <section className="alert-drawer-section">
              <h3>{t('alerts.drawer.details')}</h3>
              <dl className="alert-facts" data-testid="alert-drawer-details">
                {lines.map((line) => (
                  <div key={line.key}>
                    <dt>{line.label}</dt>
                    <dd>
                      {line.taskId !== undefined ? (
                        <Link to={`/direction/tasks/${line.taskId}`}>{line.value}</Link>
                      ) : (
                        line.value
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          )}
          {can('alerts.write') ? (
            <AlertActions key={alert.id} alert={alert} onDone={onDone} />
          ) : (
            <p className="muted small">{t('alerts.action.readOnly')}</p>
          )}
          <section className="alert-drawer-section" aria-labelledby="alert-comments-title">
            <h3 id="alert-comments-title">{t('alerts.drawer.comments')}</h3>
            {alert.comments.length === 0 ? (
              <p className="muted small">{t('alerts.drawer.noComments')}</p>
            ) : (
              <ol className="alert-comments" data-testid="alert-comments">
                {alert.comments.map((entry) => (
                  <li key={entry.id}>
                    <p className="muted small">
                      {entry.by ?? t('alerts.history.system')} · {fmt.shortDateTime(entry.at)}
                    </p>
                    <p>{entry.note}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section className="alert-drawer-section" aria-labelledby="alert-history-title">
            <h3 id="alert-history-title">{t('alerts.drawer.history')}</h3>
            <ol className="alert-history" data-testid="alert-history">
              {alert.history.map((entry) => {
                const note =
                  entry.action === 'assigned' && entry.note
                    ? unitName(entry.note, null)
                    : entry.action === 'commented'
                      ? null
                      : reasonText(t, entry.note);
                return (
                  <li key={entry.id} data-action={entry.action}>
                    <time dateTime={entry.at}>{fmt.shortDateTime(entry.at)}</time>
                    <span className="alert-history-what">
                      <strong>{t(`alerts.history.${entry.action}`)}</strong>
                      {' · '}
                      {entry.by ?? t('alerts.history.system')}
                      {note && <span className="muted"> — {note}</span>}
                    </span>
                  </li>
                );
              })}
            </ol>
          </section>
        </div>
      )}
    </Drawer>
  );
}
