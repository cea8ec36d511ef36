import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { useT } from '../../i18n/index.tsx';
import { SectionToolbar, type SectionToolbarProps } from './SectionToolbar.tsx';

type CatalogueSectionProps = SectionToolbarProps & {
  /** The lists the section waits for: the first to fail is said, with a retry of them all. */
  resources: readonly UseQueryResult<unknown>[];
  children: ReactNode;
};

/** A section listing one kind of entry: its toolbar, then the list's load problem or a placeholder while it loads. */
export function CatalogueSection({ resources, children, ...toolbar }: CatalogueSectionProps) {
  const error = resources.reduce<unknown>((first, resource) => first ?? resource.error, null);
  const ready = resources.every((resource) => resource.data);
  return (
    <section aria-labelledby={toolbar.titleId}>
      <SectionToolbar {...toolbar} />
      {error !== null && (
        <ErrorNotice
          error={error}
          onRetry={() => {
            for (const resource of resources) void resource.refetch();
          }}
        />
      )}
      {!ready && error === null && <LoadingBlock />}
      {children}
    </section>
  );
}

interface CatalogueTableProps {
  /** The column headers, before that of the actions column. */
  columns: ReactNode;
  /** How many rows are shown: with none, `emptyText` is said under the table. */
  rowCount: number;
  /** Default: nothing matches the filter. */
  emptyText?: string;
  /** For a table of few, short columns. */
  narrow?: boolean;
  'data-testid': string;
  children: ReactNode;
}

/** The table of a section's entries, the last column for the row's actions. */
export function CatalogueTable({
  columns,
  rowCount,
  emptyText,
  narrow = false,
  children,
  ...rest
}: CatalogueTableProps) {
  const t = useT();
  return (
    <div className={narrow ? 'table-wrap catalogue-narrow' : 'table-wrap'}>
      <table className="table catalogue-table" data-testid={rest['data-testid']}>
        <thead>
          <tr>
            {columns}
            <th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      {rowCount === 0 && <p className="muted">{emptyText ?? t('common.noMatch')}</p>}
    </div>
  );
}

interface EditCellProps {
  code: string;
  onEdit(): void;
  /** While what the dialog needs is still loading. */
  disabled?: boolean;
  'data-testid': string;
}

/** The last cell of a row: the button that opens the entry's dialog. */
export function EditCell({ code, onEdit, disabled, ...rest }: EditCellProps) {
  const t = useT();
  return (
    <td className="actions">
      <button
        type="button"
        className="button button-small"
        onClick={onEdit}
        disabled={disabled}
        aria-label={t('catalogue.editOne', { code })}
        data-testid={rest['data-testid']}
      >
        {t('common.edit')}
      </button>
    </td>
  );
}
