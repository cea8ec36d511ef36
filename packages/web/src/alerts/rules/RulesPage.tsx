import type { AlertRule } from '@ioc/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { refreshQueries, useApiQuery } from '../../api/queries.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { localName, useI18n } from '../../i18n/index.tsx';
import { useLiveReload } from '../../live/useLiveReload.ts';
import { durationText } from '../alertWords.ts';
import { useAlertLookups } from '../useAlertLookups.ts';
import { RuleEditor } from './RuleEditor.tsx';
import { SilencesCard } from './SilencesCard.tsx';
import '../alerts-page.css';
import './rules.css';

/**
 * The alert rules (readable with alerts.read, editable with alerts.manage), each opened in an editor with a preview
 * (`?rule=<id>`, `?rule=new`; `?stream=` narrows the list to the rules watching a stream), and the silences.
 */
export function RulesPage() {
  const { t, lang, fmt } = useI18n();
  const { can } = useAuth();
  const mayManage = can('alerts.manage');
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const rules = useApiQuery('GET /api/v1/alert-rules');
  const look = useAlertLookups();
  const [done, setDone] = useState<string | null>(null);
  const chosen = params.get('rule');
  const stream = params.get('stream');

  useLiveReload(['alert.raised', 'alert.resolved'], ['GET /api/v1/alert-rules'], { delay: 1000, maxWait: 5000 });

  const list = (rules.data ?? []).filter(
    (rule) =>
      !stream ||
      rule.streams.some((selector) => {
        const [station, metric] = selector.split('/');
        const [s, m] = stream.split('/');
        return (station === '*' || station === s) && (metric === '*' || metric === m);
      }),
  );
  const open = (id: string | null) => {
    const next = new URLSearchParams(params);
    if (id === null) next.delete('rule');
    else next.set('rule', id);
    setParams(next);
  };
  const editing: AlertRule | null | undefined =
    chosen === 'new' ? null : (rules.data ?? []).find((rule) => String(rule.id) === chosen);
  const onSaved = async (_rule: AlertRule | null, message: 'saved' | 'deleted') => {
    setDone(t(message === 'saved' ? 'alerts.rules.saved' : 'alerts.rules.deleted'));
    open(null);
    await refreshQueries(queryClient, ['GET /api/v1/alert-rules']);
  };
  const levelsText = (rule: AlertRule) =>
    rule.levels
      .map((level) =>
        rule.type === 'threshold' || rule.type === 'rate'
          ? t('alerts.rules.levelText', {
              level: level.level,
              op: t(`alerts.rules.op.${level.op}`),
              value: fmt.number(level.value, 3),
            })
          : level.level,
      )
      .join(' · ');

  return (
    <div className="page rules-page">
      <header className="page-header alerts-header">
        <div>
          <h1>{t('alerts.rules.title')}</h1>
          <p className="muted">{t('alerts.rules.subtitle')}</p>
        </div>
        <div className="rules-header-actions">
          <Link to="/alerts" className="button">
            {t('alerts.rules.back')}
          </Link>
          {mayManage && (
            <button type="button" className="button button-primary" onClick={() => open('new')} data-testid="rule-new">
              {t('alerts.rules.new')}
            </button>
          )}
        </div>
      </header>
      {done && (
        <p className="notice notice-success" role="status">
          {done}
        </p>
      )}
      {stream && (
        <p className="chips">
          <span className="chip">
            {t('alerts.field.stream')}: {stream}
            <button
              type="button"
              className="chip-remove"
              aria-label={t('alerts.filter.clear')}
              onClick={() => {
                const next = new URLSearchParams(params);
                next.delete('stream');
                setParams(next);
              }}
            >
              ×
            </button>
          </span>
        </p>
      )}
      <section className="card" aria-labelledby="rules-list-title">
        <header className="card-header">
          <h2 id="rules-list-title">
            {t('alerts.rules.title')}
            {rules.data && <span className="muted small"> · {t('alerts.rules.count', { count: list.length })}</span>}
          </h2>
        </header>
        {rules.error !== null && <ErrorNotice error={rules.error} onRetry={rules.refetch} />}
        {rules.isLoading && <LoadingBlock />}
        {rules.data && list.length === 0 && <p className="muted">{t('alerts.rules.empty')}</p>}
        {list.length > 0 && (
          <div className="table-wrap">
            <table className="table rules-table" data-testid="rules-table">
              <thead>
                <tr>
                  <th scope="col">{t('alerts.rules.name')}</th>
                  <th scope="col">{t('alerts.rules.type')}</th>
                  <th scope="col">{t('alerts.rules.streams')}</th>
                  <th scope="col">{t('alerts.rules.levels')}</th>
                  <th scope="col">{t('alerts.rules.timingHead')}</th>
                  <th scope="col">{t('alerts.rules.state')}</th>
                  <th scope="col">{t('alerts.rules.firing')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((rule) => (
                  <tr key={rule.id} data-testid={`rule-row-${rule.id}`} aria-selected={chosen === String(rule.id)}>
                    <td>
                      <button type="button" className="link-button rule-open" onClick={() => open(String(rule.id))}>
                        <strong>{localName(lang, rule.name, rule.nameEn)}</strong>
                      </button>
                    </td>
                    <td>{t(`alerts.rules.type.${rule.type}`)}</td>
                    <td className="rules-streams">
                      {rule.indicator && <span>{t('alerts.rules.indicatorShown', { code: rule.indicator })}</span>}
                      {rule.streams.slice(0, 3).map((selector) => (
                        <code key={selector}>{selector}</code>
                      ))}
                      {rule.streams.length > 3 && (
                        <span className="muted small">
                          {' '}
                          {t('alerts.value.more', { count: fmt.count(rule.streams.length - 3) })}
                        </span>
                      )}
                    </td>
                    <td>{levelsText(rule)}</td>
                    <td className="small">
                      {t('alerts.rules.timing', {
                        pending: durationText(t, rule.pendingSeconds),
                        keep: durationText(t, rule.keepFiringSeconds),
                      })}
                    </td>
                    <td>
                      <span className={rule.enabled ? 'badge badge-success' : 'badge'}>
                        {t(rule.enabled ? 'alerts.rules.enabled' : 'alerts.rules.disabled')}
                      </span>
                    </td>
                    <td className="num">
                      {rule.firing > 0 ? (
                        <Link to={`/alerts?kind=rule.${rule.type}`} className="badge badge-danger">
                          {t('alerts.rules.firingCount', { count: rule.firing })}
                        </Link>
                      ) : (
                        <span className="muted">0</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <SilencesCard rules={rules.data ?? []} look={look} mayManage={mayManage} />
      {editing !== undefined && (chosen === 'new' ? mayManage : true) && (
        <RuleEditor
          key={chosen ?? ''}
          rule={editing}
          mayManage={mayManage}
          onSaved={onSaved}
          onClose={() => open(null)}
        />
      )}
    </div>
  );
}
