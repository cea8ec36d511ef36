import type { EventDescriptions } from '../live/describeEvent.ts';
import { statusLabel } from './status.ts';

/** How the live feed words a synced dossier. */
export const PUBLIC_SERVICE_EVENTS: EventDescriptions = {
  'dossier.synced': {
    title: 'event.dossier.synced',
    text: (t, payload, lang) =>
      t('event.dossier.synced.text', {
        code: payload.code,
        agency: payload.agencyName || payload.agency,
        // The status in words, lower case inside the sentence ("trạng thái đã tiếp nhận").
        status: statusLabel(t, payload.status).toLocaleLowerCase(lang),
      }),
  },
};
