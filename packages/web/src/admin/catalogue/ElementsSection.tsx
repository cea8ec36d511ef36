import type { DataElement } from '@ioc/shared';
import { useMemo, useState } from 'react';
import { useResource } from '../../api/useResource.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { matchesSearch } from '../../components/search.ts';
import { useToast } from '../../components/Toasts.tsx';
import { optionName } from '../../data/categoryOptions.ts';
import { localName, useI18n } from '../../i18n/index.tsx';
import { unitLabel } from '../../indicators/format.ts';
import {
  AGGREGATION_HINT,
  AGGREGATION_LABEL,
  FREQUENCY_LABEL,
  labelOf,
  PATHS,
  upsertByCode,
  VALUE_TYPE_LABEL,
} from './catalogue.ts';
import { ElementDialog } from './ElementDialog.tsx';
import { SectionToolbar } from './SectionToolbar.tsx';

type Editing = { element?: DataElement } | null;

export function ElementsSection() {
  const { t, lang, fmt } = useI18n();
  const { showToast } = useToast();
  const elements = useResource<DataElement[]>(PATHS.elements);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Editing>(null);

  const visible = useMemo(
    () =>
      (elements.data ?? []).filter((element) =>
        matchesSearch(`${element.code} ${element.name} ${element.nameEn} ${element.owner ?? ''}`, filter),
      ),
    [elements.data, filter],
  );

  const range = (element: DataElement) => {
    const { minValue: min, maxValue: max } = element;
    if (min === null && max === null) return '—';
    if (max === null) return `≥ ${fmt.number(min, 6)}`;
    if (min === null) return `≤ ${fmt.number(max, 6)}`;
    return `${fmt.number(min, 6)} – ${fmt.number(max, 6)}`;
  };

  return (
    <section aria-labelledby="catalogue-elements-title">
      <SectionToolbar
        titleId="catalogue-elements-title"
        title={t('catalogue.section.elements')}
        intro={t('catalogue.element.intro')}
        count={elements.data?.length}
        filter={filter}
        onFilter={setFilter}
        filterLabel={t('catalogue.element.filter')}
        newLabel={t('catalogue.element.new')}
        onNew={elements.data ? () => setEditing({}) : undefined}
        newTestId="element-new"
      />
      {elements.error !== null && <ErrorNotice error={elements.error} onRetry={elements.reload} />}
      {elements.loading && !elements.data && <LoadingBlock />}
      {elements.data && (
        <div className="table-wrap">
          <table className="table catalogue-table" data-testid="elements-table">
            <thead>
              <tr>
                <th scope="col">{t('catalogue.code')}</th>
                <th scope="col">{t('catalogue.nameColumn')}</th>
                <th scope="col">{t('catalogue.element.unit')}</th>
                <th scope="col">{t('catalogue.frequencyShort')}</th>
                <th scope="col">{t('catalogue.element.aggregationShort')}</th>
                <th scope="col">{t('catalogue.element.categories')}</th>
                <th scope="col" className="numeric">
                  {t('catalogue.element.range')}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {visible.map((element) => (
                <tr key={element.code} data-testid={`element-row-${element.code}`}>
                  <td>
                    <code>{element.code}</code>
                  </td>
                  <td className="name-cell">
                    {localName(lang, element.name, element.nameEn)}
                    {element.owner && <div className="muted small">{element.owner}</div>}
                  </td>
                  <td>
                    {unitLabel(element.unit, lang) || '—'}
                    <div className="muted small">{labelOf(t, VALUE_TYPE_LABEL, element.valueType)}</div>
                  </td>
                  <td>{labelOf(t, FREQUENCY_LABEL, element.frequency)}</td>
                  <td title={labelOf(t, AGGREGATION_HINT, element.aggregation)}>
                    {labelOf(t, AGGREGATION_LABEL, element.aggregation)}
                  </td>
                  <td>
                    {element.categories.length === 0
                      ? '—'
                      : element.categories.map((code) => (
                          <span key={code} className="tag" title={code}>
                            {optionName(code, lang)}
                          </span>
                        ))}
                  </td>
                  <td className="numeric">{range(element)}</td>
                  <td className="actions">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => setEditing({ element })}
                      aria-label={t('catalogue.editOne', { code: element.code })}
                      data-testid={`element-edit-${element.code}`}
                    >
                      {t('common.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {visible.length === 0 && <p className="muted">{t('common.noMatch')}</p>}
        </div>
      )}
      {editing && elements.data && (
        <ElementDialog
          element={editing.element}
          elements={elements.data}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            elements.setData((list) => upsertByCode(list, saved));
            showToast({
              title: t('catalogue.savedTitle'),
              text: `${saved.code} — ${localName(lang, saved.name, saved.nameEn)}`,
              tone: 'success',
            });
          }}
        />
      )}
    </section>
  );
}
