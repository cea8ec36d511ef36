import type { ChangePasswordBody } from '@ioc/shared';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, apiCall } from '../api/client.ts';
import { useFieldErrors } from '../api/errorText.ts';
import { useAuth, useMe } from '../auth/AuthContext.tsx';
import { TextField } from '../components/Field.tsx';
import { FormAlert } from '../components/FormAlert.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { ThemeToggle } from '../components/ThemeToggle.tsx';
import { useT } from '../i18n/index.tsx';

const MIN_LENGTH = 10;

type Errors = Partial<Record<keyof ChangePasswordBody | 'confirm' | 'form', string>>;

export function ChangePasswordPage() {
  const t = useT();
  const fieldErrors = useFieldErrors();
  const me = useMe();
  const { refresh, signOut } = useAuth();
  const navigate = useNavigate();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!currentPassword) found.currentPassword = t('password.currentRequired');
    if (newPassword.length < MIN_LENGTH) found.newPassword = t('password.tooShort', { min: MIN_LENGTH });
    else if (newPassword === currentPassword) found.newPassword = t('password.same');
    if (confirm !== newPassword) found.confirm = t('password.mismatch');
    setErrors(found);
    if (Object.keys(found).length > 0) return;

    setBusy(true);
    try {
      await apiCall('POST /api/v1/auth/password', { body: { currentPassword, newPassword } });
      const updated = await refresh();
      navigate(updated ? '/' : '/login', { replace: true });
    } catch (cause) {
      if (cause instanceof ApiError && cause.code === 'INVALID_CREDENTIALS')
        setErrors({ currentPassword: cause.message });
      else setErrors(fieldErrors(cause, ['currentPassword', 'newPassword']));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-tools">
        <LanguageSwitch />
        <ThemeToggle />
      </div>
      <main className="login-card">
        <form onSubmit={submit} className="form" noValidate>
          <h1>{t('password.title')}</h1>
          <p className="muted">
            {me.mustChangePassword ? t('password.required', { name: me.displayName }) : t('password.intro')}
          </p>
          <TextField
            label={t('password.current')}
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={setCurrentPassword}
            error={errors.currentPassword}
            data-testid="password-current"
          />
          <TextField
            label={t('password.new')}
            type="password"
            autoComplete="new-password"
            minLength={MIN_LENGTH}
            value={newPassword}
            onChange={setNewPassword}
            error={errors.newPassword}
            hint={t('password.hint', { min: MIN_LENGTH })}
            data-testid="password-new"
          />
          <TextField
            label={t('password.confirm')}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={setConfirm}
            error={errors.confirm}
            data-testid="password-confirm"
          />
          <FormAlert message={errors.form} span={false} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy} data-testid="password-submit">
              {t('password.submit')}
            </button>
            {me.mustChangePassword ? (
              <button type="button" className="button" onClick={() => signOut().then(() => navigate('/login'))}>
                {t('header.signOut')}
              </button>
            ) : (
              <button type="button" className="button" onClick={() => navigate(-1)}>
                {t('common.cancel')}
              </button>
            )}
          </div>
        </form>
      </main>
    </div>
  );
}
