import type { UnitProfile, UpdateUnitProfileBody } from '@ioc/shared';
import { type FormEvent, useState } from 'react';
import { apiCall } from '../api/client.ts';
import { useFieldErrors } from '../api/errorText.ts';
import { TextField } from '../components/Field.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import type { MessageKey } from '../i18n/index.tsx';
import { useT } from '../i18n/index.tsx';

type EditableField = keyof UpdateUnitProfileBody;
type Draft = Record<EditableField, string>;

const FIELDS: { name: EditableField; label: MessageKey; type: string; autoComplete?: string; numeric?: boolean }[] = [
  { name: 'headName', label: 'profile.headName', type: 'text', autoComplete: 'name' },
  { name: 'phone', label: 'profile.phone', type: 'tel', autoComplete: 'tel' },
  { name: 'email', label: 'profile.email', type: 'email', autoComplete: 'email' },
  { name: 'address', label: 'profile.address', type: 'text', autoComplete: 'street-address' },
  { name: 'population', label: 'profile.population', type: 'text', numeric: true },
  { name: 'households', label: 'profile.households', type: 'text', numeric: true },
];

const FIELD_NAMES = FIELDS.map((field) => field.name);

function draftOf(profile: UnitProfile): Draft {
  const text = (value: string | number | null) => (value === null ? '' : String(value));
  return {
    headName: text(profile.headName),
    phone: text(profile.phone),
    email: text(profile.email),
    address: text(profile.address),
    population: text(profile.population),
    households: text(profile.households),
  };
}

interface ProfileFormProps {
  unitId: string;
  profile: UnitProfile;
  onSaved(profile: UnitProfile): void;
  onCancel(): void;
}

/** Edits a unit's profile; sends only the fields that changed, and shows the server's objections beside each field. */
export function ProfileForm({ unitId, profile, onSaved, onCancel }: ProfileFormProps) {
  const t = useT();
  const fieldErrors = useFieldErrors();
  const original = draftOf(profile);
  const [draft, setDraft] = useState<Draft>(original);
  const [errors, setErrors] = useState<Partial<Record<EditableField | 'form', string>>>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body: UpdateUnitProfileBody = {};
    const found: typeof errors = {};
    for (const field of FIELDS) {
      const value = draft[field.name].trim();
      if (value === original[field.name]) continue;
      if (field.numeric) {
        if (value !== '' && !/^\d+$/.test(value.replace(/[.,\s]/g, ''))) {
          found[field.name] = t('profile.notInteger');
          continue;
        }
        const count = value === '' ? null : Number(value.replace(/[.,\s]/g, ''));
        if (field.name === 'population') body.population = count;
        else body.households = count;
      } else {
        const text = value === '' ? null : value;
        if (field.name === 'headName') body.headName = text;
        if (field.name === 'phone') body.phone = text;
        if (field.name === 'email') body.email = text;
        if (field.name === 'address') body.address = text;
      }
    }
    if (Object.keys(found).length === 0 && Object.keys(body).length === 0) found.form = t('profile.noChanges');
    setErrors(found);
    if (Object.keys(found).length > 0) return;

    setBusy(true);
    try {
      onSaved(await apiCall('PATCH /api/v1/orgunits/:id/profile', { params: { id: unitId }, body }));
    } catch (cause) {
      setErrors(fieldErrors(cause, FIELD_NAMES));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form form-grid" onSubmit={submit} noValidate data-testid="profile-form">
      {FIELDS.map((field) => (
        <TextField
          key={field.name}
          label={t(field.label)}
          name={field.name}
          type={field.type}
          inputMode={field.numeric ? 'numeric' : undefined}
          autoComplete={field.autoComplete ?? 'off'}
          value={draft[field.name]}
          onChange={(value) => setDraft((current) => ({ ...current, [field.name]: value }))}
          error={errors[field.name]}
          data-testid={`profile-${field.name}`}
        />
      ))}
      <FormAlert message={errors.form} />
      <div className="form-actions form-span">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="profile-save">
          {busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
