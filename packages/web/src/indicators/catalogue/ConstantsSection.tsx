import type { Indicator } from '@ioc/shared';
import { useApiQuery } from '../../api/queries.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CatalogueSection, CatalogueTable, EditCell } from './CatalogueSection.tsx';
import { ConstantDialog } from './ConstantDialog.tsx';
import { useCatalogueEditing } from './useCatalogueSection.ts';

/** The indicators whose formula names `C{code}`. */
function usersOf(code: string, indicators: readonly Indicator[] | undefined): string[] {
  const pattern = new RegExp(`C\\{\\s*${code}\\s*\\}`);
  return (indicators ?? []).filter((indicator) => pattern.test(indicator.formula)).map((indicator) => indicator.code);
}

export function ConstantsSection() {
  const { t, fmt } = useI18n();
  const constants = useApiQuery('GET /api/v1/indicator-constants');
  const indicators = useApiQuery('GET /api/v1/indicators');
  const { editing, startNew, edit, close, saved } = useCatalogueEditing(
    'GET /api/v1/indicator-constants',
    (constant) => constant.name,
  );

  return (
    <CatalogueSection
      resources={[constants]}
      titleId="catalogue-constants-title"
      title={t('catalogue.section.constants')}
      intro={t('catalogue.constant.intro')}
      count={constants.data?.length}
      newLabel={t('catalogue.constant.new')}
      onNew={constants.data ? startNew : undefined}
      newTestId="constant-new"
    >
      {constants.data && (
        <CatalogueTable
          data-testid="constants-table"
          narrow
          rowCount={constants.data.length}
          emptyText={t('catalogue.constant.empty')}
          columns={
            <>
              <th scope="col">{t('catalogue.code')}</th>
              <th scope="col">{t('catalogue.nameColumn')}</th>
              <th scope="col" className="numeric">
                {t('catalogue.constant.value')}
              </th>
              <th scope="col">{t('catalogue.constant.usedBy')}</th>
            </>
          }
        >
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
                <EditCell
                  code={constant.code}
                  onEdit={() => edit(constant)}
                  data-testid={`constant-edit-${constant.code}`}
                />
              </tr>
            );
          })}
        </CatalogueTable>
      )}
      {editing && constants.data && (
        <ConstantDialog
          constant={editing.entry}
          constants={constants.data}
          usedBy={editing.entry ? usersOf(editing.entry.code, indicators.data) : []}
          onClose={close}
          onSaved={saved}
        />
      )}
    </CatalogueSection>
  );
}
