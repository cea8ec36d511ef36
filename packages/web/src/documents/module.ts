import { lazyComponent } from '../shell/lazyComponent.ts';
import type { Subsystem } from '../shell/subsystem.ts';
import { DOCUMENT_EVENTS } from './events.ts';
import { documentsEn } from './i18n.en.ts';
import { documentsVi } from './i18n.vi.ts';
import { tasksEn } from './tasks/i18n.en.ts';
import { tasksVi } from './tasks/i18n.vi.ts';

/** Subsystem 3, documents and directed tasks: the registers, and the tasks leaders give to departments and communes. */
export const documents: Subsystem = {
  number: 3,
  routes: [
    {
      path: '/documents',
      anyOf: ['documents.read'],
      page: lazyComponent(() => import('./DocumentsPage.tsx').then((m) => m.DocumentsPage)),
      panels: [
        {
          path: ':documentId',
          panel: lazyComponent(() => import('./DocumentDrawer.tsx').then((m) => m.DocumentDrawer)),
        },
      ],
    },
    {
      // There is no tasks.read: directed tasks belong to subsystem 3 (documents and tasks).
      path: '/direction',
      anyOf: ['documents.read'],
      page: lazyComponent(() => import('./tasks/DirectionPage.tsx').then((m) => m.DirectionPage)),
      panels: [
        {
          path: 'tasks/:taskId',
          panel: lazyComponent(() => import('./tasks/TaskDrawer.tsx').then((m) => m.TaskDrawer)),
        },
      ],
    },
  ],
  redirects: [{ path: '/tasks', to: '/direction' }],
  navigation: [
    { path: '/documents', testId: 'documents', label: 'nav.documents', anyOf: ['documents.read'], number: 3 },
    {
      path: '/direction',
      testId: 'direction',
      label: 'nav.direction',
      anyOf: ['documents.read'],
      icon: 'tasks',
      order: 30,
    },
  ],
  overview: [
    {
      id: 'documents-tasks',
      place: 'summary',
      anyOf: ['documents.read'],
      Component: lazyComponent(() => import('./tasks/TaskOverview.tsx').then((m) => m.TaskOverview)),
    },
  ],
  events: DOCUMENT_EVENTS,
  messages: { vi: { ...documentsVi, ...tasksVi }, en: { ...documentsEn, ...tasksEn } },
};
