import { lazyComponent } from '../shell/lazyComponent.ts';
import type { Subsystem } from '../shell/subsystem.ts';
import { PUBLIC_SERVICE_EVENTS } from './events.ts';
import { publicServicesEn } from './i18n.en.ts';
import { publicServicesVi } from './i18n.vi.ts';

/** Subsystem 2, public services: the one-stop offices' dossiers, their figures and the Decision 766 score. */
export const publicServices: Subsystem = {
  number: 2,
  routes: [
    {
      path: '/public-services',
      anyOf: ['publicservices.read'],
      page: lazyComponent(() => import('./PublicServicesPage.tsx').then((m) => m.PublicServicesPage)),
    },
  ],
  navigation: [
    {
      path: '/public-services',
      testId: 'public-services',
      label: 'nav.publicServices',
      anyOf: ['publicservices.read'],
      number: 2,
    },
  ],
  events: PUBLIC_SERVICE_EVENTS,
  messages: { vi: publicServicesVi, en: publicServicesEn },
};
