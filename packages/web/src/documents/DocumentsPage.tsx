import type { CreateDocumentResult, DocumentDirection } from '@ioc/shared';
import { useMemo, useState } from 'react';
import { Outlet, useNavigate, useSearchParams } from 'react-router';
import { useApiQuery } from '../api/queries.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useLiveReload } from '../live/useLiveReload.ts';
import type { RegisteredState } from './DocumentDrawer.tsx';
import { DocumentTable } from './DocumentTable.tsx';
import { EdxmlImportDialog } from './EdxmlImportDialog.tsx';
import { RegisterDocumentDialog } from './RegisterDocumentDialog.tsx';
import { SearchForm } from './SearchForm.tsx';
import { SummaryCard } from './SummaryCard.tsx';
import { directionFromParams, filtersFromParams, filtersToParams, hasFilters } from './search.ts';
import { useDocumentPages } from './useDocumentPages.ts';
import './documents.css';

const PAGE_SIZE = 25;
const DIRECTIONS: DocumentDirection[] = ['incoming', 'outgoing'];

/**
 * Subsystem 3, documents: the incoming and outgoing registers with search and cursor paging, a document's Decree 30
 * metadata, files and tasks in a panel (`/documents/:id`), registration by form or edXML envelope, and the year's
 * counts. A document registered elsewhere appears live.
 */
export function DocumentsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const canWrite = useAuth().can('documents.write');
  const direction = directionFromParams(params);
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const [dialog, setDialog] = useState<'register' | 'import' | null>(null);

  const pages = useDocumentPages({ direction, ...filters, limit: PAGE_SIZE });
  const summary = useApiQuery('GET /api/v1/documents/summary');

  const refresh = useLiveReload('document.registered', ['GET /api/v1/documents', 'GET /api/v1/documents/summary']);

  const show = (next: DocumentDirection, nextFilters = filters) =>
    setParams(filtersToParams(next, nextFilters), { replace: false });

  const onRegistered = (result: CreateDocumentResult) => {
    setDialog(null);
    const search = filtersToParams(result.document.direction, filters);
    // The panel says it was registered, and any warning (a duplicate number): a toast would sit under it.
    const state: RegisteredState = { registered: true, warnings: result.warnings };
    navigate({ pathname: `/documents/${result.document.id}`, search: search.toString() }, { state });
    refresh();
  };

  return (
    <div className="page doc-page" data-testid="documents-page">
      <header className="page-header page-header-row">
        <div>
          <h1>
            <span className="page-number">3</span>
            {t('doc.title')}
          </h1>
          <p className="muted">{t('doc.subtitle')}</p>
        </div>
        {canWrite && (
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setDialog('import')} data-testid="doc-import-open">
              {t('doc.import.open')}
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => setDialog('register')}
              data-testid="doc-register-open"
            >
              {t('doc.register.open')}
            </button>
          </div>
        )}
      </header>

      <SummaryCard summary={summary} />

      <section className="card doc-register-card" aria-labelledby="doc-list-title">
        <header className="card-header">
          <h2 id="doc-list-title" className="visually-hidden">
            {t('doc.list.title')}
          </h2>
          <nav className="tabs doc-tabs" aria-label={t('doc.list.title')}>
            {DIRECTIONS.map((value) => (
              <button
                key={value}
                type="button"
                className={value === direction ? 'tab active' : 'tab'}
                aria-current={value === direction ? 'page' : undefined}
                onClick={() => show(value)}
                data-testid={`doc-tab-${value}`}
              >
                {t(value === 'incoming' ? 'doc.tab.incoming' : 'doc.tab.outgoing')}
              </button>
            ))}
          </nav>
        </header>
        <SearchForm filters={filters} onSearch={(next) => show(direction, next)} />
        {pages.error !== null && <ErrorNotice error={pages.error} onRetry={pages.retry} />}
        {pages.loading && !pages.documents && <LoadingBlock />}
        {pages.documents && pages.documents.length === 0 && (
          <p className="notice notice-info" data-testid="documents-empty">
            {hasFilters(filters) ? t('doc.list.noMatch') : t('doc.list.empty')}
          </p>
        )}
        {pages.documents && pages.documents.length > 0 && (
          <>
            <DocumentTable direction={direction} documents={pages.documents} />
            <p className="doc-more">
              <span className="muted small" aria-live="polite">
                {t(pages.hasMore ? 'doc.list.shownMore' : 'doc.list.shownAll', { count: pages.documents.length })}
              </span>
              {pages.hasMore && (
                <button
                  type="button"
                  className="button"
                  onClick={pages.loadMore}
                  disabled={pages.loadingMore}
                  data-testid="documents-more"
                >
                  {pages.loadingMore ? t('common.loading') : t('doc.list.more')}
                </button>
              )}
            </p>
          </>
        )}
      </section>

      {dialog === 'register' && (
        <RegisterDocumentDialog direction={direction} onClose={() => setDialog(null)} onRegistered={onRegistered} />
      )}
      {dialog === 'import' && <EdxmlImportDialog onClose={() => setDialog(null)} onImported={onRegistered} />}

      <Outlet />
    </div>
  );
}
