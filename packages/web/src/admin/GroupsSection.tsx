import type { OrgUnitGroup } from '@ioc/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiCall } from '../api/client.ts';
import { useErrorText } from '../api/errorText.ts';
import { useActiveUnits } from '../api/orgUnits.ts';
import { updateQueries, useApiQuery } from '../api/queries.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { useToast } from '../components/Toasts.tsx';
import { localName, useI18n } from '../i18n/index.tsx';
import { GroupDialog } from './GroupDialog.tsx';

type Editing = { group?: OrgUnitGroup } | null;

/** Org-unit groups model the urban centres: named sets of wards and communes. */
export function GroupsSection() {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const { showToast } = useToast();
  const { units } = useActiveUnits();
  const queryClient = useQueryClient();
  const groups = useApiQuery('GET /api/v1/orgunit-groups');
  const [editing, setEditing] = useState<Editing>(null);
  const names = new Map(units.map((unit) => [unit.id, unit.name]));

  const remove = async (group: OrgUnitGroup) => {
    try {
      await apiCall('DELETE /api/v1/orgunit-groups/:code', { params: { code: group.code } });
      updateQueries(queryClient, 'GET /api/v1/orgunit-groups', (list) =>
        list?.filter((item) => item.code !== group.code),
      );
    } catch (cause) {
      showToast({ title: t('common.failed'), text: errorText(cause), tone: 'danger' });
    }
  };

  return (
    <section className="card" aria-labelledby="groups-admin-title">
      <div className="card-header">
        <h2 id="groups-admin-title">{t('groups.title')}</h2>
        <button
          type="button"
          className="button button-primary button-small"
          onClick={() => setEditing({})}
          data-testid="group-create"
        >
          {t('groups.create')}
        </button>
      </div>
      <p className="muted">{t('groups.intro')}</p>
      {groups.error !== null && <ErrorNotice error={groups.error} onRetry={groups.refetch} />}
      {groups.isLoading && <LoadingBlock />}
      {groups.data && groups.data.length === 0 && <p className="muted">{t('overview.groups.empty')}</p>}
      {groups.data && groups.data.length > 0 && (
        <ul className="group-list" data-testid="groups-admin-list">
          {groups.data.map((group) => (
            <li key={group.code}>
              <div className="group-head">
                <strong>{localName(lang, group.name, group.nameEn)}</strong>
                <code className="muted small">{group.code}</code>
                <span className="badge">{t('overview.groups.members', { count: group.members.length })}</span>
                <span className="spacer" />
                <button type="button" className="button button-small" onClick={() => setEditing({ group })}>
                  {t('common.edit')}
                </button>
                <ConfirmButton
                  label={t('common.delete')}
                  question={t('groups.deleteConfirm', { name: group.name })}
                  onConfirm={() => remove(group)}
                  danger
                />
              </div>
              {group.description && (
                <p className="muted small">{localName(lang, group.description, group.descriptionEn)}</p>
              )}
              <p className="chips">
                {group.members.map((id) => (
                  <span key={id} className="chip chip-static">
                    {names.get(id) ?? id}
                  </span>
                ))}
              </p>
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <GroupDialog
          group={editing.group}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            updateQueries(queryClient, 'GET /api/v1/orgunit-groups', (list = []) =>
              list.some((item) => item.code === saved.code)
                ? list.map((item) => (item.code === saved.code ? saved : item))
                : [...list, saved],
            );
            showToast({ title: t('groups.savedTitle'), text: saved.name, tone: 'success' });
          }}
        />
      )}
    </section>
  );
}
