import type { CreateUserBody, UpdateUserBody, User, UserWithPassword } from '@ioc/shared';
import { type FormEvent, useState } from 'react';
import { apiCall } from '../api/client.ts';
import { useFieldErrors } from '../api/errorText.ts';
import { CheckboxList } from '../components/CheckboxList.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { TextField } from '../components/Field.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { UnitSelect } from '../components/UnitSelect.tsx';
import { useI18n } from '../i18n/index.tsx';
import { AgencySelect } from './AgencySelect.tsx';
import { useRoleOptions } from './roleOptions.ts';

const FIELDS = ['username', 'displayName', 'email', 'password', 'roles', 'orgUnitCode', 'agencyCode'] as const;
type FieldName = (typeof FIELDS)[number];

interface UserFormDialogProps {
  /** Absent: create a user. */
  user?: User;
  onClose(): void;
  onCreated(result: UserWithPassword): void;
  onUpdated(user: User): void;
}

export function UserFormDialog({ user, onClose, onCreated, onUpdated }: UserFormDialogProps) {
  const { t, lang } = useI18n();
  const fieldErrors = useFieldErrors();
  const { options: roleOptions } = useRoleOptions(lang);
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>(user?.roles ?? []);
  const [orgUnitCode, setOrgUnitCode] = useState(user?.orgUnitCode ?? '');
  const [agencyCode, setAgencyCode] = useState(user?.agencyCode ?? '');
  const [errors, setErrors] = useState<Partial<Record<FieldName | 'form', string>>>({});
  const [busy, setBusy] = useState(false);

  const validate = () => {
    const found: typeof errors = {};
    if (!user && !/^[a-z0-9._-]{3,40}$/.test(username)) found.username = t('users.usernameRule');
    if (!displayName.trim()) found.displayName = t('common.required');
    if (password && password.length < 10) found.password = t('password.tooShort', { min: 10 });
    if (roles.length === 0) found.roles = t('users.rolesRequired');
    if (!orgUnitCode) found.orgUnitCode = t('common.required');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      if (user) {
        const body: UpdateUserBody = {};
        if (displayName.trim() !== user.displayName) body.displayName = displayName.trim();
        if ((email.trim() || null) !== user.email) body.email = email.trim() || null;
        if (roles.join() !== user.roles.join()) body.roles = roles;
        if (orgUnitCode !== user.orgUnitCode) body.orgUnitCode = orgUnitCode;
        if ((agencyCode || null) !== user.agencyCode) body.agencyCode = agencyCode || null;
        if (Object.keys(body).length === 0) {
          onClose();
          return;
        }
        onUpdated(await apiCall('PATCH /api/v1/users/:id', { params: { id: user.id }, body }));
      } else {
        const body: CreateUserBody = { username, displayName: displayName.trim(), roles, orgUnitCode };
        if (email.trim()) body.email = email.trim();
        if (agencyCode) body.agencyCode = agencyCode;
        if (password) body.password = password;
        onCreated(await apiCall('POST /api/v1/users', { body }));
      }
    } catch (cause) {
      setErrors(fieldErrors(cause, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const formId = user ? `user-form-${user.id}` : 'user-form-new';
  return (
    <Dialog
      title={user ? t('users.editTitle', { username: user.username }) : t('users.createTitle')}
      onClose={onClose}
      wide
      actions={
        <button type="submit" form={formId} className="button button-primary" disabled={busy} data-testid="user-save">
          {busy ? t('common.saving') : user ? t('common.save') : t('users.create')}
        </button>
      }
    >
      <form id={formId} className="form form-grid" onSubmit={submit} noValidate>
        {!user && (
          <TextField
            label={t('users.username')}
            value={username}
            onChange={(value) => setUsername(value.toLowerCase())}
            autoComplete="off"
            spellCheck={false}
            required
            hint={t('users.usernameRule')}
            error={errors.username}
            data-testid="user-username"
          />
        )}
        <TextField
          label={t('users.displayName')}
          value={displayName}
          onChange={setDisplayName}
          required
          error={errors.displayName}
          data-testid="user-display-name"
        />
        <TextField
          label={t('users.email')}
          type="email"
          value={email}
          onChange={setEmail}
          error={errors.email}
          data-testid="user-email"
        />
        {!user && (
          <TextField
            label={t('users.password')}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            hint={t('users.passwordHint')}
            error={errors.password}
            data-testid="user-password"
          />
        )}
        <UnitSelect
          label={t('users.unit')}
          value={orgUnitCode}
          onChange={setOrgUnitCode}
          error={errors.orgUnitCode}
          required
        />
        <AgencySelect value={agencyCode} onChange={setAgencyCode} error={errors.agencyCode} />
        <div className="form-span">
          <CheckboxList
            legend={t('users.roles')}
            options={roleOptions}
            selected={roles}
            onChange={setRoles}
            error={errors.roles}
          />
        </div>
        <FormAlert message={errors.form} />
      </form>
    </Dialog>
  );
}
