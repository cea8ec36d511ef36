import type { ApiKey } from '@ioc/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiCall } from '../api/client.ts';
import { useErrorText } from '../api/errorText.ts';
import { updateQueries, useApiQuery } from '../api/queries.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { SecretDialog } from '../components/SecretDialog.tsx';
import { useToast } from '../components/Toasts.tsx';
import { useI18n } from '../i18n/index.tsx';
import { ApiKeyDialog } from './ApiKeyDialog.tsx';

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
    <section aria-labelledby="apikeys-title">
      <div className="toolbar">
        <h2 id="apikeys-title">{t('admin.tab.apikeys')}</h2>
        <p className="muted small">{t('apikeys.intro')}</p>
        {mayWrite && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => setCreating(true)}
            data-testid="apikey-create"
          >
            {t('apikeys.create')}
          </button>
        )}
      </div>
      {keys.error !== null && <ErrorNotice error={keys.error} onRetry={keys.refetch} />}
      {keys.isLoading && <LoadingBlock />}
      {keys.data && keys.data.length === 0 && <p className="muted">{t('apikeys.empty')}</p>}
      {keys.data && keys.data.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="apikeys-table">
            <thead>
              <tr>
                <th scope="col">{t('apikeys.name')}</th>
                <th scope="col">{t('apikeys.prefix')}</th>
                <th scope="col">{t('apikeys.permissions')}</th>
                <th scope="col">{t('apikeys.unit')}</th>
                <th scope="col">{t('apikeys.created')}</th>
                <th scope="col">{t('apikeys.lastUsed')}</th>
                <th scope="col">{t('users.status')}</th>
                {mayWrite && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {keys.data.map((key) => (
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
              ))}
            </tbody>
          </table>
        </div>
      )}
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
    </section>
  );
}
