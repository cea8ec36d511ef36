import type { CreateApiKeyBody, CreatedApiKey } from '@ioc/shared';
import { type FormEvent, useMemo, useState } from 'react';
import { apiCall } from '../api/client.ts';
import { useFieldErrors } from '../api/errorText.ts';
import { useApiQuery } from '../api/queries.ts';
import { useRootUnit } from '../auth/AuthContext.tsx';
import { CheckboxList } from '../components/CheckboxList.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { TextField } from '../components/Field.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { UnitSelect } from '../components/UnitSelect.tsx';
import { localName, useI18n } from '../i18n/index.tsx';

const FIELDS = ['name', 'permissions', 'orgUnitCode'] as const;
const FORM_ID = 'api-key-form';

export function ApiKeyDialog({ onClose, onCreated }: { onClose(): void; onCreated(result: CreatedApiKey): void }) {
  const { t, lang } = useI18n();
  const fieldErrors = useFieldErrors();
  const catalogue = useApiQuery('GET /api/v1/permissions');
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<string[]>(['ingest.write']);
  const root = useRootUnit();
  // A key pushes for the whole province unless its integrator serves one commune.
  const [orgUnitCode, setOrgUnitCode] = useState(root.code);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const options = useMemo(
    () =>
      (catalogue.data ?? []).map((permission) => ({
        value: permission.code,
        label: localName(lang, permission.vi, permission.en),
        detail: permission.code,
      })),
    [catalogue.data, lang],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('common.required');
    if (permissions.length === 0) found.permissions = t('apikeys.permissionsRequired');
    if (!orgUnitCode) found.orgUnitCode = t('common.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const body: CreateApiKeyBody = { name: name.trim(), permissions, orgUnitCode };
      onCreated(await apiCall('POST /api/v1/apikeys', { body }));
    } catch (cause) {
      setErrors(fieldErrors(cause, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('apikeys.createTitle')}
      onClose={onClose}
      wide
      actions={
        <button
          type="submit"
          form={FORM_ID}
          className="button button-primary"
          disabled={busy}
          data-testid="apikey-save"
        >
          {busy ? t('common.saving') : t('apikeys.create')}
        </button>
      }
    >
      <form id={FORM_ID} className="form form-grid" onSubmit={submit} noValidate>
        <TextField
          label={t('apikeys.name')}
          value={name}
          onChange={setName}
          required
          hint={t('apikeys.nameHint')}
          error={errors.name}
          data-testid="apikey-name"
        />
        <UnitSelect
          label={t('apikeys.unit')}
          value={orgUnitCode}
          onChange={setOrgUnitCode}
          error={errors.orgUnitCode}
          required
        />
        <div className="form-span">
          <CheckboxList
            legend={t('apikeys.permissions')}
            options={options}
            selected={permissions}
            onChange={setPermissions}
            filterable
            error={errors.permissions}
          />
        </div>
        <FormAlert message={errors.form} />
      </form>
    </Dialog>
  );
}
