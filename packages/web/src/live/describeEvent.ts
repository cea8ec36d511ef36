import type { BusEvent, EventMap, EventName } from '@ioc/shared';
import type { Lang, MessageKey, Translate } from '../i18n/index.tsx';

/** How one kind of live event is named and told in a sentence, in the UI language. */
export interface EventDescription<N extends EventName = EventName> {
  title: MessageKey;
  text(t: Translate, payload: EventMap[N], lang: Lang): string;
}

/** The events the platform or a subsystem knows how to tell; each subsystem adds its own through its descriptor. */
export type EventDescriptions = { readonly [N in EventName]?: EventDescription<N> };

const SEVERITY_KEYS: Record<EventMap['alert.raised']['severity'], MessageKey> = {
  info: 'severity.info',
  warning: 'severity.warning',
  critical: 'severity.critical',
};

export const PLATFORM_EVENTS: EventDescriptions = {
  'orgunit.updated': {
    title: 'event.orgunit.updated',
    text: (t, payload) =>
      t('event.orgunit.updated.text', { name: payload.name, code: payload.code, fields: payload.fields.join(', ') }),
  },
  'boundaries.imported': {
    title: 'event.boundaries.imported',
    text: (t, payload) =>
      t('event.boundaries.imported.text', { matched: payload.matched, unmatched: payload.unmatched.length }),
  },
  'user.updated': {
    title: 'event.user.updated',
    text: (t, payload) => t('event.user.updated.text', { username: payload.username }),
  },
  'alert.raised': {
    title: 'event.alert.raised',
    text: (t, payload, lang) =>
      t('event.alert.raised.text', {
        severity: t(SEVERITY_KEYS[payload.severity]),
        title: lang === 'en' && payload.titleEn ? payload.titleEn : payload.title,
      }),
  },
};

function descriptionOf(descriptions: EventDescriptions, event: BusEvent): EventDescription | undefined {
  return descriptions[event.name];
}

/** The event's name in words; an event nobody described keeps its technical name. */
export function eventTitle(t: Translate, event: BusEvent, descriptions: EventDescriptions): string {
  const description = descriptionOf(descriptions, event);
  return description ? t(description.title) : event.name;
}

/** One line saying what happened, in the UI language; empty for an event nobody described. */
export function describeEvent(t: Translate, event: BusEvent, lang: Lang, descriptions: EventDescriptions): string {
  return descriptionOf(descriptions, event)?.text(t, event.payload, lang) ?? '';
}
