import { formatPeriod } from '../../calendar/periods.ts';
import { useI18n } from '../../i18n/index.tsx';
import { describeDeadline, describeLock, exampleSchedule, type ReportSchedule } from './deadline.ts';

/** The deadline and the lock in words, with the dates they fall on for the period running now. */
export function ScheduleText({ schedule, part }: { schedule: ReportSchedule; part: 'deadline' | 'lock' }) {
  const { t, lang } = useI18n();
  const example = exampleSchedule(schedule, new Date());
  const words = part === 'deadline' ? describeDeadline(schedule, t) : describeLock(schedule, t);
  const sentence = words.charAt(0).toLocaleUpperCase(lang) + words.slice(1);
  const at = part === 'deadline' ? example?.deadline : example?.lock;
  return (
    <>
      {sentence}
      {example && at && (
        <div className="muted small">
          {t('catalogue.dataSet.example', {
            period: formatPeriod(example.period.id, lang, 'arabic'),
            at,
          })}
        </div>
      )}
    </>
  );
}
