import type { OrgUnitGroup, SaveGroupBody } from '@ioc/shared';
import { type FormEvent, useMemo, useState } from 'react';
import { apiCall } from '../api/client.ts';
import { useFieldErrors } from '../api/errorText.ts';
import { compareUnits, isLocalUnit, useActiveUnits } from '../api/orgUnits.ts';
import { CheckboxList } from '../components/CheckboxList.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { TextField } from '../components/Field.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { useI18n } from '../i18n/index.tsx';
import { kindLabel } from '../units/kind.ts';

const FIELDS = ['code', 'name', 'nameEn', 'description', 'descriptionEn', 'members'] as const;
const FORM_ID = 'group-form';

interface GroupDialogProps {
  /** Absent: a new group. */
  group?: OrgUnitGroup;
  onClose(): void;
  onSaved(group: OrgUnitGroup): void;
}

export function GroupDialog({ group, onClose, onSaved }: GroupDialogProps) {
  const { t } = useI18n();
  const fieldErrors = useFieldErrors();
  const { units } = useActiveUnits();
  const [code, setCode] = useState(group?.code ?? '');
  const [name, setName] = useState(group?.name ?? '');
  const [nameEn, setNameEn] = useState(group?.nameEn ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [descriptionEn, setDescriptionEn] = useState(group?.descriptionEn ?? '');
  const [members, setMembers] = useState<string[]>(group?.members ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const options = useMemo(
    () =>
      units
        .filter(isLocalUnit)
        .sort(compareUnits)
        .map((unit) => ({ value: unit.id, label: unit.name, detail: `${kindLabel(t, unit.kind)} · ${unit.code}` })),
    [units, t],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!/^[a-z0-9-]{2,40}$/.test(code)) found.code = t('groups.codeRule');
    if (!name.trim()) found.name = t('common.required');
    if (!nameEn.trim()) found.nameEn = t('common.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const body: SaveGroupBody = {
        name: name.trim(),
        nameEn: nameEn.trim(),
        description: description.trim() || null,
        descriptionEn: descriptionEn.trim() || null,
        members,
      };
      onSaved(await apiCall('PUT /api/v1/orgunit-groups/:code', { params: { code }, body }));
    } catch (cause) {
      setErrors(fieldErrors(cause, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={group ? t('groups.editTitle', { name: group.name }) : t('groups.createTitle')}
      onClose={onClose}
      wide
      actions={
        <button type="submit" form={FORM_ID} className="button button-primary" disabled={busy} data-testid="group-save">
          {busy ? t('common.saving') : t('common.save')}
        </button>
      }
    >
      <form id={FORM_ID} className="form form-grid" onSubmit={submit} noValidate>
        <TextField
          label={t('groups.code')}
          value={code}
          onChange={(value) => setCode(value.toLowerCase())}
          readOnly={group !== undefined}
          required
          hint={t('groups.codeRule')}
          error={errors.code}
          data-testid="group-code"
        />
        <TextField
          label={t('groups.name')}
          value={name}
          onChange={setName}
          required
          error={errors.name}
          data-testid="group-name"
        />
        <TextField
          label={t('groups.nameEn')}
          value={nameEn}
          onChange={setNameEn}
          required
          lang="en"
          error={errors.nameEn}
          data-testid="group-name-en"
        />
        <TextField
          label={t('groups.description')}
          value={description}
          onChange={setDescription}
          error={errors.description}
        />
        <TextField
          label={t('groups.descriptionEn')}
          value={descriptionEn}
          onChange={setDescriptionEn}
          lang="en"
          error={errors.descriptionEn}
          data-testid="group-description-en"
        />
        <div className="form-span">
          <CheckboxList
            legend={t('groups.members')}
            options={options}
            selected={members}
            onChange={setMembers}
            filterable
            error={errors.members}
          />
        </div>
        <FormAlert message={errors.form} />
      </form>
    </Dialog>
  );
}
