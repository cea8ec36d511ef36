import type { EventMap } from '@ioc/shared';
import type { Lang, Translate } from '../i18n/index.tsx';
import type { EventDescriptions } from '../live/describeEvent.ts';
import { statusLabel } from './status.ts';

type SyncedDossier = EventMap['dossier.synced'];

/** One dossier's sentence values: the status in words, lower case inside the sentence ("trạng thái đã tiếp nhận"). */
const dossierValues = (t: Translate, dossier: SyncedDossier, lang: Lang) => ({
  code: dossier.code,
  agency: dossier.agencyName || dossier.agency,
  status: statusLabel(t, dossier.status).toLocaleLowerCase(lang),
});

/** How the live feed words synced dossiers: one, or a batch of them by its count and latest. */
export const PUBLIC_SERVICE_EVENTS: EventDescriptions = {
  'dossier.synced': {
    title: 'event.dossier.synced',
    text: (t, payload, lang) => t('event.dossier.synced.text', dossierValues(t, payload, lang)),
  },
  'dossiers.synced': {
    title: 'event.dossiers.synced',
    text: (t, payload, lang) => {
      const latest = payload.dossiers.at(-1);
      if (!latest) return '';
      if (payload.count === 1) return t('event.dossier.synced.text', dossierValues(t, latest, lang));
      return t('event.dossiers.synced.text', { count: payload.count, ...dossierValues(t, latest, lang) });
    },
  },
};
