import type { AdminTab } from '../shell/subsystem.ts';
import { ApiKeysTab } from './ApiKeysTab.tsx';
import { AuditTab } from './AuditTab.tsx';
import { BoundariesTab } from './BoundariesTab.tsx';
import { RolesTab } from './RolesTab.tsx';
import { UsersTab } from './UsersTab.tsx';

/** The platform's own administration tabs; subsystems add theirs through their descriptors. */
export const PLATFORM_ADMIN_TABS: AdminTab[] = [
  { slug: 'users', label: 'admin.tab.users', permission: 'users.read', Component: UsersTab },
  { slug: 'roles', label: 'admin.tab.roles', permission: 'roles.read', Component: RolesTab },
  { slug: 'apikeys', label: 'admin.tab.apikeys', permission: 'apikeys.read', Component: ApiKeysTab },
  { slug: 'audit', label: 'admin.tab.audit', permission: 'audit.read', Component: AuditTab },
  { slug: 'boundaries', label: 'admin.tab.boundaries', permission: 'orgunits.write', Component: BoundariesTab },
];
