import type { DataElement, DataSet } from '@ioc/shared';
import { useMemo, useState } from 'react';
import { isLocalUnit, useActiveUnits } from '../../api/orgUnits.ts';
import { useResource } from '../../api/useResource.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { matchesSearch } from '../../components/search.ts';
import { useToast } from '../../components/Toasts.tsx';
import { localName, useI18n } from '../../i18n/index.tsx';
import { FREQUENCY_LABEL, labelOf, PATHS, upsertByCode } from './catalogue.ts';
import { DataSetDialog } from './DataSetDialog.tsx';
import { reportingMode } from './dataSets.ts';
import { ScheduleText } from './ScheduleText.tsx';
import { SectionToolbar } from './SectionToolbar.tsx';

type Editing = { dataSet?: DataSet } | null;

export function DataSetsSection() {
  const { t, lang } = useI18n();
  const { showToast } = useToast();
  const dataSets = useResource<DataSet[]>(PATHS.dataSets);
  const elements = useResource<DataElement[]>(PATHS.elements);
  const { units } = useActiveUnits();
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const communeIds = useMemo(() => units.filter(isLocalUnit).map((unit) => unit.id), [units]);
  const unitName = useMemo(
    () => new Map(units.map((unit) => [unit.id, localName(lang, unit.name, unit.nameEn)])),
    [units, lang],
  );

  const visible = useMemo(
    () => (dataSets.data ?? []).filter((set) => matchesSearch(`${set.code} ${set.name} ${set.nameEn}`, filter)),
    [dataSets.data, filter],
  );

  const reporters = (set: DataSet) => {
    if (communeIds.length > 0 && reportingMode(set.units, communeIds) === 'all') {
      return t('catalogue.dataSet.allCommunes', { count: communeIds.length });
    }
    if (set.units.length === 1) return unitName.get(set.units[0] ?? '') ?? set.units[0];
    return t('catalogue.dataSet.unitCount', { count: set.units.length });
  };

  const error = dataSets.error ?? elements.error;
  const ready = dataSets.data && elements.data;
  return (
    <section aria-labelledby="catalogue-datasets-title">
      <SectionToolbar
        titleId="catalogue-datasets-title"
        title={t('catalogue.section.datasets')}
        intro={t('catalogue.dataSet.intro')}
        count={dataSets.data?.length}
        filter={filter}
        onFilter={setFilter}
        filterLabel={t('catalogue.dataSet.filter')}
        newLabel={t('catalogue.dataSet.new')}
        onNew={ready ? () => setEditing({}) : undefined}
        newTestId="dataset-new"
      />
      {error !== null && (
        <ErrorNotice
          error={error}
          onRetry={() => {
            dataSets.reload();
            elements.reload();
          }}
        />
      )}
      {!ready && error === null && <LoadingBlock />}
      {dataSets.data && (
        <div className="table-wrap">
          <table className="table catalogue-table" data-testid="datasets-table">
            <thead>
              <tr>
                <th scope="col">{t('catalogue.nameColumn')}</th>
                <th scope="col">{t('catalogue.frequencyShort')}</th>
                <th scope="col">{t('catalogue.dataSet.deadline')}</th>
                <th scope="col">{t('catalogue.dataSet.lock')}</th>
                <th scope="col" className="numeric">
                  {t('catalogue.dataSet.elementCount')}
                </th>
                <th scope="col">{t('catalogue.dataSet.units')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
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
                  <td className="actions">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => setEditing({ dataSet: set })}
                      disabled={!ready}
                      aria-label={t('catalogue.editOne', { code: set.code })}
                      data-testid={`dataset-edit-${set.code}`}
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
      {editing && dataSets.data && elements.data && (
        <DataSetDialog
          dataSet={editing.dataSet}
          dataSets={dataSets.data}
          elements={elements.data}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            dataSets.setData((list) => upsertByCode(list, saved));
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
