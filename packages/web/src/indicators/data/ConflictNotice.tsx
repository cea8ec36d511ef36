import type { DataEntryForm } from '@ioc/shared';
import { localName, useI18n } from '../../i18n/index.tsx';
import { optionName } from './categoryOptions.ts';
import type { Conflict } from './entryErrors.ts';

interface ConflictNoticeProps {
  conflicts: readonly Conflict[];
  elements: ReadonlyMap<string, DataEntryForm['elements'][number]>;
  onTakeTheirs(): void;
  onKeepMine(): void;
  busy: boolean;
}

/** Someone else stored some of the cells the officer changed: show both values and let the officer decide. */
export function ConflictNotice({ conflicts, elements, onTakeTheirs, onKeepMine, busy }: ConflictNoticeProps) {
  const { t, lang, fmt } = useI18n();
  const show = (value: number | null) => (value === null ? t('data.conflict.empty') : fmt.number(value, 6));
  return (
    <div className="notice notice-warning conflict" role="alert" data-testid="entry-conflict">
      <div className="conflict-body">
        <strong>{t('data.conflict.title', { count: conflicts.length })}</strong>
        <table className="table conflict-table">
          <thead>
            <tr>
              <th scope="col">{t('data.entry.element')}</th>
              <th scope="col">{t('data.conflict.theirs')}</th>
              <th scope="col">{t('data.conflict.mine')}</th>
            </tr>
          </thead>
          <tbody>
            {conflicts.map((conflict) => {
              const element = elements.get(conflict.element);
              const name = element ? localName(lang, element.name, element.nameEn) : conflict.element;
              return (
                <tr key={conflict.key} data-cell={conflict.key}>
                  <th scope="row">
                    {name}
                    {conflict.category && ` — ${optionName(conflict.category, lang)}`}
                  </th>
                  <td>
                    <strong>{show(conflict.current)}</strong>
                    {conflict.by && (
                      <div className="muted small">
                        {conflict.at
                          ? t('data.conflict.by', { by: conflict.by, at: new Date(conflict.at) })
                          : t('data.conflict.byUndated', { by: conflict.by })}
                      </div>
                    )}
                  </td>
                  <td>{show(conflict.mine)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="form-actions">
          <button type="button" className="button" onClick={onTakeTheirs} disabled={busy} data-testid="conflict-reload">
            {t('data.conflict.takeTheirs')}
          </button>
          <button
            type="button"
            className="button button-primary"
            onClick={onKeepMine}
            disabled={busy}
            data-testid="conflict-keep"
          >
            {t('data.conflict.keepMine')}
          </button>
        </div>
      </div>
    </div>
  );
}
