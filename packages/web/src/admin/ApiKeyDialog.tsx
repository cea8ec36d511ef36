import type { CreateApiKeyBody, CreatedApiKey } from '@ioc/shared';
import { useMemo, useState } from 'react';
import { apiCall } from '../api/client.ts';
import { useApiQuery } from '../api/queries.ts';
import { useRootUnit } from '../auth/AuthContext.tsx';
import { CheckboxList } from '../components/CheckboxList.tsx';
import { TextField } from '../components/Field.tsx';
import { FormDialog } from '../components/FormDialog.tsx';
import { UnitSelect } from '../components/UnitSelect.tsx';
import { useFormSave } from '../components/useFormSave.ts';
import { localName, useI18n } from '../i18n/index.tsx';

const FIELDS = ['name', 'permissions', 'orgUnitCode'] as const;
const FORM_ID = 'api-key-form';

export function ApiKeyDialog({ onClose, onCreated }: { onClose(): void; onCreated(result: CreatedApiKey): void }) {
  const { t, lang } = useI18n();
  const { errors, busy, save } = useFormSave(FIELDS);
  const catalogue = useApiQuery('GET /api/v1/permissions');
  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<string[]>(['ingest.write']);
  const root = useRootUnit();
  // A key pushes for the whole province unless its integrator serves one commune.
  const [orgUnitCode, setOrgUnitCode] = useState(root.code);

  const options = useMemo(
    () =>
      (catalogue.data ?? []).map((permission) => ({
        value: permission.code,
        label: localName(lang, permission.vi, permission.en),
        detail: permission.code,
      })),
    [catalogue.data, lang],
  );

  const submit = () => {
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = t('common.required');
    if (permissions.length === 0) found.permissions = t('apikeys.permissionsRequired');
    if (!orgUnitCode) found.orgUnitCode = t('common.required');
    void save(found, async () => {
      const body: CreateApiKeyBody = { name: name.trim(), permissions, orgUnitCode };
      onCreated(await apiCall('POST /api/v1/apikeys', { body }));
    });
  };

  return (
    <FormDialog
      title={t('apikeys.createTitle')}
      formId={FORM_ID}
      busy={busy}
      formError={errors.form}
      saveLabel={t('apikeys.create')}
      saveTestId="apikey-save"
      onClose={onClose}
      onSubmit={submit}
    >
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
    </FormDialog>
  );
}
