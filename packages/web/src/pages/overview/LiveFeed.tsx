import { useI18n } from '../../i18n/index.tsx';
import { describeEvent, type EventDescriptions, eventTitle, PLATFORM_EVENTS } from '../../live/describeEvent.ts';
import { useLive } from '../../live/LiveContext.tsx';
import { SUBSYSTEMS } from '../../modules.ts';

/** The platform's events and each subsystem's, worded as their descriptors say. */
const EVENTS: EventDescriptions = Object.assign(
  {},
  PLATFORM_EVENTS,
  ...SUBSYSTEMS.map((subsystem) => subsystem.events ?? {}),
);

export function LiveFeed() {
  const { t, fmt, lang } = useI18n();
  const { recent } = useLive();
  return (
    <section className="card live-feed-card" aria-labelledby="live-feed-title">
      <h2 id="live-feed-title">{t('overview.feed.title')}</h2>
      <ol className="live-feed" data-testid="live-feed" aria-live="polite">
        {recent.map((event) => (
          <li key={event.seq} data-event={event.name}>
            <time dateTime={event.at}>{fmt.time(event.at)}</time>
            <div>
              <strong>{eventTitle(t, event, EVENTS)}</strong>
              <span>{describeEvent(t, event, lang, EVENTS)}</span>
            </div>
          </li>
        ))}
      </ol>
      {recent.length === 0 && <p className="muted">{t('overview.feed.empty')}</p>}
    </section>
  );
}
