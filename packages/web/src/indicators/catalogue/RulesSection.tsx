import type { ValidationRule } from '@ioc/shared';
import { useApiQuery } from '../../api/queries.ts';
import { localName, useI18n } from '../../i18n/index.tsx';
import { CatalogueSection, CatalogueTable, EditCell } from './CatalogueSection.tsx';
import { labelOf, OPERATOR_LABEL, OPERATOR_SIGN } from './catalogue.ts';
import { FormulaText } from './FormulaText.tsx';
import { RuleDialog } from './RuleDialog.tsx';
import { useCatalogueEditing, useCatalogueFilter } from './useCatalogueSection.ts';

const searchText = (rule: ValidationRule) => `${rule.code} ${rule.name} ${rule.nameEn} ${rule.left} ${rule.right}`;

export function RulesSection() {
  const { t, lang } = useI18n();
  const rules = useApiQuery('GET /api/v1/validation-rules');
  const elements = useApiQuery('GET /api/v1/data-elements');
  const { filter, setFilter, visible } = useCatalogueFilter(rules.data, searchText);
  const { editing, startNew, edit, close, saved } = useCatalogueEditing('GET /api/v1/validation-rules', (rule) =>
    localName(lang, rule.name, rule.nameEn),
  );

  const ready = rules.data && elements.data;
  return (
    <CatalogueSection
      resources={[rules, elements]}
      titleId="catalogue-rules-title"
      title={t('catalogue.section.rules')}
      intro={t('catalogue.rule.intro')}
      count={rules.data?.length}
      filter={filter}
      onFilter={setFilter}
      filterLabel={t('catalogue.rule.filter')}
      newLabel={t('catalogue.rule.new')}
      onNew={ready ? startNew : undefined}
      newTestId="rule-new"
    >
      {rules.data && (
        <CatalogueTable
          data-testid="rules-table"
          rowCount={visible.length}
          columns={
            <>
              <th scope="col">{t('catalogue.code')}</th>
              <th scope="col">{t('catalogue.nameColumn')}</th>
              <th scope="col">{t('catalogue.rule.condition')}</th>
              <th scope="col">{t('catalogue.rule.severity')}</th>
            </>
          }
        >
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
              <EditCell
                code={rule.code}
                onEdit={() => edit(rule)}
                disabled={!ready}
                data-testid={`rule-edit-${rule.code}`}
              />
            </tr>
          ))}
        </CatalogueTable>
      )}
      {editing && rules.data && elements.data && (
        <RuleDialog rule={editing.entry} rules={rules.data} elements={elements.data} onClose={close} onSaved={saved} />
      )}
    </CatalogueSection>
  );
}
