import type { AlertSeverity, CreatedEndpoint, CreateEndpointBody, EndpointKind, NotificationEvent } from '@ioc/shared';
import { useState } from 'react';
import { apiCall } from '../api/client.ts';
import { CheckboxList } from '../components/CheckboxList.tsx';
import { FieldShell, TextField } from '../components/Field.tsx';
import { FormDialog } from '../components/FormDialog.tsx';
import { UnitSelect } from '../components/UnitSelect.tsx';
import { useFormSave } from '../components/useFormSave.ts';
import { useI18n } from '../i18n/index.tsx';

const FIELDS = ['name', 'kind', 'url', 'recipients', 'events', 'units'] as const;
const FORM_ID = 'endpoint-form';
const EVENTS: NotificationEvent[] = ['alert.raised', 'alert.resolved'];
const SEVERITIES: AlertSeverity[] = ['info', 'warning', 'critical'];

/** Adds a webhook or an e-mail channel; the server answers a webhook's signing secret once. */
export function EndpointDialog({ onClose, onCreated }: { onClose(): void; onCreated(result: CreatedEndpoint): void }) {
  const { t } = useI18n();
  const { errors, busy, save } = useFormSave(FIELDS);
  const [kind, setKind] = useState<EndpointKind>('webhook');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('https://');
  const [recipients, setRecipients] = useState('');
  const [events, setEvents] = useState<string[]>(['alert.raised']);
  const [minSeverity, setMinSeverity] = useState<AlertSeverity>('warning');
  const [unit, setUnit] = useState('');

  const submit = () => {
    const addresses = recipients
      .split(/[,;\s]+/)
      .map((address) => address.trim())
      .filter(Boolean);
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('common.required');
    if (kind === 'webhook' && !/^https?:\/\/\S+$/.test(url.trim())) found.url = t('common.required');
    if (kind === 'email' && addresses.length === 0) found.recipients = t('common.required');
    if (events.length === 0) found.events = t('common.required');
    void save(found, async () => {
      const body: CreateEndpointBody = {
        kind,
        name: name.trim(),
        ...(kind === 'webhook' ? { url: url.trim() } : { recipients: [...new Set(addresses)] }),
        events: events as NotificationEvent[],
        minSeverity,
        units: unit ? [unit] : [],
        enabled: true,
      };
      onCreated(await apiCall('POST /api/v1/notification-endpoints', { body }));
    });
  };

  return (
    <FormDialog
      title={t('notify.createTitle')}
      formId={FORM_ID}
      busy={busy}
      formError={errors.form}
      saveLabel={t('notify.create')}
      saveTestId="endpoint-save"
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField
        label={t('notify.name')}
        value={name}
        onChange={setName}
        required
        error={errors.name}
        data-testid="endpoint-name"
      />
      <FieldShell id="endpoint-kind" label={t('notify.kind')} error={errors.kind}>
        <select id="endpoint-kind" value={kind} onChange={(e) => setKind(e.target.value as EndpointKind)}>
          <option value="webhook">{t('notify.kind.webhook')}</option>
          <option value="email">{t('notify.kind.email')}</option>
        </select>
      </FieldShell>
      {kind === 'webhook' ? (
        <TextField
          label={t('notify.url')}
          value={url}
          onChange={setUrl}
          type="url"
          required
          hint={t('notify.urlHint')}
          error={errors.url}
          data-testid="endpoint-url"
        />
      ) : (
        <TextField
          label={t('notify.recipients')}
          value={recipients}
          onChange={setRecipients}
          required
          hint={t('notify.recipientsHint')}
          error={errors.recipients}
          data-testid="endpoint-recipients"
        />
      )}
      <FieldShell id="endpoint-severity" label={t('notify.minSeverity')}>
        <select
          id="endpoint-severity"
          value={minSeverity}
          onChange={(e) => setMinSeverity(e.target.value as AlertSeverity)}
        >
          {SEVERITIES.map((severity) => (
            <option key={severity} value={severity}>
              {t(`severity.${severity}`)}
            </option>
          ))}
        </select>
      </FieldShell>
      <div>
        <UnitSelect label={t('notify.unit')} value={unit} onChange={setUnit} error={errors.units} />
        <small className="field-hint">{t('notify.unitHint')}</small>
      </div>
      <div className="form-span">
        <CheckboxList
          legend={t('notify.events')}
          options={EVENTS.map((value) => ({ value, label: t(`notify.event.${value}`) }))}
          selected={events}
          onChange={setEvents}
          error={errors.events}
        />
      </div>
    </FormDialog>
  );
}
