import { Link, useNavigate } from 'react-router';
import { formatPeriod } from '../../calendar/periods.ts';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { type MessageKey, useI18n } from '../../i18n/index.tsx';
import type { OverviewScope } from '../../shell/subsystem.ts';
import { KpiCard } from '../KpiCard.tsx';
import { selectionSearch } from '../selection.ts';
import { type Pick, useHeadlines } from './useHeadlines.ts';
import './HeadlineKpis.css';

interface HeadlineKpisProps extends OverviewScope {
  /** Another set of cards than the headlines (the health page's), with its own title and test id. */
  topic?: { pick: Pick; title: MessageKey; testId: string };
}

/** The indicators page's headline cards for the unit at its latest month with data; a card opens that indicator. */
export function HeadlineKpis({ unit, unitName, month, topic }: HeadlineKpisProps) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  // The province for a leader, their own commune for a commune officer (the province is out of their scope).
  const headlines = useHeadlines(unit, month, topic?.pick);
  const testId = topic?.testId ?? 'overview-kpis';
  const { status, period } = headlines;
  // Someone who may read indicators but not this unit's: nothing to show, and nothing to apologise for.
  if (status === 'forbidden') return null;

  return (
    <section
      className="overview-section overview-kpis"
      aria-labelledby="overview-kpis-title"
      data-testid={testId}
      data-period={period ?? undefined}
    >
      <header className="overview-section-head">
        <h2 id="overview-kpis-title">
          {t(topic?.title ?? 'overview.kpis.title')}
          <span className="overview-context">
            {unitName}
            {period && ` · ${formatPeriod(period, lang)}`}
          </span>
        </h2>
        <Link to="/indicators" className="overview-more">
          {t('overview.kpis.all')}
        </Link>
      </header>
      {status === 'loading' && <LoadingBlock />}
      {status === 'failed' && (
        <p className="overview-quiet">
          {t('overview.kpis.failed')}{' '}
          <button type="button" className="button button-small" onClick={headlines.retry}>
            {t('common.retry')}
          </button>
        </p>
      )}
      {status === 'empty' && (
        <p className="overview-quiet" data-testid={`${testId}-empty`}>
          {t('overview.kpis.empty')}
        </p>
      )}
      {status === 'ready' && period && (
        <div className="kpi-strip overview-kpi-strip">
          {headlines.indicators.map((indicator) => (
            <KpiCard
              key={indicator.code}
              indicator={indicator}
              unit={unit}
              period={period}
              frequency={headlines.frequencies.get(indicator.code) ?? 'month'}
              latestMonth={headlines.latestMonth}
              cumulative={headlines.cumulative.has(indicator.code)}
              selected={false}
              onSelect={(code) => navigate(`/indicators${selectionSearch({ code, unit, period })}`)}
            />
          ))}
        </div>
      )}
    </section>
  );
}
