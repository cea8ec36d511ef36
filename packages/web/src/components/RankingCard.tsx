import { type ReactNode, useEffect, useRef } from 'react';

/** A column heading; with `sort`, a button that sorts the table on it (the indicators' ranking). */
export interface RankingColumn {
  key: string;
  label: ReactNode;
  className?: string;
  title?: string;
  sort?: { active: boolean; order: 'asc' | 'desc'; onToggle(): void };
}

/** One row as the subsystem draws it: its cells, and what the row says of itself. */
export interface RankingRow {
  key: string;
  testId: string;
  className?: string;
  /** The unit or agency the page is showing: marked, and announced as current. */
  selected?: boolean;
  /** `data-*` attributes the browser tests and the wall read. */
  data?: Record<`data-${string}`, string | number | boolean | undefined>;
  cells: ReactNode;
}

interface RankingCardProps {
  titleId: string;
  title: string;
  subtitle: ReactNode;
  testId?: string;
  /** The subsystem's classes of the card, its scrolling box and its table. */
  classNames: { card: string; wrap: string; table: string };
  /** What sits right of the title: the best/worst toggle, a CSV link. */
  actions?: ReactNode;
  caption: string;
  columns: readonly RankingColumn[];
  rows: readonly RankingRow[];
  tableTestId?: string;
  /** Said instead of an empty table. */
  empty?: string;
  /** Brings the selected row into the table's own view when the selection changes (not the page's). */
  followSelection?: boolean;
  footer?: ReactNode;
}

function SortableHeading({ column }: { column: RankingColumn & { sort: NonNullable<RankingColumn['sort']> } }) {
  const { active, order, onToggle } = column.sort;
  return (
    <th
      scope="col"
      className={column.className}
      title={column.title}
      aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" className="sort-button" onClick={onToggle}>
        {column.label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** Units or agencies ranked by a figure, in a card: every subsystem's ranking table. */
export function RankingCard(props: RankingCardProps) {
  const { titleId, title, subtitle, classNames, actions, caption, columns, rows, empty, footer } = props;
  const wrap = useRef<HTMLDivElement>(null);
  const selected = rows.find((row) => row.selected)?.testId;

  // A commune chosen on the map is brought into the table's own view (not the page's, which goes to the top).
  useEffect(() => {
    if (!props.followSelection || !selected) return;
    const container = wrap.current;
    const row = container?.querySelector<HTMLElement>(`[data-testid="${CSS.escape(selected)}"]`);
    if (!container || !row) return;
    container.scrollTop = Math.max(0, row.offsetTop - container.clientHeight / 2);
  }, [selected, props.followSelection]);

  return (
    <section className={`card ${classNames.card}`} aria-labelledby={titleId} data-testid={props.testId}>
      <header className="card-header">
        <div>
          <h2 id={titleId}>{title}</h2>
          <p className="muted small">{subtitle}</p>
        </div>
        {actions}
      </header>
      {rows.length === 0 && empty !== undefined ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className={`table-wrap ${classNames.wrap}`} ref={wrap}>
          <table className={`table ${classNames.table}`} data-testid={props.tableTestId}>
            <caption className="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                {columns.map((column) =>
                  column.sort ? (
                    <SortableHeading key={column.key} column={{ ...column, sort: column.sort }} />
                  ) : (
                    <th key={column.key} scope="col" className={column.className} title={column.title}>
                      {column.label}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const className = [row.className, row.selected ? 'ranking-selected' : ''].filter(Boolean).join(' ');
                return (
                  <tr
                    key={row.key}
                    className={className || undefined}
                    data-testid={row.testId}
                    aria-current={row.selected ? 'true' : undefined}
                    {...row.data}
                  >
                    {row.cells}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {footer}
    </section>
  );
}
