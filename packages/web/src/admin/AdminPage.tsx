import type { Permission } from '@ioc/shared';
import type { ComponentType } from 'react';
import { Navigate, NavLink, useParams } from 'react-router';
import { useAuth } from '../auth/AuthContext.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import type { MessageKey } from '../i18n/index.tsx';
import { useT } from '../i18n/index.tsx';
import { ApiKeysTab } from './ApiKeysTab.tsx';
import { AuditTab } from './AuditTab.tsx';
import { BoundariesTab } from './BoundariesTab.tsx';
import { CatalogueTab } from './catalogue/CatalogueTab.tsx';
import { RolesTab } from './RolesTab.tsx';
import { UsersTab } from './UsersTab.tsx';

interface AdminTab {
  slug: string;
  label: MessageKey;
  permission: Permission;
  Component: ComponentType;
}

const TABS: AdminTab[] = [
  { slug: 'users', label: 'admin.tab.users', permission: 'users.read', Component: UsersTab },
  { slug: 'roles', label: 'admin.tab.roles', permission: 'roles.read', Component: RolesTab },
  { slug: 'apikeys', label: 'admin.tab.apikeys', permission: 'apikeys.read', Component: ApiKeysTab },
  { slug: 'audit', label: 'admin.tab.audit', permission: 'audit.read', Component: AuditTab },
  { slug: 'boundaries', label: 'admin.tab.boundaries', permission: 'orgunits.write', Component: BoundariesTab },
  { slug: 'catalogue', label: 'catalogue.tab', permission: 'indicators.manage', Component: CatalogueTab },
];

export function AdminPage() {
  const t = useT();
  const { can } = useAuth();
  const { tab } = useParams();
  const visible = TABS.filter((item) => can(item.permission));
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
        <current.Component />
      </div>
    </div>
  );
}
