import type { BusEvent, EventMap, EventName } from '@ioc/shared';
import { stateLabel } from '../direction/format.ts';
import { EVENT_KINDS, isEventKind } from '../direction/timeline.ts';
import type { MessageKey, Translate } from '../i18n/index.tsx';
import { statusLabel } from '../publicservices/status.ts';

export const EVENT_TITLE_KEYS: Record<EventName, MessageKey> = {
  'orgunit.updated': 'event.orgunit.updated',
  'boundaries.imported': 'event.boundaries.imported',
  'user.updated': 'event.user.updated',
  'alert.raised': 'event.alert.raised',
  'indicators.values': 'event.indicators.values',
  'dossier.synced': 'event.dossier.synced',
  'task.updated': 'event.task.updated',
  'document.registered': 'event.document.registered',
};

const SEVERITY_KEYS: Record<EventMap['alert.raised']['severity'], MessageKey> = {
  info: 'severity.info',
  warning: 'severity.warning',
  critical: 'severity.critical',
};

/** One line saying what happened, in the UI language. */
export function describeEvent(t: Translate, event: BusEvent, lang: 'vi' | 'en' = 'vi'): string {
  switch (event.name) {
    case 'orgunit.updated': {
      const payload = event.payload as EventMap['orgunit.updated'];
      return t('event.orgunit.updated.text', {
        name: payload.name,
        code: payload.code,
        fields: payload.fields.join(', '),
      });
    }
    case 'boundaries.imported': {
      const payload = event.payload as EventMap['boundaries.imported'];
      return t('event.boundaries.imported.text', { matched: payload.matched, unmatched: payload.unmatched.length });
    }
    case 'user.updated': {
      const payload = event.payload as EventMap['user.updated'];
      return t('event.user.updated.text', { username: payload.username });
    }
    case 'alert.raised': {
      const payload = event.payload as EventMap['alert.raised'];
      const title = lang === 'en' && payload.titleEn ? payload.titleEn : payload.title;
      return t('event.alert.raised.text', { severity: t(SEVERITY_KEYS[payload.severity]), title });
    }
    case 'dossier.synced': {
      const payload = event.payload as EventMap['dossier.synced'];
      // The status in words, lower case inside the sentence ("trạng thái đã tiếp nhận").
      const status = statusLabel(t, payload.status).toLocaleLowerCase(lang);
      return t('event.dossier.synced.text', {
        code: payload.code,
        agency: payload.agencyName || payload.agency,
        status,
      });
    }
    case 'indicators.values': {
      const payload = event.payload as EventMap['indicators.values'];
      return t('event.indicators.values.text', { unit: payload.unit, periods: payload.periods.join(', ') });
    }
    case 'task.updated': {
      const payload = event.payload as EventMap['task.updated'];
      const what = isEventKind(payload.kind) ? t(EVENT_KINDS[payload.kind].label) : payload.kind;
      return t('event.task.updated.text', {
        id: payload.id,
        unit: payload.leadUnit,
        what,
        state: stateLabel(t, payload.state).toLocaleLowerCase(lang),
      });
    }
    case 'document.registered': {
      const payload = event.payload as EventMap['document.registered'];
      return t(
        payload.direction === 'incoming' ? 'event.document.registered.incoming' : 'event.document.registered.outgoing',
        { label: payload.label },
      );
    }
  }
}
