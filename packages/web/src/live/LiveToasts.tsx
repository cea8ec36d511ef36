import type { BusEvent, EventMap } from '@ioc/shared';
import { useCallback } from 'react';
import { type ToastTone, useToast } from '../components/Toasts.tsx';
import { useI18n } from '../i18n/index.tsx';
import { alertSoundEnabled, playAlertTone } from './alertSound.ts';
import { describeEvent, eventTitle, PLATFORM_EVENTS } from './describeEvent.ts';
import { useLiveEvent } from './LiveContext.tsx';

const ALERT_TONES: Record<EventMap['alert.raised']['severity'], ToastTone> = {
  info: 'info',
  warning: 'warning',
  critical: 'danger',
};

/** Pops a toast for the events an operator should notice wherever they are in the app. */
export function LiveToasts() {
  const { t, lang } = useI18n();
  const { showToast } = useToast();

  const toast = useCallback(
    (event: BusEvent, tone: ToastTone) =>
      showToast({
        title: eventTitle(t, event, PLATFORM_EVENTS),
        text: describeEvent(t, event, lang, PLATFORM_EVENTS),
        tone,
      }),
    [showToast, t, lang],
  );

  useLiveEvent('orgunit.updated', (event) => toast(event, 'info'));
  useLiveEvent('boundaries.imported', (event) => toast(event, 'success'));
  useLiveEvent('alert.raised', (event) => {
    toast(event, ALERT_TONES[event.payload.severity] ?? 'warning');
    if (event.payload.severity === 'critical' && alertSoundEnabled()) playAlertTone();
  });
  return null;
}
