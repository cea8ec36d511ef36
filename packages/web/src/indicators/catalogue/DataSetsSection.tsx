import type { DataSet } from '@ioc/shared';
import { useMemo } from 'react';
import { isLocalUnit, useActiveUnits } from '../../api/orgUnits.ts';
import { useApiQuery } from '../../api/queries.ts';
import { localName, useI18n } from '../../i18n/index.tsx';
import { CatalogueSection, CatalogueTable, EditCell } from './CatalogueSection.tsx';
import { FREQUENCY_LABEL, labelOf } from './catalogue.ts';
import { DataSetDialog } from './DataSetDialog.tsx';
import { reportingMode } from './dataSets.ts';
import { ScheduleText } from './ScheduleText.tsx';
import { useCatalogueEditing, useCatalogueFilter } from './useCatalogueSection.ts';

const searchText = (set: DataSet) => `${set.code} ${set.name} ${set.nameEn}`;

export function DataSetsSection() {
  const { t, lang } = useI18n();
  const dataSets = useApiQuery('GET /api/v1/data-sets');
  const elements = useApiQuery('GET /api/v1/data-elements');
  const { units } = useActiveUnits();
  const { filter, setFilter, visible } = useCatalogueFilter(dataSets.data, searchText);
  const { editing, startNew, edit, close, saved } = useCatalogueEditing('GET /api/v1/data-sets', (set) =>
    localName(lang, set.name, set.nameEn),
  );
  const communeIds = useMemo(() => units.filter(isLocalUnit).map((unit) => unit.id), [units]);
  const unitName = useMemo(
    () => new Map(units.map((unit) => [unit.id, localName(lang, unit.name, unit.nameEn)])),
    [units, lang],
  );

  const reporters = (set: DataSet) => {
    if (communeIds.length > 0 && reportingMode(set.units, communeIds) === 'all') {
      return t('catalogue.dataSet.allCommunes', { count: communeIds.length });
    }
    if (set.units.length === 1) return unitName.get(set.units[0] ?? '') ?? set.units[0];
    return t('catalogue.dataSet.unitCount', { count: set.units.length });
  };

  const ready = dataSets.data && elements.data;
  return (
    <CatalogueSection
      resources={[dataSets, elements]}
      titleId="catalogue-datasets-title"
      title={t('catalogue.section.datasets')}
      intro={t('catalogue.dataSet.intro')}
      count={dataSets.data?.length}
      filter={filter}
      onFilter={setFilter}
      filterLabel={t('catalogue.dataSet.filter')}
      newLabel={t('catalogue.dataSet.new')}
      onNew={ready ? startNew : undefined}
      newTestId="dataset-new"
    >
      {dataSets.data && (
        <CatalogueTable
          data-testid="datasets-table"
          rowCount={visible.length}
          columns={
            <>
              <th scope="col">{t('catalogue.nameColumn')}</th>
              <th scope="col">{t('catalogue.frequencyShort')}</th>
              <th scope="col">{t('catalogue.dataSet.deadline')}</th>
              <th scope="col">{t('catalogue.dataSet.lock')}</th>
              <th scope="col" className="numeric">
                {t('catalogue.dataSet.elementCount')}
              </th>
              <th scope="col">{t('catalogue.dataSet.units')}</th>
            </>
          }
        >
          {visible.map((set) => (
            <tr key={set.code} data-testid={`dataset-row-${set.code}`}>
              <td className="name-cell">
                {localName(lang, set.name, set.nameEn)}
                <div>
                  <code className="muted small">{set.code}</code>
                </div>
              </td>
              <td>{labelOf(t, FREQUENCY_LABEL, set.frequency)}</td>
              <td className="schedule-cell">
                <ScheduleText schedule={set} part="deadline" />
              </td>
              <td className="schedule-cell">
                <ScheduleText schedule={set} part="lock" />
              </td>
              <td className="numeric">{set.elements.length}</td>
              <td>{reporters(set)}</td>
              <EditCell
                code={set.code}
                onEdit={() => edit(set)}
                disabled={!ready}
                data-testid={`dataset-edit-${set.code}`}
              />
            </tr>
          ))}
        </CatalogueTable>
      )}
      {editing && dataSets.data && elements.data && (
        <DataSetDialog
          dataSet={editing.entry}
          dataSets={dataSets.data}
          elements={elements.data}
          onClose={close}
          onSaved={saved}
        />
      )}
    </CatalogueSection>
  );
}
