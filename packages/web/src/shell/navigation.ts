import type { Permission } from '@ioc/shared';
import type { IconName } from '../components/Icon.tsx';
import type { MessageKey } from '../i18n/index.tsx';

export interface NavItem {
  path: string;
  /** `nav-<testId>` on the link. */
  testId: string;
  label: MessageKey;
  /** Shown if the user holds any of these; no list means everyone signed in. */
  anyOf?: Permission[];
  icon?: IconName;
  /** Subsystems are numbered 1–7 as in the project's mission. */
  number?: number;
}

/** A page whose server side is not built yet: it says honestly what it will show. */
export interface PendingPage {
  path: string;
  anyOf: Permission[];
  title: MessageKey;
  description: MessageKey;
  number?: number;
}

export const SUBSYSTEMS: PendingPage[] = [
  {
    path: '/indicators',
    number: 1,
    anyOf: ['indicators.read'],
    title: 'nav.indicators',
    description: 'pending.indicators',
  },
  {
    path: '/public-services',
    number: 2,
    anyOf: ['publicservices.read'],
    title: 'nav.publicServices',
    description: 'pending.publicServices',
  },
  {
    path: '/documents',
    number: 3,
    anyOf: ['documents.read'],
    title: 'nav.documents',
    description: 'pending.documents',
  },
  { path: '/health', number: 4, anyOf: ['health.read'], title: 'nav.health', description: 'pending.health' },
  {
    path: '/education',
    number: 5,
    anyOf: ['education.read'],
    title: 'nav.education',
    description: 'pending.education',
  },
  { path: '/tourism', number: 6, anyOf: ['tourism.read'], title: 'nav.tourism', description: 'pending.tourism' },
  { path: '/cameras', number: 7, anyOf: ['cameras.read'], title: 'nav.cameras', description: 'pending.cameras' },
];

export const OPERATION_PAGES: PendingPage[] = [
  { path: '/alerts', anyOf: ['alerts.read'], title: 'nav.alerts', description: 'pending.alerts' },
  // There is no tasks.read: directed tasks belong to subsystem 3 (documents and tasks).
  { path: '/direction', anyOf: ['documents.read'], title: 'nav.direction', description: 'pending.tasks' },
  // Data entry and import is for those who enter or push data.
  { path: '/data', anyOf: ['indicators.write', 'ingest.write'], title: 'nav.data', description: 'pending.data' },
];

/** Pages that are built: still in the menu, no longer answered by the "being built" page. */
const BUILT_PAGES = new Set(['/indicators', '/public-services', '/documents', '/direction', '/alerts', '/data']);

export const PENDING_PAGES: PendingPage[] = [...SUBSYSTEMS, ...OPERATION_PAGES].filter(
  (page) => !BUILT_PAGES.has(page.path),
);

/** Admin holds several tabs; the entry shows if any tab would. */
export const ADMIN_PERMISSIONS: Permission[] = [
  'users.read',
  'roles.read',
  'apikeys.read',
  'audit.read',
  'orgunits.write',
  'indicators.manage',
];

const testIdOf = (path: string) => path.slice(1);

const OPERATION_ICONS: Record<string, IconName> = { '/alerts': 'alerts', '/direction': 'tasks', '/data': 'data' };

export const NAV_ITEMS: NavItem[] = [
  { path: '/', testId: 'overview', label: 'nav.overview', icon: 'overview' },
  ...SUBSYSTEMS.map((page) => ({
    path: page.path,
    testId: testIdOf(page.path),
    label: page.title,
    anyOf: page.anyOf,
    number: page.number,
  })),
  { path: '/map', testId: 'map', label: 'nav.map', anyOf: ['orgunits.read'], icon: 'map' },
  ...OPERATION_PAGES.map((page) => ({
    path: page.path,
    testId: testIdOf(page.path),
    label: page.title,
    anyOf: page.anyOf,
    icon: OPERATION_ICONS[page.path],
  })),
  // Leaders follow who reports late; it sits under the data page it is reached from.
  {
    path: '/data/discipline',
    testId: 'data-discipline',
    label: 'discipline.title',
    anyOf: ['indicators.read'],
    icon: 'discipline',
  },
  { path: '/admin', testId: 'admin', label: 'nav.admin', anyOf: ADMIN_PERMISSIONS, icon: 'admin' },
];

export function canSee(item: { anyOf?: Permission[] }, can: (permission: Permission) => boolean): boolean {
  return !item.anyOf || item.anyOf.some(can);
}
