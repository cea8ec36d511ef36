import { documents } from './documents/module.ts';
import { indicators } from './indicators/module.ts';
import { pendingSubsystem } from './pages/PendingPage.tsx';
import { disasterEn, healthPendingEn } from './pages/pending.i18n.en.ts';
import { disasterVi, healthPendingVi } from './pages/pending.i18n.vi.ts';
import { publicServices } from './publicservices/module.ts';
import type { Subsystem } from './shell/subsystem.ts';

/** The subsystems built so far. */
const BUILT: readonly Subsystem[] = [indicators, publicServices, documents];

/** What the built subsystems lend to the page of one still being built on `topic` (its path without the slash). */
const relatedTo = (topic: string) =>
  BUILT.flatMap((subsystem) => subsystem.related ?? []).filter((section) => section.topic === topic);

/**
 * The composition root: the subsystems, numbered as in the project's mission. A built subsystem is its folder's
 * descriptor; one still being built is a pending page until its folder replaces the line, showing meanwhile what the
 * built ones hold on its topic. The shell (routes, menu, administration, overview, live feed, strings) reads them
 * from here, and only from here.
 */
export const SUBSYSTEMS: readonly Subsystem[] = [
  ...BUILT,
  pendingSubsystem(4, '/health', 'health.read', 'nav.health', 'pending.health', {
    related: relatedTo('health'),
    relatedNote: 'pending.health.related',
    messages: { vi: healthPendingVi, en: healthPendingEn },
  }),
  pendingSubsystem(5, '/education', 'education.read', 'nav.education', 'pending.education'),
  pendingSubsystem(6, '/tourism', 'tourism.read', 'nav.tourism', 'pending.tourism'),
  pendingSubsystem(7, '/cameras', 'cameras.read', 'nav.cameras', 'pending.cameras'),
  // Floods and storms has no permission of its own yet: flood warnings will reach users as alerts, so who reads alerts.
  pendingSubsystem(8, '/disaster', 'alerts.read', 'nav.disaster', 'pending.disaster', {
    messages: { vi: disasterVi, en: disasterEn },
  }),
];
