import { Suspense } from 'react';
import { Navigate, NavLink, useParams } from 'react-router';
import { useAuth } from '../auth/AuthContext.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { useT } from '../i18n/index.tsx';
import { ADMIN_TABS } from '../shell/navigation.ts';

export function AdminPage() {
  const t = useT();
  const { can } = useAuth();
  const { tab } = useParams();
  const visible = ADMIN_TABS.filter((item) => can(item.permission));
  const current = visible.find((item) => item.slug === tab);

  if (visible.length === 0) {
    return (
      <div className="page">
        <EmptyState title={t('forbidden.title')}>
          <p>{t('forbidden.text')}</p>
        </EmptyState>
      </div>
    );
  }
  if (!current) return <Navigate to={`/admin/${visible[0]?.slug ?? ''}`} replace />;

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('admin.title')}</h1>
      </header>
      <nav className="tabs" aria-label={t('admin.tabs')}>
        {visible.map((item) => (
          <NavLink
            key={item.slug}
            to={`/admin/${item.slug}`}
            className={({ isActive }) => (isActive ? 'tab active' : 'tab')}
            data-testid={`admin-tab-${item.slug}`}
          >
            {t(item.label)}
          </NavLink>
        ))}
      </nav>
      <div className="tab-panel">
        <Suspense fallback={<LoadingBlock />}>
          <current.Component />
        </Suspense>
      </div>
    </div>
  );
}
