import type { DataElement, Indicator, IndicatorConstant } from '@ioc/shared';
import { useMemo, useState } from 'react';
import { useResource } from '../../api/useResource.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { matchesSearch } from '../../components/search.ts';
import { useToast } from '../../components/Toasts.tsx';
import { localName, useI18n } from '../../i18n/index.tsx';
import { unitLabel } from '../../indicators/format.ts';
import { PATHS, upsertByCode } from './catalogue.ts';
import { FormulaText } from './FormulaText.tsx';
import { IndicatorDialog } from './IndicatorDialog.tsx';
import { SectionToolbar } from './SectionToolbar.tsx';

type Editing = { indicator?: Indicator } | null;

export function IndicatorsSection() {
  const { t, lang } = useI18n();
  const { showToast } = useToast();
  const indicators = useResource<Indicator[]>(PATHS.indicators);
  const elements = useResource<DataElement[]>(PATHS.elements);
  const constants = useResource<IndicatorConstant[]>(PATHS.constants);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Editing>(null);

  const visible = useMemo(
    () =>
      (indicators.data ?? []).filter((indicator) =>
        matchesSearch(`${indicator.code} ${indicator.name} ${indicator.nameEn} ${indicator.formula}`, filter),
      ),
    [indicators.data, filter],
  );

  const error = indicators.error ?? elements.error ?? constants.error;
  const ready = indicators.data && elements.data && constants.data;
  return (
    <section aria-labelledby="catalogue-indicators-title">
      <SectionToolbar
        titleId="catalogue-indicators-title"
        title={t('catalogue.section.indicators')}
        intro={t('catalogue.indicator.intro')}
        count={indicators.data?.length}
        filter={filter}
        onFilter={setFilter}
        filterLabel={t('catalogue.indicator.filter')}
        newLabel={t('catalogue.indicator.new')}
        onNew={ready ? () => setEditing({}) : undefined}
        newTestId="indicator-new"
      />
      {error !== null && (
        <ErrorNotice
          error={error}
          onRetry={() => {
            indicators.reload();
            elements.reload();
            constants.reload();
          }}
        />
      )}
      {!ready && error === null && <LoadingBlock />}
      {indicators.data && (
        <div className="table-wrap">
          <table className="table catalogue-table" data-testid="indicators-table">
            <thead>
              <tr>
                <th scope="col">{t('catalogue.code')}</th>
                <th scope="col">{t('catalogue.nameColumn')}</th>
                <th scope="col">{t('catalogue.indicator.formula')}</th>
                <th scope="col">{t('catalogue.unit')}</th>
                <th scope="col">{t('catalogue.indicator.direction')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
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
                  <td className="actions">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => setEditing({ indicator })}
                      disabled={!ready}
                      aria-label={t('catalogue.editOne', { code: indicator.code })}
                      data-testid={`indicator-edit-${indicator.code}`}
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
      {editing && ready && (
        <IndicatorDialog
          indicator={editing.indicator}
          indicators={indicators.data ?? []}
          elements={elements.data ?? []}
          constants={constants.data ?? []}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            indicators.setData((list) => upsertByCode(list, saved));
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
