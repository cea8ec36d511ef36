import type { Indicator, IndicatorConstant } from '@ioc/shared';
import { useState } from 'react';
import { useResource } from '../../api/useResource.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { useToast } from '../../components/Toasts.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { ConstantDialog } from './ConstantDialog.tsx';
import { PATHS, upsertByCode } from './catalogue.ts';
import { SectionToolbar } from './SectionToolbar.tsx';

type Editing = { constant?: IndicatorConstant } | null;

/** The indicators whose formula names `C{code}`. */
function usersOf(code: string, indicators: readonly Indicator[] | undefined): string[] {
  const pattern = new RegExp(`C\\{\\s*${code}\\s*\\}`);
  return (indicators ?? []).filter((indicator) => pattern.test(indicator.formula)).map((indicator) => indicator.code);
}

export function ConstantsSection() {
  const { t, fmt } = useI18n();
  const { showToast } = useToast();
  const constants = useResource<IndicatorConstant[]>(PATHS.constants);
  const indicators = useResource<Indicator[]>(PATHS.indicators);
  const [editing, setEditing] = useState<Editing>(null);

  return (
    <section aria-labelledby="catalogue-constants-title">
      <SectionToolbar
        titleId="catalogue-constants-title"
        title={t('catalogue.section.constants')}
        intro={t('catalogue.constant.intro')}
        count={constants.data?.length}
        newLabel={t('catalogue.constant.new')}
        onNew={constants.data ? () => setEditing({}) : undefined}
        newTestId="constant-new"
      />
      {constants.error !== null && <ErrorNotice error={constants.error} onRetry={constants.reload} />}
      {constants.loading && !constants.data && <LoadingBlock />}
      {constants.data && (
        <div className="table-wrap catalogue-narrow">
          <table className="table catalogue-table" data-testid="constants-table">
            <thead>
              <tr>
                <th scope="col">{t('catalogue.code')}</th>
                <th scope="col">{t('catalogue.nameColumn')}</th>
                <th scope="col" className="numeric">
                  {t('catalogue.constant.value')}
                </th>
                <th scope="col">{t('catalogue.constant.usedBy')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {constants.data.map((constant) => {
                const users = usersOf(constant.code, indicators.data);
                return (
                  <tr key={constant.code} data-testid={`constant-row-${constant.code}`}>
                    <td>
                      <code>{constant.code}</code>
                    </td>
                    <td>{constant.name}</td>
                    <td className="numeric">{fmt.number(constant.value, 10)}</td>
                    <td>
                      {users.length === 0
                        ? '—'
                        : users.map((code) => (
                            <code key={code} className="tag">
                              {code}
                            </code>
                          ))}
                    </td>
                    <td className="actions">
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => setEditing({ constant })}
                        aria-label={t('catalogue.editOne', { code: constant.code })}
                        data-testid={`constant-edit-${constant.code}`}
                      >
                        {t('common.edit')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {constants.data.length === 0 && <p className="muted">{t('catalogue.constant.empty')}</p>}
        </div>
      )}
      {editing && constants.data && (
        <ConstantDialog
          constant={editing.constant}
          constants={constants.data}
          usedBy={editing.constant ? usersOf(editing.constant.code, indicators.data) : []}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            constants.setData((list) => upsertByCode(list, saved));
            showToast({ title: t('catalogue.savedTitle'), text: `${saved.code} — ${saved.name}`, tone: 'success' });
          }}
        />
      )}
    </section>
  );
}
