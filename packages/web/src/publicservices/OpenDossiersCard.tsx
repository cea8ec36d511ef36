import type { PsOpenDossier } from '@ioc/shared';
import { useAgencyName } from '../api/agencies.ts';
import type { ApiQueryResult } from '../api/queries.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { useI18n } from '../i18n/index.tsx';
import { latenessText } from './lateness.ts';

export type OpenProgress = 'overdue' | 'dueSoon';

interface OpenDossiersCardProps {
  progress: OpenProgress;
  onProgress(progress: OpenProgress): void;
  lists: Record<OpenProgress, ApiQueryResult<'GET /api/v1/public-services/open-dossiers'>>;
  /** The agency the list is narrowed to, with its name; null for every agency. */
  agency: { key: string; name: string } | null;
  onClearAgency(): void;
}

const TABS: OpenProgress[] = ['overdue', 'dueSoon'];

/** Dossiers in processing now that are overdue (most late first) or due within two working days, and who holds them. */
export function OpenDossiersCard({ progress, onProgress, lists, agency, onClearAgency }: OpenDossiersCardProps) {
  const { t, fmt } = useI18n();
  const list = lists[progress];
  const dossiers = list.data?.dossiers;

  return (
    <section className="card ps-open-card" aria-labelledby="ps-open-title" data-testid="ps-open">
      <header className="card-header">
        <div>
          <h2 id="ps-open-title">{t('ps.open.title')}</h2>
          <p className="muted small">
            {list.data ? t('ps.open.subtitle', { time: new Date(list.data.asOf) }) : t('ps.open.subtitleLoading')}
          </p>
        </div>
        <fieldset className="segmented ps-open-tabs">
          <legend className="visually-hidden">{t('ps.open.tabs')}</legend>
          {TABS.map((tab) => (
            <button
              key={tab}
              type="button"
              aria-pressed={progress === tab}
              onClick={() => onProgress(tab)}
              data-testid={`ps-open-tab-${tab}`}
            >
              {t(tab === 'overdue' ? 'ps.open.tab.overdue' : 'ps.open.tab.dueSoon')}
              <span className="ps-tab-count">{lists[tab].data ? fmt.count(lists[tab].data.total) : '…'}</span>
            </button>
          ))}
        </fieldset>
      </header>
      {agency && (
        <p className="chips ps-open-filter">
          <span className="chip">
            {t('ps.open.agencyFilter', { name: agency.name })}
            <button
              type="button"
              className="chip-remove"
              onClick={onClearAgency}
              aria-label={t('ps.open.clearAgency')}
              data-testid="ps-open-clear-agency"
            >
              ×
            </button>
          </span>
        </p>
      )}
      {list.error !== null && <ErrorNotice error={list.error} onRetry={list.refetch} />}
      {list.isLoading && <LoadingBlock />}
      {dossiers && dossiers.length === 0 && (
        <p className="notice notice-success">
          {t(progress === 'overdue' ? 'ps.open.empty.overdue' : 'ps.open.empty.dueSoon')}
        </p>
      )}
      {dossiers && dossiers.length > 0 && list.data && (
        <>
          <p className="muted small" aria-live="polite">
            {t(progress === 'overdue' ? 'ps.open.shown' : 'ps.open.shownSoon', {
              shown: dossiers.length,
              total: list.data.total,
            })}
          </p>
          <div className="table-wrap ps-open-wrap">
            <table className="table ps-open-table" data-testid={`ps-open-table-${progress}`}>
              <caption className="visually-hidden">{t('ps.open.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('ps.open.column.code')}</th>
                  <th scope="col">{t('ps.open.column.procedure')}</th>
                  <th scope="col">{t('ps.open.column.agency')}</th>
                  <th scope="col">{t('ps.open.column.owner')}</th>
                  <th scope="col">{t('ps.open.column.received')}</th>
                  <th scope="col">{t('ps.open.column.due')}</th>
                  <th scope="col">{t('ps.open.column.late')}</th>
                  <th scope="col">{t('ps.open.column.holder')}</th>
                </tr>
              </thead>
              <tbody>
                {dossiers.map((dossier) => (
                  <OpenRow key={dossier.code} dossier={dossier} progress={progress} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function OpenRow({ dossier, progress }: { dossier: PsOpenDossier; progress: OpenProgress }) {
  const { t, fmt } = useI18n();
  const agencyName = useAgencyName();
  const holder = dossier.holder;
  return (
    <tr data-testid={`ps-open-row-${dossier.code}`}>
      <th scope="row" className="ps-code">
        {dossier.code}
      </th>
      <td className="ps-procedure">{dossier.procedure ?? '—'}</td>
      <td>{agencyName({ code: dossier.agency, name: dossier.agencyName })}</td>
      <td>{dossier.owner ?? '—'}</td>
      <td className="ps-date">{fmt.date(dossier.receivedAt)}</td>
      <td className="ps-date">{fmt.date(dossier.dueAt)}</td>
      <td className={progress === 'overdue' ? 'ps-late' : 'ps-soon'}>
        {latenessText(t, dossier.workingDaysLate)}
        {dossier.secondSupplement && (
          <span className="badge badge-danger" title={t('ps.open.secondSupplementHint')}>
            {t('ps.open.secondSupplement')}
          </span>
        )}
      </td>
      <td className="ps-holder">
        {holder ? (
          <>
            <span className="ps-holder-name">{[holder.handler, holder.title].filter(Boolean).join(', ') || '—'}</span>
            {holder.department && <span className="muted ps-holder-line">{holder.department}</span>}
            <span className="muted small ps-holder-line">{t('ps.open.since', { time: new Date(holder.since) })}</span>
          </>
        ) : (
          <span className="muted">{t('ps.open.noHolder')}</span>
        )}
      </td>
    </tr>
  );
}
