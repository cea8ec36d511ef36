import type { ReactNode } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';

/** The parts of a list's read that the section shows: a query's result fits as it is. */
interface ListRead<Row> {
  data: Row[] | undefined;
  error: unknown;
  isLoading: boolean;
  refetch(): unknown;
}

interface ListSectionProps<Row> {
  /** The heading's id, which names the section for screen readers. */
  titleId: string;
  title: string;
  intro: string;
  /** The button that opens the create dialog; absent for a user who may only read. */
  create?: { label: string; testId: string; onClick(): void } | undefined;
  read: ListRead<Row>;
  /** Said in place of the table when the list is empty. */
  empty: string;
  tableTestId: string;
  columns: readonly string[];
  /** One table row (with its key) for each item. */
  row(item: Row): ReactNode;
  /** What follows the table: a log, the dialogs. */
  children?: ReactNode;
}

/** An administration tab listing what it manages: heading, intro and create button, then the table or its state. */
export function ListSection<Row>({
  titleId,
  title,
  intro,
  create,
  read,
  empty,
  tableTestId,
  columns,
  row,
  children,
}: ListSectionProps<Row>) {
  return (
    <section aria-labelledby={titleId}>
      <div className="toolbar">
        <h2 id={titleId}>{title}</h2>
        <p className="muted small">{intro}</p>
        {create && (
          <button type="button" className="button button-primary" onClick={create.onClick} data-testid={create.testId}>
            {create.label}
          </button>
        )}
      </div>
      {read.error !== null && <ErrorNotice error={read.error} onRetry={read.refetch} />}
      {read.isLoading && <LoadingBlock />}
      {read.data && read.data.length === 0 && <p className="muted">{empty}</p>}
      {read.data && read.data.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid={tableTestId}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{read.data.map(row)}</tbody>
          </table>
        </div>
      )}
      {children}
    </section>
  );
}
