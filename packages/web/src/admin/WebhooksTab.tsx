import type { NotificationEndpoint } from '@ioc/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiCall } from '../api/client.ts';
import { useErrorText } from '../api/errorText.ts';
import { refreshQueries, updateQueries, useApiQuery } from '../api/queries.ts';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { SecretDialog } from '../components/SecretDialog.tsx';
import { useToast } from '../components/Toasts.tsx';
import { useI18n } from '../i18n/index.tsx';
import { DeliveryLog } from './DeliveryLog.tsx';
import { EndpointDialog } from './EndpointDialog.tsx';
import { ListSection } from './ListSection.tsx';

const ENDPOINTS = 'GET /api/v1/notification-endpoints';
const DELIVERIES = 'GET /api/v1/notification-deliveries';

/** Administration → Notifications: webhook and e-mail channels, a test button, and the delivery log. */
export function WebhooksTab() {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { showToast } = useToast();
  const queryClient = useQueryClient();
  const endpoints = useApiQuery(ENDPOINTS);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const replace = (changed: NotificationEndpoint) =>
    updateQueries(queryClient, ENDPOINTS, (list) => list?.map((item) => (item.id === changed.id ? changed : item)));
  const failed = (cause: unknown) => showToast({ title: t('common.failed'), text: errorText(cause), tone: 'danger' });

  const sendTest = async (endpoint: NotificationEndpoint) => {
    setBusy(endpoint.id);
    try {
      const delivery = await apiCall('POST /api/v1/notification-endpoints/:id/test', { params: { id: endpoint.id } });
      const error = delivery.attemptLog.at(-1)?.error;
      showToast(
        delivery.state === 'delivered'
          ? { title: t('notify.test'), text: t('notify.testDelivered', { name: endpoint.name }), tone: 'success' }
          : {
              title: t('notify.test'),
              text: t('notify.testFailed', { name: endpoint.name, error: error ?? '—' }),
              tone: 'danger',
            },
      );
      await refreshQueries(queryClient, [DELIVERIES, ENDPOINTS]);
    } catch (cause) {
      failed(cause);
    } finally {
      setBusy(null);
    }
  };

  const toggle = async (endpoint: NotificationEndpoint) => {
    try {
      replace(
        await apiCall('PATCH /api/v1/notification-endpoints/:id', {
          params: { id: endpoint.id },
          body: { enabled: !endpoint.enabled },
        }),
      );
    } catch (cause) {
      failed(cause);
    }
  };

  const remove = async (endpoint: NotificationEndpoint) => {
    try {
      await apiCall('DELETE /api/v1/notification-endpoints/:id', { params: { id: endpoint.id } });
      updateQueries(queryClient, ENDPOINTS, (list) => list?.filter((item) => item.id !== endpoint.id));
      await refreshQueries(queryClient, [DELIVERIES]);
    } catch (cause) {
      failed(cause);
    }
  };

  return (
    <ListSection
      titleId="notifications-title"
      title={t('admin.tab.notifications')}
      intro={t('notify.intro')}
      create={{ label: t('notify.create'), testId: 'endpoint-create', onClick: () => setCreating(true) }}
      read={endpoints}
      empty={t('notify.empty')}
      tableTestId="endpoints-table"
      columns={[
        t('notify.name'),
        t('notify.target'),
        t('notify.events'),
        t('notify.minSeverity'),
        t('notify.unit'),
        t('notify.status'),
        t('common.actions'),
      ]}
      row={(endpoint) => (
        <tr key={endpoint.id} className={endpoint.enabled ? undefined : 'row-muted'}>
          <td>
            {endpoint.name}
            <div className="muted small">{t(`notify.kind.${endpoint.kind}`)}</div>
          </td>
          <td>
            <code className="small">{endpoint.url ?? endpoint.recipients.join(', ')}</code>
          </td>
          <td>{endpoint.events.map((event) => t(`notify.event.${event}`)).join(', ')}</td>
          <td>{t(`severity.${endpoint.minSeverity}`)}</td>
          <td>{endpoint.units.length === 0 ? t('notify.allUnits') : endpoint.units.join(', ')}</td>
          <td>
            <span className={endpoint.enabled ? 'badge badge-success' : 'badge'}>
              {endpoint.enabled ? t('notify.enabled') : t('notify.disabled')}
            </span>
            <div className="muted small">
              {t('notify.health', { pending: endpoint.pending, failed: endpoint.failedLastDay })}
            </div>
          </td>
          <td className="actions">
            <button
              type="button"
              className="button button-small"
              disabled={busy === endpoint.id}
              onClick={() => sendTest(endpoint)}
              data-testid={`endpoint-test-${endpoint.id}`}
            >
              {t('notify.test')}
            </button>
            <button type="button" className="button button-small" onClick={() => toggle(endpoint)}>
              {endpoint.enabled ? t('notify.disable') : t('notify.enable')}
            </button>
            <ConfirmButton
              label={t('notify.delete')}
              question={t('notify.deleteConfirm')}
              onConfirm={() => remove(endpoint)}
              danger
            />
          </td>
        </tr>
      )}
    >
      <DeliveryLog />
      {creating && (
        <EndpointDialog
          onClose={() => setCreating(false)}
          onCreated={({ endpoint, secret: created }) => {
            setCreating(false);
            updateQueries(queryClient, ENDPOINTS, (list) => [...(list ?? []), endpoint]);
            if (created) setSecret({ name: endpoint.name, secret: created });
          }}
        />
      )}
      {secret && (
        <SecretDialog
          title={t('notify.secretTitle')}
          intro={t('notify.secretIntro', { name: secret.name })}
          secret={secret.secret}
          onClose={() => setSecret(null)}
        />
      )}
    </ListSection>
  );
}
