import { type FormEvent, useEffect, useState } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../api/client.ts';
import { useErrorText } from '../api/errorText.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { ThemeToggle } from '../components/ThemeToggle.tsx';
import { useT } from '../i18n/index.tsx';

function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    return state.from.startsWith('/') && !state.from.startsWith('/login') ? state.from : '/';
  }
  return '/';
}

/** Counts down the seconds a rate-limited sign-in must wait. */
function useCountdown(): [number, (seconds: number) => void] {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (seconds <= 0) return;
    const timer = setTimeout(() => setSeconds((value) => value - 1), 1000);
    return () => clearTimeout(timer);
  }, [seconds]);
  return [seconds, setSeconds];
}

export function LoginPage() {
  const t = useT();
  const errorText = useErrorText();
  const { state, signIn } = useAuth();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; code: string } | null>(null);
  const [waitSeconds, startWait] = useCountdown();

  // Signing in changes the auth state, and this redirect takes the user on: no navigate() call to race with it.
  if (state.status === 'signedIn') {
    return <Navigate to={state.me.mustChangePassword ? '/change-password' : returnPath(location.state)} replace />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn({ username: username.trim(), password });
    } catch (cause) {
      setPassword('');
      if (cause instanceof ApiError) {
        if (cause.code === 'RATE_LIMITED') startWait(cause.retryAfter ?? 60);
        // The page counts the lock-out down itself, so the message leaves the seconds out.
        setError({ message: errorText(cause, { withRetry: false }), code: cause.code });
      } else {
        setError({ message: errorText(cause), code: 'UNKNOWN' });
      }
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
        <div className="login-brand">
          <span className="brand-mark brand-mark-large" aria-hidden="true">
            IOC
          </span>
          <div>
            <h1>{t('app.name')}</h1>
            <p>{t('app.tagline')}</p>
          </div>
        </div>
        <form onSubmit={submit} className="form" noValidate>
          <h2 className="login-title">{t('login.title')}</h2>
          <div className="field">
            <label htmlFor="login-username">{t('login.username')}</label>
            <input
              id="login-username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              data-testid="login-username"
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">{t('login.password')}</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              data-testid="login-password"
            />
          </div>
          {error && (
            <div className="notice notice-danger" role="alert" data-testid="login-error" data-code={error.code}>
              <span>{error.message}</span>
              {error.code === 'RATE_LIMITED' && waitSeconds > 0 && (
                <span> {t('login.retryIn', { seconds: waitSeconds })}</span>
              )}
            </div>
          )}
          <button
            type="submit"
            className="button button-primary button-block"
            disabled={busy || waitSeconds > 0 || !username.trim() || !password}
            data-testid="login-submit"
          >
            {busy ? t('login.signingIn') : t('login.submit')}
          </button>
        </form>
        <p className="login-footnote muted">{t('login.footnote')}</p>
      </main>
    </div>
  );
}
