import type { Alert, AlertGroup } from '@ioc/shared';
import { useState } from 'react';
import { useApiQuery } from '../api/queries.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { useI18n } from '../i18n/index.tsx';
import { AlertRow } from './AlertRow.tsx';
import { type AlertFilters, filterQuery } from './alertView.ts';
import { type DetailLookups, groupWho, kindCount } from './alertWords.ts';

const SHOWN = 20;

/** The filters that pick out one group's alerts: its kind and its agency, else its unit. */
export function groupFilters(filters: AlertFilters, group: AlertGroup): AlertFilters {
  return {
    ...filters,
    kind: group.kind,
    agency: group.agency,
    unit: group.agency ? filters.unit : (group.unit ?? filters.unit),
  };
}

export const groupKey = (group: AlertGroup) => `${group.kind}|${group.agency ?? ''}|${group.unit ?? ''}`;

interface GroupProps {
  group: AlertGroup;
  filters: AlertFilters;
  look: DetailLookups;
  now: Date;
  onOpen(alert: Alert): void;
  onList(filters: AlertFilters): void;
}

function Group({ group, filters, look, now, onOpen, onList }: GroupProps) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const own = groupFilters(filters, group);
  const alerts = useApiQuery('GET /api/v1/alerts', open ? { query: { ...filterQuery(own), limit: SHOWN } } : null);
  const key = groupKey(group);
  return (
    <li className={`alert-group severity-${group.severity}`} data-testid="alert-group" data-count={group.count}>
      <button
        type="button"
        className="alert-group-head"
        aria-expanded={open}
        aria-controls={`alert-group-${key}`}
        onClick={() => setOpen(!open)}
      >
        <span className={`severity-badge severity-${group.severity}`}>{t(`severity.${group.severity}`)}</span>
        <span className="alert-group-title">
          <strong>{groupWho(t, lang, group, look.unitName)}</strong>
          {' — '}
          {kindCount(t, group.kind, group.count)}
        </span>
        <span className="muted small">{t('alerts.groups.since', { at: new Date(group.since) })}</span>
        <span className="alert-group-toggle" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <span className="visually-hidden">{t(open ? 'alerts.groups.collapse' : 'alerts.groups.expand')}</span>
      </button>
      {open && (
        <div id={`alert-group-${key}`} className="alert-group-body">
          {alerts.error !== null && <ErrorNotice error={alerts.error} onRetry={alerts.refetch} />}
          {alerts.isLoading && <LoadingBlock />}
          {alerts.data && (
            <ol className="alert-list">
              {alerts.data.items.map((alert) => (
                <AlertRow key={alert.id} alert={alert} now={now} look={look} fresh={false} onOpen={onOpen} />
              ))}
            </ol>
          )}
          {alerts.data && alerts.data.total > alerts.data.items.length && (
            <button type="button" className="button button-small" onClick={() => onList(own)}>
              {t('alerts.groups.more', { count: alerts.data.total })}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

interface AlertGroupsProps extends Omit<GroupProps, 'group'> {
  groups: readonly AlertGroup[];
}

/** Hundreds of alerts as a picture: one line per kind × agency or unit ("Sở NN&MT — 27 overdue tasks"), to expand. */
export function AlertGroups({ groups, ...rest }: AlertGroupsProps) {
  const { t } = useI18n();
  if (groups.length === 0) return <p className="muted">{t('alerts.groups.empty')}</p>;
  return (
    <ol className="alert-groups" data-testid="alert-groups">
      {groups.map((group) => (
        <Group key={groupKey(group)} group={group} {...rest} />
      ))}
    </ol>
  );
}
