import { type FormEvent, Fragment, useId, useMemo, useState } from 'react';
import { type PageCursor, useApiPages } from '../api/queries.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { FieldShell, TextField } from '../components/Field.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { useI18n } from '../i18n/index.tsx';
import { ACTION_FAMILIES, actionWords, actorTypeWords, familyWords, recordWords } from './auditWords.ts';
import { JsonDiff } from './JsonDiff.tsx';

const PAGE_SIZE = 50;
const BEFORE_ID: PageCursor<'GET /api/v1/audit'> = { param: 'beforeId', next: (page) => page.nextBeforeId };

const ACTOR_TYPES = ['user', 'apikey', 'system'] as const;
type ActorType = (typeof ACTOR_TYPES)[number];

interface Filters {
  actor: string;
  /** An action family (see ACTION_FAMILIES), or '' for all. */
  kind: string;
  actorType: ActorType | '';
  from: string;
  to: string;
  /** The demo's and connectors' sync writes an entry every few seconds: hidden unless asked for. */
  hideAutomated: boolean;
}

const NO_FILTERS: Filters = { actor: '', kind: '', actorType: '', from: '', to: '', hideAutomated: true };

/** A datetime-local value is in the browser's time zone; the API wants an ISO instant. */
function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function AuditTab() {
  const { t, fmt } = useI18n();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [open, setOpen] = useState<Set<number>>(new Set());
  const kindId = useId();
  const actorTypeId = useId();
  const query = {
    actor: filters.actor.trim() || undefined,
    action: filters.kind ? `${filters.kind}.` : undefined,
    actorType: filters.actorType || undefined,
    hideAutomated: filters.hideAutomated,
    from: toIso(filters.from),
    to: toIso(filters.to),
    limit: PAGE_SIZE,
  };
  const pages = useApiPages('GET /api/v1/audit', { query }, BEFORE_ID);
  const entries = useMemo(() => pages.data?.pages.flatMap((page) => page.entries) ?? [], [pages.data]);
  const { error, isFetching: loading } = pages;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setOpen(new Set());
    // The same search again asks the server again: new entries may have been written since.
    if (JSON.stringify(draft) === JSON.stringify(filters)) void pages.refetch();
    else setFilters({ ...draft });
  };

  const toggle = (id: number) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const set = (name: 'actor' | 'from' | 'to') => (value: string) =>
    setDraft((current) => ({ ...current, [name]: value }));
  const setHideAutomated = (hideAutomated: boolean) => {
    setDraft((current) => ({ ...current, hideAutomated }));
    setFilters((current) => ({ ...current, hideAutomated }));
  };

  return (
    <section aria-labelledby="audit-title">
      <div className="toolbar">
        <h2 id="audit-title">{t('admin.tab.audit')}</h2>
        <p className="muted small">{t('audit.intro')}</p>
      </div>
      <form className="form filters" onSubmit={apply} data-testid="audit-filters">
        <TextField label={t('audit.actor')} value={draft.actor} onChange={set('actor')} data-testid="audit-actor" />
        <FieldShell id={kindId} label={t('audit.kind')}>
          <select
            id={kindId}
            value={draft.kind}
            onChange={(event) => setDraft((current) => ({ ...current, kind: event.target.value }))}
            data-testid="audit-kind"
          >
            <option value="">{t('audit.kindAll')}</option>
            {ACTION_FAMILIES.map((family) => (
              <option key={family} value={family}>
                {familyWords(t, family)}
              </option>
            ))}
          </select>
        </FieldShell>
        <FieldShell id={actorTypeId} label={t('audit.actorType')}>
          <select
            id={actorTypeId}
            value={draft.actorType}
            onChange={(event) =>
              setDraft((current) => ({ ...current, actorType: event.target.value as ActorType | '' }))
            }
            data-testid="audit-actor-type"
          >
            <option value="">{t('audit.actorTypeAll')}</option>
            {ACTOR_TYPES.map((type) => (
              <option key={type} value={type}>
                {actorTypeWords(t, type)}
              </option>
            ))}
          </select>
        </FieldShell>
        <TextField label={t('audit.from')} type="datetime-local" value={draft.from} onChange={set('from')} />
        <TextField label={t('audit.to')} type="datetime-local" value={draft.to} onChange={set('to')} />
        <label className="checkbox-inline">
          <input
            type="checkbox"
            checked={draft.hideAutomated}
            onChange={(event) => setHideAutomated(event.target.checked)}
            data-testid="audit-hide-automated"
          />
          {t('audit.hideAutomated')}
        </label>
        <div className="form-actions">
          <button type="submit" className="button button-primary">
            {t('audit.apply')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setDraft(NO_FILTERS);
              setOpen(new Set());
              setFilters({ ...NO_FILTERS });
            }}
          >
            {t('audit.clear')}
          </button>
        </div>
      </form>
      {error !== null && <ErrorNotice error={error} onRetry={pages.refetch} />}
      <div className="table-wrap">
        <table className="table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('audit.details')}</span>
              </th>
              <th scope="col">{t('audit.time')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.ip')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.entity')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <Fragment key={entry.id}>
                <tr>
                  <td>
                    <button
                      type="button"
                      className="icon-button expander"
                      aria-expanded={open.has(entry.id)}
                      aria-controls={`audit-${entry.id}`}
                      aria-label={t('audit.details')}
                      onClick={() => toggle(entry.id)}
                    >
                      {open.has(entry.id) ? '▾' : '▸'}
                    </button>
                  </td>
                  <td>
                    <time dateTime={entry.at}>{fmt.dateTime(entry.at)}</time>
                  </td>
                  <td>
                    {entry.actorName ?? t('common.system')}
                    <div className="muted small">{actorTypeWords(t, entry.actorType)}</div>
                  </td>
                  <td>{entry.ip ?? '—'}</td>
                  <td title={entry.action}>{actionWords(t, entry.action)}</td>
                  <td>
                    {recordWords(t, entry.entityType)}
                    {entry.entityId && <span className="muted"> #{entry.entityId}</span>}
                  </td>
                </tr>
                {open.has(entry.id) && (
                  <tr id={`audit-${entry.id}`} className="row-detail">
                    <td colSpan={6}>
                      <JsonDiff before={entry.before} after={entry.after} />
                      <p className="muted small">
                        {t('audit.hash')}: <code>{entry.hash}</code>
                      </p>
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
        {!loading && entries.length === 0 && error === null && <p className="muted">{t('audit.empty')}</p>}
      </div>
      {loading && <LoadingBlock />}
      {pages.hasNextPage && !loading && (
        <button type="button" className="button" onClick={() => pages.fetchNextPage()} data-testid="audit-more">
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}
