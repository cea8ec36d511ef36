import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { updateQueries, useApiQuery } from '../../api/queries.ts';
import { useRootUnit } from '../../auth/AuthContext.tsx';
import { localDay } from '../../calendar/days.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { FieldShell } from '../../components/Field.tsx';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { cumulativeCodes } from '../catalogue.ts';
import { IndicatorPicker } from '../IndicatorPicker.tsx';
import { PlanTable } from './PlanTable.tsx';
import type { PlanRow } from './plans.ts';
import { SectionToolbar } from './SectionToolbar.tsx';

/** Plans are set for this year and the next; earlier years can still be corrected. */
const YEARS_BACK = 2;
const YEARS_AHEAD = 2;

export function PlansSection() {
  const { t } = useI18n();
  const root = useRootUnit();
  const yearId = useId();
  const queryClient = useQueryClient();
  const indicators = useApiQuery('GET /api/v1/indicators');
  const thisYear = Number(localDay(new Date()).slice(0, 4));
  const [chosen, setChosen] = useState<string | null>(null);
  const [year, setYear] = useState(thisYear);
  // Typed plans are kept per indicator and year, so looking at another indicator does not lose them.
  const [drafts, setDrafts] = useState<Record<string, Record<string, string>>>({});
  const code = chosen ?? indicators.data?.[0]?.code ?? null;
  const indicator = indicators.data?.find((item) => item.code === code) ?? null;

  const rankingRequest = code ? { query: { code, period: String(year) } } : null;
  const provinceRequest = code ? { query: { codes: code, unit: root.code, period: String(year) } } : null;
  const ranking = useApiQuery('GET /api/v1/indicator-ranking', rankingRequest);
  const province = useApiQuery('GET /api/v1/indicator-values', provinceRequest);

  const cumulative = useMemo(() => cumulativeCodes(indicators.data ?? []), [indicators.data]);

  const rows = useMemo<PlanRow[] | null>(() => {
    if (!ranking.data || !province.data) return null;
    const provinceTarget = province.data.values.find((value) => value.code === code)?.target ?? null;
    return [
      { unit: root.code, name: root.name, nameEn: root.nameEn ?? root.name, saved: provinceTarget },
      ...ranking.data.rows.map((row) => ({ unit: row.unit, name: row.name, nameEn: row.nameEn, saved: row.target })),
    ];
  }, [ranking.data, province.data, code, root]);

  const years = Array.from({ length: YEARS_BACK + YEARS_AHEAD + 1 }, (_, i) => thisYear - YEARS_BACK + i);
  const error = indicators.error ?? ranking.error ?? province.error;

  const onSaved = (unit: string, value: number) => {
    if (unit === root.code && provinceRequest) {
      const setTarget = <T extends { code: string; target: number | null }>(item: T): T =>
        item.code === code ? { ...item, target: value } : item;
      updateQueries(
        queryClient,
        'GET /api/v1/indicator-values',
        (current) => current && { ...current, values: current.values.map(setTarget) },
        provinceRequest,
      );
    } else if (rankingRequest) {
      updateQueries(
        queryClient,
        'GET /api/v1/indicator-ranking',
        (current) =>
          current && {
            ...current,
            rows: current.rows.map((row) => (row.unit === unit ? { ...row, target: value } : row)),
          },
        rankingRequest,
      );
    }
  };

  return (
    <section aria-labelledby="catalogue-plans-title">
      <SectionToolbar
        titleId="catalogue-plans-title"
        title={t('catalogue.section.plans')}
        intro={t('catalogue.plan.intro')}
      />
      <div className="plan-controls">
        {indicators.data && (
          <IndicatorPicker indicators={indicators.data} headlines={[]} value={code} onChange={setChosen} />
        )}
        <FieldShell id={yearId} label={t('catalogue.plan.year')}>
          <select
            id={yearId}
            value={year}
            onChange={(event) => setYear(Number(event.target.value))}
            data-testid="plan-year"
          >
            {years.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </FieldShell>
      </div>
      {indicator && (
        <p className="muted small plan-kind">
          {cumulative.has(indicator.code) ? t('catalogue.plan.cumulative') : t('catalogue.plan.level')}
        </p>
      )}
      {error !== null && (
        <ErrorNotice
          error={error}
          onRetry={() => {
            void indicators.refetch();
            void ranking.refetch();
            void province.refetch();
          }}
        />
      )}
      {error === null && (!rows || !indicator) && <LoadingBlock />}
      {rows && indicator && (
        <PlanTable
          key={`${indicator.code}-${year}`}
          indicator={indicator}
          year={year}
          rows={rows}
          cumulative={cumulative.has(indicator.code)}
          drafts={drafts[`${indicator.code}-${year}`] ?? {}}
          onDraftsChange={(update) =>
            setDrafts((all) => ({
              ...all,
              [`${indicator.code}-${year}`]: update(all[`${indicator.code}-${year}`] ?? {}),
            }))
          }
          onSaved={onSaved}
        />
      )}
    </section>
  );
}
