import { NavLink } from 'react-router';
import { useAuth } from '../auth/AuthContext.tsx';
import { Icon } from '../components/Icon.tsx';
import { useT } from '../i18n/index.tsx';
import { canSee, NAV_ITEMS, type NavEntry } from './navigation.ts';

function MenuLink({ item, onNavigate }: { item: NavEntry; onNavigate(): void }) {
  const t = useT();
  return (
    <li>
      <NavLink
        to={item.path}
        // A link with another menu entry under it (/data, /data/discipline) is active on its own path only.
        end={item.path === '/' || NAV_ITEMS.some((other) => other.path.startsWith(`${item.path}/`))}
        className={({ isActive }) => (isActive ? 'nav-link active' : 'nav-link')}
        data-testid={`nav-${item.testId}`}
        onClick={onNavigate}
      >
        <span className="nav-icon" aria-hidden="true">
          {item.number !== undefined ? (
            <span className="nav-number">{item.number}</span>
          ) : (
            item.icon && <Icon name={item.icon} />
          )}
        </span>
        <span>{t(item.label)}</span>
      </NavLink>
    </li>
  );
}

export function NavMenu({ onNavigate }: { onNavigate(): void }) {
  const t = useT();
  const { can } = useAuth();
  const visible = NAV_ITEMS.filter((item) => canSee(item, can));
  const overview = visible.filter((item) => item.path === '/');
  const subsystems = visible.filter((item) => item.number !== undefined);
  const operations = visible.filter((item) => item.path !== '/' && item.number === undefined);

  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul>
        {overview.map((item) => (
          <MenuLink key={item.path} item={item} onNavigate={onNavigate} />
        ))}
      </ul>
      {subsystems.length > 0 && (
        <>
          <h2 className="nav-heading">{t('nav.subsystems')}</h2>
          <ul>
            {subsystems.map((item) => (
              <MenuLink key={item.path} item={item} onNavigate={onNavigate} />
            ))}
          </ul>
        </>
      )}
      <h2 className="nav-heading">{t('nav.operations')}</h2>
      <ul>
        {operations.map((item) => (
          <MenuLink key={item.path} item={item} onNavigate={onNavigate} />
        ))}
      </ul>
      <h2 className="nav-heading">{t('nav.account')}</h2>
      <ul>
        <li>
          <NavLink to="/change-password" className="nav-link" onClick={onNavigate} data-testid="nav-change-password">
            <span className="nav-icon" aria-hidden="true">
              <Icon name="key" />
            </span>
            <span>{t('header.changePassword')}</span>
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
