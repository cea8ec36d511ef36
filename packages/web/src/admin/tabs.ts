import { lazyComponent } from '../shell/lazyComponent.ts';
import type { AdminTab } from '../shell/subsystem.ts';

// Each tab's code loads when the tab is first opened (the shell reads this list for the menu on every page).
const ApiKeysTab = lazyComponent(() => import('./ApiKeysTab.tsx').then((module) => module.ApiKeysTab));
const AuditTab = lazyComponent(() => import('./AuditTab.tsx').then((module) => module.AuditTab));
const BoundariesTab = lazyComponent(() => import('./BoundariesTab.tsx').then((module) => module.BoundariesTab));
const RolesTab = lazyComponent(() => import('./RolesTab.tsx').then((module) => module.RolesTab));
const UsersTab = lazyComponent(() => import('./UsersTab.tsx').then((module) => module.UsersTab));
const WebhooksTab = lazyComponent(() => import('./WebhooksTab.tsx').then((module) => module.WebhooksTab));

/** The platform's own administration tabs; subsystems add theirs through their descriptors. */
export const PLATFORM_ADMIN_TABS: AdminTab[] = [
  { slug: 'users', label: 'admin.tab.users', permission: 'users.read', Component: UsersTab },
  { slug: 'roles', label: 'admin.tab.roles', permission: 'roles.read', Component: RolesTab },
  { slug: 'apikeys', label: 'admin.tab.apikeys', permission: 'apikeys.read', Component: ApiKeysTab },
  { slug: 'audit', label: 'admin.tab.audit', permission: 'audit.read', Component: AuditTab },
  {
    slug: 'notifications',
    label: 'admin.tab.notifications',
    permission: 'notifications.manage',
    Component: WebhooksTab,
  },
  { slug: 'boundaries', label: 'admin.tab.boundaries', permission: 'orgunits.write', Component: BoundariesTab },
];
