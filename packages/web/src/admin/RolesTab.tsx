import type { Role, UpdateRoleBody } from '@ioc/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiCall } from '../api/client.ts';
import { useErrorText } from '../api/errorText.ts';
import { updateQueries, useApiQuery } from '../api/queries.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { useToast } from '../components/Toasts.tsx';
import { localName, useI18n } from '../i18n/index.tsx';

/** The administrator role always holds every permission; the server refuses to change it. */
const LOCKED_ROLE = 'admin';

type Drafts = Record<string, string[]>;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value) => b.includes(value));
}

export function RolesTab() {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const { can } = useAuth();
  const { showToast } = useToast();
  const queryClient = useQueryClient();
  const roles = useApiQuery('GET /api/v1/roles');
  const permissions = useApiQuery('GET /api/v1/permissions');
  const [drafts, setDrafts] = useState<Drafts>({});
  const [saving, setSaving] = useState<string | null>(null);
  const mayWrite = can('roles.write');

  const granted = (role: Role) => drafts[role.code] ?? role.permissions;
  const editable = (role: Role) => mayWrite && role.code !== LOCKED_ROLE;
  const isDirty = (role: Role) => !sameSet(granted(role), role.permissions);

  const toggle = (role: Role, permission: string, on: boolean) => {
    const current = granted(role);
    const next = on ? [...current, permission] : current.filter((code) => code !== permission);
    setDrafts((all) => ({ ...all, [role.code]: next }));
  };

  const save = async (role: Role) => {
    setSaving(role.code);
    try {
      const order = (permissions.data ?? []).map((permission) => permission.code);
      const body: UpdateRoleBody = {
        permissions: [...granted(role)].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
      };
      const saved = await apiCall('PUT /api/v1/roles/:code', { params: { code: role.code }, body });
      updateQueries(queryClient, 'GET /api/v1/roles', (list) =>
        list?.map((item) => (item.code === saved.code ? saved : item)),
      );
      setDrafts(({ [role.code]: _saved, ...rest }) => rest);
      showToast({ title: t('roles.savedTitle'), text: localName(lang, saved.nameVi, saved.nameEn), tone: 'success' });
    } catch (cause) {
      showToast({ title: t('common.failed'), text: errorText(cause), tone: 'danger' });
    } finally {
      setSaving(null);
    }
  };

  const error = roles.error ?? permissions.error;
  return (
    <section aria-labelledby="roles-title">
      <div className="toolbar">
        <h2 id="roles-title">{t('admin.tab.roles')}</h2>
        <p className="muted small">{t('roles.intro')}</p>
      </div>
      {error !== null && (
        <ErrorNotice
          error={error}
          onRetry={() => {
            void roles.refetch();
            void permissions.refetch();
          }}
        />
      )}
      {(roles.isFetching || permissions.isFetching) && <LoadingBlock />}
      {roles.data && permissions.data && (
        <div className="table-wrap">
          <table className="table matrix" data-testid="roles-matrix">
            <thead>
              <tr>
                <th scope="col">{t('roles.permission')}</th>
                {roles.data.map((role) => (
                  <th key={role.code} scope="col" className="matrix-role">
                    <span>{localName(lang, role.nameVi, role.nameEn)}</span>
                    <code className="muted small">{role.code}</code>
                    {role.code === LOCKED_ROLE && <span className="badge badge-muted">{t('roles.locked')}</span>}
                    {editable(role) && (
                      <button
                        type="button"
                        className={isDirty(role) ? 'button button-small button-primary' : 'button button-small'}
                        disabled={!isDirty(role) || saving === role.code}
                        onClick={() => save(role)}
                        data-testid={`role-save-${role.code}`}
                      >
                        {saving === role.code ? t('common.saving') : t('common.save')}
                      </button>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {permissions.data.map((permission) => (
                <tr key={permission.code}>
                  <th scope="row">
                    {localName(lang, permission.vi, permission.en)}
                    <code className="muted small">{permission.code}</code>
                  </th>
                  {roles.data?.map((role) => (
                    <td key={role.code} className="matrix-cell">
                      <input
                        type="checkbox"
                        checked={granted(role).includes(permission.code)}
                        disabled={!editable(role) || saving === role.code}
                        onChange={(event) => toggle(role, permission.code, event.target.checked)}
                        aria-label={`${localName(lang, role.nameVi, role.nameEn)}: ${localName(lang, permission.vi, permission.en)}`}
                        data-testid={`perm-${role.code}-${permission.code}`}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
