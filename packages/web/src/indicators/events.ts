import type { EventDescriptions } from '../live/describeEvent.ts';

/** How the live feed words the values a unit stored. */
export const INDICATOR_EVENTS: EventDescriptions = {
  'indicators.values': {
    title: 'event.indicators.values',
    text: (t, payload) =>
      t('event.indicators.values.text', { unit: payload.unit, periods: payload.periods.join(', ') }),
  },
};
