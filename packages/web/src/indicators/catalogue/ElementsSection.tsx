import type { DataElement } from '@ioc/shared';
import { useApiQuery } from '../../api/queries.ts';
import { localName, useI18n } from '../../i18n/index.tsx';
import { optionName } from '../data/categoryOptions.ts';
import { unitLabel } from '../unitLabels.ts';
import { CatalogueSection, CatalogueTable, EditCell } from './CatalogueSection.tsx';
import { AGGREGATION_HINT, AGGREGATION_LABEL, FREQUENCY_LABEL, labelOf, VALUE_TYPE_LABEL } from './catalogue.ts';
import { ElementDialog } from './ElementDialog.tsx';
import { useCatalogueEditing, useCatalogueFilter } from './useCatalogueSection.ts';

const searchText = (element: DataElement) => `${element.code} ${element.name} ${element.nameEn} ${element.owner ?? ''}`;

export function ElementsSection() {
  const { t, lang, fmt } = useI18n();
  const elements = useApiQuery('GET /api/v1/data-elements');
  const { filter, setFilter, visible } = useCatalogueFilter(elements.data, searchText);
  const { editing, startNew, edit, close, saved } = useCatalogueEditing('GET /api/v1/data-elements', (element) =>
    localName(lang, element.name, element.nameEn),
  );

  const range = (element: DataElement) => {
    const { minValue: min, maxValue: max } = element;
    if (min === null && max === null) return '—';
    if (max === null) return `≥ ${fmt.number(min, 6)}`;
    if (min === null) return `≤ ${fmt.number(max, 6)}`;
    return `${fmt.number(min, 6)} – ${fmt.number(max, 6)}`;
  };

  return (
    <CatalogueSection
      resources={[elements]}
      titleId="catalogue-elements-title"
      title={t('catalogue.section.elements')}
      intro={t('catalogue.element.intro')}
      count={elements.data?.length}
      filter={filter}
      onFilter={setFilter}
      filterLabel={t('catalogue.element.filter')}
      newLabel={t('catalogue.element.new')}
      onNew={elements.data ? startNew : undefined}
      newTestId="element-new"
    >
      {elements.data && (
        <CatalogueTable
          data-testid="elements-table"
          rowCount={visible.length}
          columns={
            <>
              <th scope="col">{t('catalogue.code')}</th>
              <th scope="col">{t('catalogue.nameColumn')}</th>
              <th scope="col">{t('catalogue.element.unit')}</th>
              <th scope="col">{t('catalogue.frequencyShort')}</th>
              <th scope="col">{t('catalogue.element.aggregationShort')}</th>
              <th scope="col">{t('catalogue.element.categories')}</th>
              <th scope="col" className="numeric">
                {t('catalogue.element.range')}
              </th>
            </>
          }
        >
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
              <EditCell code={element.code} onEdit={() => edit(element)} data-testid={`element-edit-${element.code}`} />
            </tr>
          ))}
        </CatalogueTable>
      )}
      {editing && elements.data && (
        <ElementDialog element={editing.entry} elements={elements.data} onClose={close} onSaved={saved} />
      )}
    </CatalogueSection>
  );
}
