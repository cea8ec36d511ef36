import { useNavigate } from 'react-router';
import { useAuth, useMe } from '../auth/AuthContext.tsx';
import { Icon } from '../components/Icon.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { LiveStatusBadge } from '../components/LiveStatusBadge.tsx';
import { ThemeToggle } from '../components/ThemeToggle.tsx';
import { localName, useI18n } from '../i18n/index.tsx';
import { SoundToggle } from '../live/SoundToggle.tsx';

export function Header({ navOpen, onToggleNav }: { navOpen: boolean; onToggleNav(): void }) {
  const { t, lang } = useI18n();
  const me = useMe();
  const { signOut } = useAuth();
  const navigate = useNavigate();

  return (
    <header className="header">
      <button
        type="button"
        className="icon-button nav-toggle"
        aria-expanded={navOpen}
        aria-controls="app-nav"
        aria-label={t('nav.toggle')}
        onClick={onToggleNav}
      >
        <Icon name="menu" />
      </button>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          IOC
        </span>
        <span className="brand-text">
          <strong>{t('app.name')}</strong>
          <span>{t('app.tagline')}</span>
        </span>
      </div>
      <div className="header-tools">
        <LiveStatusBadge />
        <LanguageSwitch />
        <ThemeToggle />
        <SoundToggle />
        <div className="header-user">
          <strong data-testid="current-user">{me.displayName}</strong>
          <span>{me.orgUnit ? localName(lang, me.orgUnit.name, me.orgUnit.nameEn) : t('header.noUnit')}</span>
        </div>
        <button
          type="button"
          className="button button-small"
          data-testid="sign-out"
          onClick={async () => {
            await signOut().catch(() => undefined);
            navigate('/login', { replace: true });
          }}
        >
          <Icon name="signOut" size={16} />
          {t('header.signOut')}
        </button>
      </div>
    </header>
  );
}
