import type { ApiKey } from '@ioc/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiCall } from '../api/client.ts';
import { useErrorText } from '../api/errorText.ts';
import { updateQueries, useApiQuery } from '../api/queries.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { SecretDialog } from '../components/SecretDialog.tsx';
import { useToast } from '../components/Toasts.tsx';
import { useI18n } from '../i18n/index.tsx';
import { ApiKeyDialog } from './ApiKeyDialog.tsx';
import { ListSection } from './ListSection.tsx';

export function ApiKeysTab() {
  const { t, fmt } = useI18n();
  const errorText = useErrorText();
  const { can } = useAuth();
  const { showToast } = useToast();
  const queryClient = useQueryClient();
  const keys = useApiQuery('GET /api/v1/apikeys');
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ name: string; key: string } | null>(null);
  const mayWrite = can('apikeys.write');

  const revoke = async (key: ApiKey) => {
    try {
      const revoked = await apiCall('POST /api/v1/apikeys/:id/revoke', { params: { id: key.id } });
      updateQueries(queryClient, 'GET /api/v1/apikeys', (list) =>
        list?.map((item) => (item.id === revoked.id ? revoked : item)),
      );
    } catch (cause) {
      showToast({ title: t('common.failed'), text: errorText(cause), tone: 'danger' });
    }
  };

  return (
    <ListSection
      titleId="apikeys-title"
      title={t('admin.tab.apikeys')}
      intro={t('apikeys.intro')}
      create={
        mayWrite ? { label: t('apikeys.create'), testId: 'apikey-create', onClick: () => setCreating(true) } : undefined
      }
      read={keys}
      empty={t('apikeys.empty')}
      tableTestId="apikeys-table"
      columns={[
        t('apikeys.name'),
        t('apikeys.prefix'),
        t('apikeys.permissions'),
        t('apikeys.unit'),
        t('apikeys.created'),
        t('apikeys.lastUsed'),
        t('users.status'),
        ...(mayWrite ? [t('common.actions')] : []),
      ]}
      row={(key) => (
        <tr key={key.id} className={key.revokedAt ? 'row-muted' : undefined}>
          <td>{key.name}</td>
          <td>
            <code>{key.prefix}…</code>
          </td>
          <td>
            {key.permissions.map((permission) => (
              <code key={permission} className="tag">
                {permission}
              </code>
            ))}
          </td>
          <td>{key.orgUnitCode}</td>
          <td>
            {fmt.dateTime(key.createdAt)}
            {key.createdBy && <div className="muted small">{key.createdBy}</div>}
          </td>
          <td>{key.lastUsedAt ? fmt.dateTime(key.lastUsedAt) : t('users.never')}</td>
          <td>
            {key.revokedAt ? (
              <span className="badge badge-danger" title={fmt.dateTime(key.revokedAt)}>
                {t('apikeys.revoked')}
              </span>
            ) : (
              <span className="badge badge-success">{t('users.active')}</span>
            )}
          </td>
          {mayWrite && (
            <td className="actions">
              {!key.revokedAt && (
                <ConfirmButton
                  label={t('apikeys.revoke')}
                  question={t('apikeys.revokeConfirm')}
                  onConfirm={() => revoke(key)}
                  danger
                />
              )}
            </td>
          )}
        </tr>
      )}
    >
      {creating && (
        <ApiKeyDialog
          onClose={() => setCreating(false)}
          onCreated={({ apiKey, key }) => {
            setCreating(false);
            updateQueries(queryClient, 'GET /api/v1/apikeys', (list) => [apiKey, ...(list ?? [])]);
            setSecret({ name: apiKey.name, key });
          }}
        />
      )}
      {secret && (
        <SecretDialog
          title={t('apikeys.secretTitle')}
          intro={t('apikeys.secretIntro', { name: secret.name })}
          secret={secret.key}
          onClose={() => setSecret(null)}
        />
      )}
    </ListSection>
  );
}
