import type { Indicator } from '@ioc/shared';
import { useApiQuery } from '../../api/queries.ts';
import { localName, useI18n } from '../../i18n/index.tsx';
import { unitLabel } from '../unitLabels.ts';
import { CatalogueSection, CatalogueTable, EditCell } from './CatalogueSection.tsx';
import { FormulaText } from './FormulaText.tsx';
import { IndicatorDialog } from './IndicatorDialog.tsx';
import { useCatalogueEditing, useCatalogueFilter } from './useCatalogueSection.ts';

const searchText = (indicator: Indicator) =>
  `${indicator.code} ${indicator.name} ${indicator.nameEn} ${indicator.formula}`;

export function IndicatorsSection() {
  const { t, lang } = useI18n();
  const indicators = useApiQuery('GET /api/v1/indicators');
  const elements = useApiQuery('GET /api/v1/data-elements');
  const constants = useApiQuery('GET /api/v1/indicator-constants');
  const { filter, setFilter, visible } = useCatalogueFilter(indicators.data, searchText);
  const { editing, startNew, edit, close, saved } = useCatalogueEditing('GET /api/v1/indicators', (indicator) =>
    localName(lang, indicator.name, indicator.nameEn),
  );

  const ready = indicators.data && elements.data && constants.data;
  return (
    <CatalogueSection
      resources={[indicators, elements, constants]}
      titleId="catalogue-indicators-title"
      title={t('catalogue.section.indicators')}
      intro={t('catalogue.indicator.intro')}
      count={indicators.data?.length}
      filter={filter}
      onFilter={setFilter}
      filterLabel={t('catalogue.indicator.filter')}
      newLabel={t('catalogue.indicator.new')}
      onNew={ready ? startNew : undefined}
      newTestId="indicator-new"
    >
      {indicators.data && (
        <CatalogueTable
          data-testid="indicators-table"
          rowCount={visible.length}
          columns={
            <>
              <th scope="col">{t('catalogue.code')}</th>
              <th scope="col">{t('catalogue.nameColumn')}</th>
              <th scope="col">{t('catalogue.indicator.formula')}</th>
              <th scope="col">{t('catalogue.unit')}</th>
              <th scope="col">{t('catalogue.indicator.direction')}</th>
            </>
          }
        >
          {visible.map((indicator) => (
            <tr key={indicator.code} data-testid={`indicator-row-${indicator.code}`}>
              <td>
                <code>{indicator.code}</code>
              </td>
              <td className="name-cell">
                {localName(lang, indicator.name, indicator.nameEn)}
                {indicator.description && <div className="muted small">{indicator.description}</div>}
              </td>
              <td>
                <FormulaText formula={indicator.formula} />
              </td>
              <td>{unitLabel(indicator.unit, lang) || '—'}</td>
              <td>
                {indicator.direction === 'down' ? (
                  <span className="direction direction-down">{t('catalogue.direction.downShort')}</span>
                ) : (
                  <span className="direction direction-up">{t('catalogue.direction.upShort')}</span>
                )}
              </td>
              <EditCell
                code={indicator.code}
                onEdit={() => edit(indicator)}
                disabled={!ready}
                data-testid={`indicator-edit-${indicator.code}`}
              />
            </tr>
          ))}
        </CatalogueTable>
      )}
      {editing && ready && (
        <IndicatorDialog
          indicator={editing.entry}
          indicators={indicators.data ?? []}
          elements={elements.data ?? []}
          constants={constants.data ?? []}
          onClose={close}
          onSaved={saved}
        />
      )}
    </CatalogueSection>
  );
}
