import type { DataElement, ValidationRule } from '@ioc/shared';
import { useMemo, useState } from 'react';
import { useResource } from '../../api/useResource.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { matchesSearch } from '../../components/search.ts';
import { useToast } from '../../components/Toasts.tsx';
import { localName, useI18n } from '../../i18n/index.tsx';
import { labelOf, OPERATOR_LABEL, OPERATOR_SIGN, PATHS, upsertByCode } from './catalogue.ts';
import { FormulaText } from './FormulaText.tsx';
import { RuleDialog } from './RuleDialog.tsx';
import { SectionToolbar } from './SectionToolbar.tsx';

type Editing = { rule?: ValidationRule } | null;

export function RulesSection() {
  const { t, lang } = useI18n();
  const { showToast } = useToast();
  const rules = useResource<ValidationRule[]>(PATHS.rules);
  const elements = useResource<DataElement[]>(PATHS.elements);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Editing>(null);

  const visible = useMemo(
    () =>
      (rules.data ?? []).filter((rule) =>
        matchesSearch(`${rule.code} ${rule.name} ${rule.nameEn} ${rule.left} ${rule.right}`, filter),
      ),
    [rules.data, filter],
  );

  const error = rules.error ?? elements.error;
  const ready = rules.data && elements.data;
  return (
    <section aria-labelledby="catalogue-rules-title">
      <SectionToolbar
        titleId="catalogue-rules-title"
        title={t('catalogue.section.rules')}
        intro={t('catalogue.rule.intro')}
        count={rules.data?.length}
        filter={filter}
        onFilter={setFilter}
        filterLabel={t('catalogue.rule.filter')}
        newLabel={t('catalogue.rule.new')}
        onNew={ready ? () => setEditing({}) : undefined}
        newTestId="rule-new"
      />
      {error !== null && (
        <ErrorNotice
          error={error}
          onRetry={() => {
            rules.reload();
            elements.reload();
          }}
        />
      )}
      {!ready && error === null && <LoadingBlock />}
      {rules.data && (
        <div className="table-wrap">
          <table className="table catalogue-table" data-testid="rules-table">
            <thead>
              <tr>
                <th scope="col">{t('catalogue.code')}</th>
                <th scope="col">{t('catalogue.nameColumn')}</th>
                <th scope="col">{t('catalogue.rule.condition')}</th>
                <th scope="col">{t('catalogue.rule.severity')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {visible.map((rule) => (
                <tr key={rule.code} data-testid={`rule-row-${rule.code}`}>
                  <td>
                    <code>{rule.code}</code>
                  </td>
                  <td className="name-cell">{localName(lang, rule.name, rule.nameEn)}</td>
                  <td>
                    <FormulaText formula={rule.left} />{' '}
                    <span className="operator" title={labelOf(t, OPERATOR_LABEL, rule.operator)}>
                      {OPERATOR_SIGN[rule.operator] ?? rule.operator}
                    </span>{' '}
                    <FormulaText formula={rule.right} />
                  </td>
                  <td>
                    {rule.severity === 'error' ? (
                      <span className="badge badge-danger">{t('catalogue.severity.error')}</span>
                    ) : (
                      <span className="badge badge-warning">{t('catalogue.severity.warning')}</span>
                    )}
                  </td>
                  <td className="actions">
                    <button
                      type="button"
                      className="button button-small"
                      onClick={() => setEditing({ rule })}
                      disabled={!ready}
                      aria-label={t('catalogue.editOne', { code: rule.code })}
                      data-testid={`rule-edit-${rule.code}`}
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
      {editing && rules.data && elements.data && (
        <RuleDialog
          rule={editing.rule}
          rules={rules.data}
          elements={elements.data}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            rules.setData((list) => upsertByCode(list, saved));
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
