import type { DocumentDirection, DocumentListItem } from '@ioc/shared';
import { Link, useLocation } from 'react-router';
import { useAgencyName } from '../api/agencies.ts';
import { useI18n } from '../i18n/index.tsx';
import { documentTypeName } from './documentTypes.ts';
import { priorityLabel } from './format.ts';

interface DocumentTableProps {
  direction: DocumentDirection;
  documents: readonly DocumentListItem[];
}

/** A register page: the register number, the cited identifier, the date, the agency, the subject and what hangs on it. */
export function DocumentTable({ direction, documents }: DocumentTableProps) {
  const { t, fmt } = useI18n();
  const agencyName = useAgencyName();
  const { search } = useLocation();
  return (
    <div className="table-wrap">
      <table className="table doc-table" data-testid={`documents-table-${direction}`}>
        <caption className="visually-hidden">
          {t(direction === 'incoming' ? 'doc.tab.incoming' : 'doc.tab.outgoing')}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {t(direction === 'incoming' ? 'doc.column.arrivalNumber' : 'doc.column.ordinal')}
            </th>
            <th scope="col">{t('doc.column.label')}</th>
            <th scope="col">{t('doc.column.issued')}</th>
            <th scope="col">{t(direction === 'incoming' ? 'doc.column.organ' : 'doc.column.issuer')}</th>
            <th scope="col">{t('doc.column.subject')}</th>
            <th scope="col">{t('doc.column.due')}</th>
            <th scope="col" className="num">
              {t('doc.column.tasks')}
            </th>
          </tr>
        </thead>
        <tbody>
          {documents.map((document) => (
            <tr key={document.id} data-testid={`document-row-${document.id}`}>
              <td className="num muted">
                {document.number}/{document.year}
              </td>
              <th scope="row" className="doc-label">
                <Link to={{ pathname: `/documents/${document.id}`, search }}>{document.label}</Link>
                <span className="muted small doc-type">{documentTypeName(t, document.typeName)}</span>
              </th>
              <td className="doc-date">
                {fmt.date(document.issuedDate)}
                {document.arrivalDate && (
                  <span className="muted small doc-type">
                    {t('doc.arrived', { date: new Date(document.arrivalDate) })}
                  </span>
                )}
              </td>
              <td>{agencyName({ organId: document.organ.organId, name: document.organ.organName })}</td>
              <td className="doc-subject">
                {document.subject}
                {document.priority > 0 && (
                  <span className={document.priority >= 3 ? 'badge badge-danger' : 'badge badge-warning'}>
                    {priorityLabel(t, document.priority)}
                  </span>
                )}
                {document.fileCount > 0 && (
                  <span className="badge badge-muted">{t('doc.files', { count: document.fileCount })}</span>
                )}
              </td>
              <td className="doc-date">{document.dueDate ? fmt.date(document.dueDate) : '—'}</td>
              <td className="num">{document.taskCount > 0 ? document.taskCount : <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
