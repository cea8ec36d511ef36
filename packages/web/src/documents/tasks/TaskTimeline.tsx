import type { TaskEvent } from '@ioc/shared';
import { useI18n } from '../../i18n/index.tsx';
import { fileUrl } from '../format.ts';
import { STATE_TONES } from './format.ts';
import { EVENT_KINDS, eventHeadline, isEventKind } from './timeline.ts';

/** What happened to the task, newest first: reports with their progress and files, extensions, reminders, notes. */
export function TaskTimeline({ events }: { events: readonly TaskEvent[] }) {
  const { t, lang, fmt } = useI18n();
  const newestFirst = [...events].reverse();
  return (
    <section className="dir-timeline-section" aria-labelledby="task-timeline-title">
      <h3 id="task-timeline-title">{t('task.timeline')}</h3>
      {newestFirst.length === 0 ? (
        <p className="muted">{t('task.timelineEmpty')}</p>
      ) : (
        <ol className="dir-timeline" data-testid="task-timeline">
          {newestFirst.map((event) => {
            const tone = isEventKind(event.kind) ? EVENT_KINDS[event.kind].tone : STATE_TONES.in_progress;
            return (
              <li
                key={event.id}
                className={`dir-event dir-event-${tone}`}
                data-testid={`task-event-${event.id}`}
                data-kind={event.kind}
              >
                <span className="dir-event-dot" aria-hidden="true" />
                <div className="dir-event-body">
                  <p className="dir-event-head">
                    <strong>{eventHeadline(t, event)}</strong>
                    <time dateTime={event.at} className="muted small">
                      {fmt.dateTime(event.at)}
                    </time>
                  </p>
                  <p className="muted small">
                    {event.actor}
                    {event.unit &&
                      event.unit.name !== event.actor &&
                      ` · ${lang === 'en' ? event.unit.nameEn : event.unit.name}`}
                  </p>
                  {event.text && <p className="dir-event-text">{event.text}</p>}
                  {event.files.length > 0 && (
                    <ul className="dir-files">
                      {event.files.map((file) => (
                        <li key={file.id}>
                          <a href={fileUrl(file.id)} download={file.name}>
                            {file.name}
                          </a>{' '}
                          <span className="muted small">{fmt.fileSize(file.size)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
