import type { User } from '@ioc/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { apiCall } from '../api/client.ts';
import { useErrorText } from '../api/errorText.ts';
import { useActiveUnits } from '../api/orgUnits.ts';
import { refreshQueries, updateQueries, useApiQuery } from '../api/queries.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { SecretDialog } from '../components/SecretDialog.tsx';
import { matchesSearch } from '../components/search.ts';
import { useToast } from '../components/Toasts.tsx';
import { localName, useI18n } from '../i18n/index.tsx';
import { useLiveReload } from '../live/useLiveReload.ts';
import { useRoleOptions } from './roleOptions.ts';
import { UserFormDialog } from './UserFormDialog.tsx';

type Editing = { mode: 'create' } | { mode: 'edit'; user: User } | null;

export function UsersTab() {
  const { t, lang, fmt } = useI18n();
  const errorText = useErrorText();
  const { can } = useAuth();
  const { showToast } = useToast();
  const queryClient = useQueryClient();
  const users = useApiQuery('GET /api/v1/users');
  const { units } = useActiveUnits();
  // A user's unit in the UI's language: the unit's own English name when the list of units has it.
  const unitName = (user: User) => {
    const unit = units.find((candidate) => candidate.code === user.orgUnitCode);
    return unit ? localName(lang, unit.name, unit.nameEn) : user.orgUnitName;
  };
  const { labelOf } = useRoleOptions(lang);
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);
  const mayWrite = can('users.write');

  useLiveReload('user.updated', ['GET /api/v1/users']);

  const visible = useMemo(
    () =>
      (users.data ?? []).filter((user) =>
        matchesSearch(`${user.username} ${user.displayName} ${user.email ?? ''} ${user.orgUnitName}`, filter),
      ),
    [users.data, filter],
  );

  const replace = (updated: User) =>
    updateQueries(queryClient, 'GET /api/v1/users', (list) =>
      list?.map((user) => (user.id === updated.id ? updated : user)),
    );

  const fail = (cause: unknown) => showToast({ title: t('common.failed'), text: errorText(cause), tone: 'danger' });

  const setDisabled = async (user: User, disabled: boolean) => {
    try {
      replace(await apiCall('PATCH /api/v1/users/:id', { params: { id: user.id }, body: { disabled } }));
    } catch (cause) {
      fail(cause);
    }
  };

  const resetPassword = async (user: User) => {
    try {
      const result = await apiCall('POST /api/v1/users/:id/reset-password', { params: { id: user.id } });
      setSecret({ username: user.username, password: result.temporaryPassword });
      void refreshQueries(queryClient, ['GET /api/v1/users']);
    } catch (cause) {
      fail(cause);
    }
  };

  return (
    <section aria-labelledby="users-title">
      <div className="toolbar">
        <h2 id="users-title">{t('admin.tab.users')}</h2>
        <input
          type="search"
          className="toolbar-search"
          placeholder={t('common.filter')}
          aria-label={t('users.filter')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        {mayWrite && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => setEditing({ mode: 'create' })}
            data-testid="user-create"
          >
            {t('users.create')}
          </button>
        )}
      </div>
      {users.error !== null && <ErrorNotice error={users.error} onRetry={users.refetch} />}
      {users.isLoading && <LoadingBlock />}
      {users.data && (
        <div className="table-wrap">
          <table className="table" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">{t('users.username')}</th>
                <th scope="col">{t('users.displayName')}</th>
                <th scope="col">{t('users.unit')}</th>
                <th scope="col">{t('users.roles')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">{t('users.lastLogin')}</th>
                {mayWrite && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {visible.map((user) => (
                <tr key={user.id} data-username={user.username} className={user.disabled ? 'row-muted' : undefined}>
                  <td>
                    <code>{user.username}</code>
                  </td>
                  <td>
                    {user.displayName}
                    {user.email && <div className="muted small">{user.email}</div>}
                  </td>
                  <td>{unitName(user)}</td>
                  <td>{user.roles.map(labelOf).join(', ')}</td>
                  <td>
                    {user.disabled ? (
                      <span className="badge badge-danger">{t('users.disabled')}</span>
                    ) : (
                      <span className="badge badge-success">{t('users.active')}</span>
                    )}
                    {user.mustChangePassword && <span className="badge badge-warning">{t('users.mustChange')}</span>}
                  </td>
                  <td>{user.lastLoginAt ? fmt.dateTime(user.lastLoginAt) : t('users.never')}</td>
                  {mayWrite && (
                    <td className="actions">
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => setEditing({ mode: 'edit', user })}
                      >
                        {t('common.edit')}
                      </button>
                      {user.disabled ? (
                        <button type="button" className="button button-small" onClick={() => setDisabled(user, false)}>
                          {t('users.enable')}
                        </button>
                      ) : (
                        <ConfirmButton
                          label={t('users.disable')}
                          question={t('users.disableConfirm', { username: user.username })}
                          onConfirm={() => setDisabled(user, true)}
                          danger
                        />
                      )}
                      <ConfirmButton
                        label={t('users.resetPassword')}
                        question={t('users.resetConfirm')}
                        onConfirm={() => resetPassword(user)}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          {visible.length === 0 && <p className="muted">{t('common.noMatch')}</p>}
        </div>
      )}
      {editing && (
        <UserFormDialog
          user={editing.mode === 'edit' ? editing.user : undefined}
          onClose={() => setEditing(null)}
          onCreated={({ user, temporaryPassword }) => {
            setEditing(null);
            updateQueries(queryClient, 'GET /api/v1/users', (list) => [...(list ?? []), user]);
            if (temporaryPassword) setSecret({ username: user.username, password: temporaryPassword });
            else showToast({ title: t('users.createdTitle'), text: user.username, tone: 'success' });
          }}
          onUpdated={(user) => {
            setEditing(null);
            replace(user);
          }}
        />
      )}
      {secret && (
        <SecretDialog
          title={t('users.tempPasswordTitle')}
          intro={t('users.tempPasswordIntro', { username: secret.username })}
          secret={secret.password}
          onClose={() => setSecret(null)}
        />
      )}
    </section>
  );
}
