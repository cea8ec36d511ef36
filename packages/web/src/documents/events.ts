import type { EventDescriptions } from '../live/describeEvent.ts';
import { stateLabel } from './tasks/format.ts';
import { EVENT_KINDS, isEventKind } from './tasks/timeline.ts';

/** How the live feed words a changed task and a registered document. */
export const DOCUMENT_EVENTS: EventDescriptions = {
  'task.updated': {
    title: 'event.task.updated',
    text: (t, payload, lang) =>
      t('event.task.updated.text', {
        id: payload.id,
        unit: payload.leadUnit,
        what: isEventKind(payload.kind) ? t(EVENT_KINDS[payload.kind].label) : payload.kind,
        state: stateLabel(t, payload.state).toLocaleLowerCase(lang),
      }),
  },
  'document.registered': {
    title: 'event.document.registered',
    text: (t, payload) =>
      t(
        payload.direction === 'incoming' ? 'event.document.registered.incoming' : 'event.document.registered.outgoing',
        { label: payload.label },
      ),
  },
};
