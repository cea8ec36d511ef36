import { useT } from '../../i18n/index.tsx';

export interface SectionToolbarProps {
  titleId: string;
  title: string;
  intro: string;
  /** How many entries the catalogue holds; absent while loading. */
  count?: number | undefined;
  filter?: string;
  onFilter?(value: string): void;
  filterLabel?: string;
  newLabel?: string;
  /** Absent while what the dialog needs is still loading. */
  onNew?: (() => void) | undefined;
  newTestId?: string;
}

/** Title, one line on what the section is, a filter and the "new" button: the same at the top of every section. */
export function SectionToolbar({
  titleId,
  title,
  intro,
  count,
  filter,
  onFilter,
  filterLabel,
  newLabel,
  onNew,
  newTestId,
}: SectionToolbarProps) {
  const t = useT();
  return (
    <div className="catalogue-toolbar">
      <div className="catalogue-heading">
        <h2 id={titleId}>
          {title}
          {count !== undefined && <span className="badge badge-muted">{count}</span>}
        </h2>
        <p className="muted small">{intro}</p>
      </div>
      <div className="catalogue-actions">
        {onFilter && (
          <input
            type="search"
            className="toolbar-search"
            placeholder={t('common.filter')}
            aria-label={filterLabel}
            value={filter ?? ''}
            onChange={(event) => onFilter(event.target.value)}
          />
        )}
        {newLabel && (
          <button
            type="button"
            className="button button-primary"
            onClick={onNew}
            disabled={!onNew}
            data-testid={newTestId}
          >
            {newLabel}
          </button>
        )}
      </div>
    </div>
  );
}
