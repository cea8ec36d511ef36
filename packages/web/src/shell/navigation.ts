import type { Permission } from '@ioc/shared';
import { PLATFORM_ADMIN_TABS } from '../admin/tabs.ts';
import { SUBSYSTEMS } from '../modules.ts';
import type { NavEntry } from './subsystem.ts';

export type { NavEntry };

/** Every administration tab: the platform's and those the subsystems add (the indicator catalogue). */
export const ADMIN_TABS = [...PLATFORM_ADMIN_TABS, ...SUBSYSTEMS.flatMap((subsystem) => subsystem.adminTabs ?? [])];

/** Administration holds several tabs; its entry shows if any tab would. */
export const ADMIN_PERMISSIONS: Permission[] = [...new Set(ADMIN_TABS.map((tab) => tab.permission))];

const OVERVIEW: NavEntry = { path: '/', testId: 'overview', label: 'nav.overview', icon: 'overview' };

const PLATFORM_OPERATIONS: NavEntry[] = [
  { path: '/map', testId: 'map', label: 'nav.map', anyOf: ['orgunits.read'], icon: 'map', order: 10 },
  { path: '/alerts', testId: 'alerts', label: 'nav.alerts', anyOf: ['alerts.read'], icon: 'alerts', order: 20 },
  {
    path: '/alerts/rules',
    testId: 'alert-rules',
    label: 'alerts.rules.nav',
    anyOf: ['alerts.manage'],
    icon: 'alerts',
    order: 21,
  },
  { path: '/admin', testId: 'admin', label: 'nav.admin', anyOf: ADMIN_PERMISSIONS, icon: 'admin', order: 100 },
];

const subsystemEntries = SUBSYSTEMS.flatMap((subsystem) => subsystem.navigation);

/** The subsystems' own pages, by number. */
export const SUBSYSTEM_NAV: NavEntry[] = subsystemEntries
  .filter((entry) => entry.number !== undefined)
  .sort((a, b) => (a.number ?? 0) - (b.number ?? 0));

/** The operations pages of the platform and the subsystems, in their menu order. */
export const OPERATIONS_NAV: NavEntry[] = [
  ...PLATFORM_OPERATIONS,
  ...subsystemEntries.filter((entry) => entry.number === undefined),
].sort((a, b) => (a.order ?? 50) - (b.order ?? 50));

export const NAV_ITEMS: NavEntry[] = [OVERVIEW, ...SUBSYSTEM_NAV, ...OPERATIONS_NAV];

export function canSee(item: { anyOf?: Permission[] }, can: (permission: Permission) => boolean): boolean {
  return !item.anyOf || item.anyOf.some(can);
}
