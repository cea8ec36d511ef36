import { useState } from 'react';
import { Outlet } from 'react-router';
import { useT } from '../i18n/index.tsx';
import { LiveProvider } from '../live/LiveContext.tsx';
import { LiveToasts } from '../live/LiveToasts.tsx';
import { Header } from './Header.tsx';
import { NavMenu } from './NavMenu.tsx';

/** Everything a signed-in user sees around a page: header, navigation, the live stream and its toasts. */
export function AppShell() {
  const t = useT();
  const [navOpen, setNavOpen] = useState(false);
  return (
    <LiveProvider>
      <LiveToasts />
      <div className={navOpen ? 'shell nav-open' : 'shell'} data-testid="app-shell">
        <Header navOpen={navOpen} onToggleNav={() => setNavOpen((open) => !open)} />
        {navOpen && (
          <button
            type="button"
            className="nav-backdrop"
            tabIndex={-1}
            aria-label={t('nav.close')}
            onClick={() => setNavOpen(false)}
          />
        )}
        <aside id="app-nav" className="sidebar">
          <NavMenu onNavigate={() => setNavOpen(false)} />
        </aside>
        <main className="main" id="main">
          <Outlet />
        </main>
      </div>
    </LiveProvider>
  );
}
