import { useMemo } from 'react';
import { useAgencyName } from '../api/agencies.ts';
import type { ApiQueryResult } from '../api/queries.ts';
import { localDay } from '../calendar/days.ts';
import { formatPeriod, formatPeriodShort } from '../calendar/periods.ts';
import { useChart } from '../charts/useChart.ts';
import { useThemeColours } from '../charts/useThemeColours.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { useI18n } from '../i18n/index.tsx';
import { documentColours } from './chartColours.ts';
import { buildDocumentMonthsOption, fillMonths, periodOfMonth, topOrgans } from './summaryOption.ts';

const TOP_ORGANS = 8;

/** Documents in and out this year, month by month, and the agencies exchanging the most with the province. */
export function SummaryCard({ summary }: { summary: ApiQueryResult<'GET /api/v1/documents/summary'> }) {
  const { t, lang, fmt } = useI18n();
  const agencyName = useAgencyName();
  const colours = useThemeColours(documentColours);
  const data = summary.data;
  const option = useMemo(() => {
    if (!data) return null;
    return buildDocumentMonthsOption({
      months: fillMonths(data.byMonth, data.from, data.to, localDay(new Date())),
      shortLabel: (month) => formatPeriodShort(periodOfMonth(month), lang),
      longLabel: (month) => formatPeriod(periodOfMonth(month), lang),
      count: fmt.count,
      text: { incoming: t('doc.incoming'), outgoing: t('doc.outgoing') },
      colours,
    });
  }, [data, lang, t, colours, fmt]);
  const chart = useChart(option);
  const organs = useMemo(() => (data ? topOrgans(data.byOrgan, TOP_ORGANS) : []), [data]);

  return (
    <section className="card doc-summary-card" aria-labelledby="doc-summary-title" data-testid="documents-summary">
      <header className="card-header">
        <div>
          <h2 id="doc-summary-title">{t('doc.summary.title')}</h2>
          <p className="muted small">
            {data ? t('doc.summary.subtitle', { from: new Date(data.from), to: new Date(data.to) }) : '…'}
          </p>
        </div>
        {data && (
          <p className="doc-summary-totals">
            <span data-testid="documents-summary-incoming" data-value={data.incoming}>
              <strong>{fmt.count(data.incoming)}</strong> {t('doc.summary.incoming')}
            </span>
            <span data-testid="documents-summary-outgoing" data-value={data.outgoing}>
              <strong>{fmt.count(data.outgoing)}</strong> {t('doc.summary.outgoing')}
            </span>
          </p>
        )}
      </header>
      {summary.error !== null && <ErrorNotice error={summary.error} onRetry={summary.refetch} />}
      {summary.isLoading && <LoadingBlock />}
      <div className="doc-summary-grid">
        <div ref={chart} className="doc-summary-chart" role="img" aria-label={t('doc.summary.chart')} hidden={!data} />
        {data && (
          <div className="doc-organs">
            <h3>{t('doc.summary.organs')}</h3>
            {organs.length === 0 ? (
              <p className="muted small">{t('doc.summary.noOrgans')}</p>
            ) : (
              <table className="table doc-organs-table">
                <caption className="visually-hidden">{t('doc.summary.organs')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('doc.summary.organ')}</th>
                    <th scope="col" className="num">
                      {t('doc.summary.in')}
                    </th>
                    <th scope="col" className="num">
                      {t('doc.summary.out')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {organs.map((organ) => (
                    <tr key={organ.organName}>
                      <th scope="row">{agencyName({ name: organ.organName })}</th>
                      <td className="num">{fmt.count(organ.incoming)}</td>
                      <td className="num">{fmt.count(organ.outgoing)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
