import { useI18n } from '../i18n/index.tsx';
import type { PlanProgress } from './assess.ts';
import { useFigures } from './useFigures.ts';

/**
 * Progress against the yearly plan: the filled share coloured by whether it is on schedule, a tick where a cumulative
 * figure should be by now (10/12 of the year in October).
 */
export function PlanBar({
  progress,
  cumulative,
  hasPlan,
}: {
  progress: PlanProgress;
  cumulative: boolean;
  /** Whether a plan is set: without one there is nothing to compare; with one, a missing month leaves no ratio. */
  hasPlan: boolean;
}) {
  const { t } = useI18n();
  const { fixed } = useFigures();
  if (progress.ratio === null) {
    return <p className="plan-line muted">{t(hasPlan ? 'indicators.plan.noYearToDate' : 'indicators.plan.none')}</p>;
  }
  const percent = progress.ratio * 100;
  const pace = progress.expected * 100;
  const label = cumulative
    ? t('indicators.plan.cumulative', { percent, pace })
    : t('indicators.plan.level', { percent });
  return (
    <div className="plan-line">
      <div className="plan-bar" role="img" aria-label={label} title={label}>
        <span
          className={`plan-bar-fill tone-bg-${progress.tone}`}
          style={{ width: `${Math.min(1, Math.max(0, progress.ratio)) * 100}%` }}
        />
        {cumulative && progress.expected < 1 && (
          <span className="plan-bar-pace" style={{ left: `${progress.expected * 100}%` }} />
        )}
      </div>
      <span className={`plan-percent tone-${progress.tone}`}>
        {fixed(percent, 1)}% <span className="muted">{t('indicators.plan.short')}</span>
      </span>
    </div>
  );
}
