import type { DocumentWarning } from '@ioc/shared';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useAgencyName } from '../api/agencies.ts';
import { useApiQuery } from '../api/queries.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { Drawer } from '../components/Drawer.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { localName, useI18n } from '../i18n/index.tsx';
import { useLiveReload } from '../live/useLiveReload.ts';
import { documentTypeName } from './documentTypes.ts';
import { edxmlUrl, fileUrl, priorityLabel, warningText } from './format.ts';
import { StateBadge } from './tasks/TaskBits.tsx';

/** What the page says about a document it has just registered, passed with the navigation. */
export interface RegisteredState {
  registered: true;
  warnings: DocumentWarning[];
}

function isRegisteredState(state: unknown): state is RegisteredState {
  return typeof state === 'object' && state !== null && (state as { registered?: unknown }).registered === true;
}

/** One document over the register (`/documents/:id`): its Decree 30 metadata, files, the tasks it gave rise to. */
export function DocumentDrawer() {
  const { t, lang, fmt } = useI18n();
  const agencyName = useAgencyName();
  const { can } = useAuth();
  const { documentId } = useParams();
  const navigate = useNavigate();
  const { search, state } = useLocation();
  const id = Number(documentId);
  const valid = Number.isInteger(id) && id > 0;
  const detail = useApiQuery('GET /api/v1/documents/:id', valid ? { params: { id } } : null);
  const tasks = useApiQuery('GET /api/v1/tasks', valid ? { query: { documentId: id, limit: 100 } } : null);
  useLiveReload('task.updated', ['GET /api/v1/tasks']);

  const close = () => navigate({ pathname: '/documents', search });
  const document = detail.data;
  const fact = (label: string, value: ReactNode, testId?: string) =>
    value === null || value === undefined || value === '' ? null : (
      <>
        <dt>{label}</dt>
        <dd data-testid={testId}>{value}</dd>
      </>
    );

  return (
    <Drawer
      title={document ? `${documentTypeName(t, document.typeName)} ${document.label}` : t('common.loading')}
      subtitle={
        document && (
          <>
            <span className="badge">
              {t(document.direction === 'incoming' ? 'doc.tab.incoming' : 'doc.tab.outgoing')} ·{' '}
              {t('doc.registerNumber', { register: document.register, number: document.number, year: document.year })}
            </span>
            {document.priority > 0 && <span className="badge badge-danger">{priorityLabel(t, document.priority)}</span>}
          </>
        )
      }
      onClose={close}
      data-testid="document-drawer"
    >
      {!valid && <p className="notice notice-danger">{t('doc.notFound')}</p>}
      {detail.error !== null && <ErrorNotice error={detail.error} onRetry={detail.refetch} />}
      {detail.isLoading && <LoadingBlock />}
      {document && (
        <div className="doc-detail" data-document-id={document.id}>
          {isRegisteredState(state) && (
            <div role="status" data-testid="document-registered">
              <p className="notice notice-success">{t('doc.registered.text', { label: document.label })}</p>
              {state.warnings.map((warning) => (
                <p key={`${warning.code}:${warning.documentIds.join()}`} className="notice notice-warning">
                  <strong>{t('doc.warning.title')}:</strong> {warningText(t, warning, lang)}
                </p>
              ))}
            </div>
          )}
          <p className="doc-detail-subject" data-testid="document-subject">
            {document.subject}
          </p>
          <p className="form-actions">
            <a className="button button-small" href={edxmlUrl(document.id)} download data-testid="document-edxml">
              {t('doc.detail.edxml')}
            </a>
            {can('tasks.assign') && (
              <Link
                className="button button-small"
                to={{ pathname: '/direction', search: `?assignFrom=${document.id}` }}
                data-testid="document-assign"
              >
                {t('doc.detail.assign')}
              </Link>
            )}
          </p>
          <h3>{t('doc.detail.metadata')}</h3>
          <dl className="doc-facts">
            {fact(t('doc.form.typeName'), documentTypeName(t, document.typeName))}
            {fact(t('doc.detail.code'), `${document.codeNumber}/${document.codeNotation}`)}
            {fact(t('doc.form.issuedDate'), fmt.date(document.issuedDate))}
            {fact(t('doc.form.issuedPlace'), document.issuedPlace)}
            {fact(
              t(document.direction === 'incoming' ? 'doc.form.organIncoming' : 'doc.form.organOutgoing'),
              <>
                {agencyName({ organId: document.organ.organId, name: document.organ.organName })}
                {document.organ.organId && <span className="muted small"> ({document.organ.organId})</span>}
              </>,
            )}
            {fact(
              t('doc.detail.signer'),
              document.signer ? [document.signer.position, document.signer.fullName].filter(Boolean).join(' ') : null,
            )}
            {fact(t('doc.form.priority'), priorityLabel(t, document.priority))}
            {fact(t('doc.form.dueDate'), document.dueDate ? fmt.date(document.dueDate) : null)}
            {fact(t('doc.detail.arrival'), document.arrivalDate ? fmt.dateTime(document.arrivalDate) : null)}
            {fact(t('doc.form.pageAmount'), document.pageAmount)}
            {fact(t('doc.detail.issuedAmount'), document.issuedAmount)}
            {fact(t('doc.detail.language'), document.language)}
            {fact(
              t('doc.detail.recipients'),
              document.recipients.length > 0
                ? document.recipients
                    .map((organ) => agencyName({ organId: organ.organId, name: organ.organName }))
                    .join('; ')
                : null,
            )}
            {fact(t('doc.detail.toPlaces'), document.toPlaces.length > 0 ? document.toPlaces.join('; ') : null)}
            {fact(t('doc.detail.description'), document.description)}
            {fact(
              t('doc.detail.registeredBy'),
              t('doc.detail.registeredAt', { name: document.createdBy, time: new Date(document.createdAt) }),
            )}
          </dl>
          {document.content && (
            <>
              <h3>{t('doc.detail.content')}</h3>
              <p className="doc-content">{document.content}</p>
            </>
          )}
          {document.trace.length > 0 && (
            <>
              <h3>{t('doc.detail.trace')}</h3>
              <ol className="doc-trace">
                {document.trace.map((step) => (
                  <li key={`${step.at}|${step.organId ?? step.organName}|${step.note ?? ''}`}>
                    <span className="muted small">{fmt.dateTime(step.at)}</span>{' '}
                    {step.organName ? agencyName({ organId: step.organId, name: step.organName }) : step.organId}
                    {step.note && <span className="muted"> — {step.note}</span>}
                  </li>
                ))}
              </ol>
            </>
          )}
          <h3>{t('doc.detail.files')}</h3>
          {document.files.length === 0 ? (
            <p className="muted small">{t('doc.detail.noFiles')}</p>
          ) : (
            <ul className="doc-files" data-testid="document-files">
              {document.files.map((file) => (
                <li key={file.id}>
                  <a href={fileUrl(file.id)} download={file.name}>
                    {file.name}
                  </a>{' '}
                  <span className="muted small">
                    {fmt.fileSize(file.size)} · {file.mime}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('doc.detail.tasks')}</h3>
          {tasks.error !== null && <ErrorNotice error={tasks.error} onRetry={tasks.refetch} />}
          {tasks.data && tasks.data.tasks.length === 0 && <p className="muted small">{t('doc.detail.noTasks')}</p>}
          {tasks.data && tasks.data.tasks.length > 0 && (
            <ul className="doc-tasks" data-testid="document-tasks">
              {tasks.data.tasks.map((task) => (
                <li key={task.id}>
                  <Link to={`/direction/tasks/${task.id}`}>{task.title}</Link>
                  <span className="muted small">
                    {' '}
                    · {localName(lang, task.leadUnit.name, task.leadUnit.nameEn)} · {fmt.date(task.dueDate)}{' '}
                  </span>
                  <StateBadge state={task.state} />
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Drawer>
  );
}
