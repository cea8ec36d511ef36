import { documents } from './documents/module.ts';
import { indicators } from './indicators/module.ts';
import { pendingSubsystem } from './pages/PendingPage.tsx';
import { publicServices } from './publicservices/module.ts';
import type { Subsystem } from './shell/subsystem.ts';

/**
 * The composition root: the subsystems, numbered as in the project's mission. A built subsystem is its folder's
 * descriptor; one still being built is a pending page until its folder replaces the line. The shell (routes, menu,
 * administration, overview, live feed, strings) reads them from here, and only from here.
 */
export const SUBSYSTEMS: readonly Subsystem[] = [
  indicators,
  publicServices,
  documents,
  pendingSubsystem(4, '/health', 'health.read', 'nav.health', 'pending.health'),
  pendingSubsystem(5, '/education', 'education.read', 'nav.education', 'pending.education'),
  pendingSubsystem(6, '/tourism', 'tourism.read', 'nav.tourism', 'pending.tourism'),
  pendingSubsystem(7, '/cameras', 'cameras.read', 'nav.cameras', 'pending.cameras'),
];
