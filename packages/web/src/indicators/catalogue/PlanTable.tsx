import type { Indicator } from '@ioc/shared';
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { apiCall } from '../../api/client.ts';
import { useErrorText } from '../../api/errorText.ts';
import { useRootUnit } from '../../auth/AuthContext.tsx';
import { matchesSearch } from '../../components/search.ts';
import { useToast } from '../../components/Toasts.tsx';
import { localName, type MessageKey, useI18n } from '../../i18n/index.tsx';
import { formatForInput } from '../data/valueChecks.ts';
import { unitLabel } from '../unitLabels.ts';
import { changedPlans, type PlanProblem, type PlanRow, sortPlanRows } from './plans.ts';

type RowResult = { status: 'saving' } | { status: 'saved' } | { status: 'failed'; message: string };

const PROBLEM_TEXT: Record<PlanProblem, MessageKey> = {
  type: 'catalogue.numberInvalid',
  ambiguous: 'catalogue.numberAmbiguous',
  cleared: 'catalogue.plan.cannotClear',
};

interface PlanTableProps {
  indicator: Indicator;
  year: number;
  rows: readonly PlanRow[];
  cumulative: boolean;
  /** What has been typed and not saved yet, by unit id. */
  drafts: Readonly<Record<string, string>>;
  onDraftsChange(update: (drafts: Record<string, string>) => Record<string, string>): void;
  onSaved(unit: string, value: number): void;
}

/**
 * The yearly plans of the province and its communes for one indicator, editable in place. Saving sends the changed rows
 * one by one (there is one audited write per plan), with a progress bar and each row's outcome beside it.
 */
export function PlanTable({ indicator, year, rows, cumulative, drafts, onDraftsChange, onSaved }: PlanTableProps) {
  const { t, lang, fmt } = useI18n();
  const root = useRootUnit().code;
  const errorText = useErrorText();
  const { showToast } = useToast();
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const [filter, setFilter] = useState('');
  const [results, setResults] = useState<Record<string, RowResult>>({});
  const [progress, setProgress] = useState<{ done: number; total: number; failed: number } | null>(null);
  const saving = progress !== null && progress.done < progress.total;

  const sorted = useMemo(() => sortPlanRows(rows, root), [rows, root]);
  const visible = sorted.filter(
    (row) => row.unit === root || matchesSearch(`${row.name} ${row.nameEn} ${row.unit}`, filter),
  );
  const { changes, problems } = useMemo(() => changedPlans(rows, drafts, lang), [rows, drafts, lang]);
  const changed = new Set(changes.map((change) => change.unit));
  const unit = unitLabel(indicator.unit, lang);
  const communesTotal = rows.reduce((sum, row) => (row.unit === root ? sum : sum + (row.saved ?? 0)), 0);
  const provincePlan = rows.find((row) => row.unit === root)?.saved ?? null;

  const shown = (row: PlanRow) => drafts[row.unit] ?? (row.saved === null ? '' : formatForInput(row.saved, lang));

  const setDraft = (unitId: string, value: string) => {
    onDraftsChange((current) => ({ ...current, [unitId]: value }));
    setResults(({ [unitId]: _old, ...rest }) => rest);
  };

  // Enter moves down the column, as in a spreadsheet; Shift+Enter moves up.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, index: number) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const next = visible[index + (event.shiftKey ? -1 : 1)];
    if (next) inputs.current.get(next.unit)?.focus();
  };

  const save = async () => {
    if (changes.length === 0 || problems.size > 0) return;
    let failed = 0;
    setProgress({ done: 0, total: changes.length, failed: 0 });
    setResults({});
    for (const [index, change] of changes.entries()) {
      setResults((current) => ({ ...current, [change.unit]: { status: 'saving' } }));
      try {
        const saved = await apiCall('PUT /api/v1/indicators/:code/targets/:unit/:year', {
          params: { code: indicator.code, unit: change.unit, year },
          body: { value: change.value },
        });
        onSaved(change.unit, saved.value);
        onDraftsChange(({ [change.unit]: _sent, ...rest }) => rest);
        setResults((current) => ({ ...current, [change.unit]: { status: 'saved' } }));
      } catch (cause) {
        failed++;
        setResults((current) => ({ ...current, [change.unit]: { status: 'failed', message: errorText(cause) } }));
      }
      setProgress({ done: index + 1, total: changes.length, failed });
    }
    showToast(
      failed === 0
        ? {
            title: t('catalogue.plan.savedTitle'),
            text: t('catalogue.plan.savedAll', { count: changes.length }),
            tone: 'success',
          }
        : {
            title: t('common.failed'),
            text: t('catalogue.plan.savedSome', { saved: changes.length - failed, failed }),
            tone: 'danger',
          },
    );
  };

  const status = (row: PlanRow) => {
    const problem = problems.get(row.unit);
    if (problem) return <span className="field-error">{t(PROBLEM_TEXT[problem])}</span>;
    const result = results[row.unit];
    if (result?.status === 'saving') return <span className="muted">{t('common.saving')}</span>;
    if (result?.status === 'saved') return <span className="plan-saved">✓ {t('catalogue.plan.saved')}</span>;
    if (result?.status === 'failed') return <span className="field-error">{result.message}</span>;
    if (changed.has(row.unit)) return <span className="badge badge-warning">{t('catalogue.plan.changed')}</span>;
    return null;
  };

  return (
    <div className="plan-table">
      <div className="plan-actions">
        <input
          type="search"
          className="toolbar-search"
          placeholder={t('common.filter')}
          aria-label={t('catalogue.plan.filter')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
        <span className="spacer" />
        {changes.length > 0 && !saving && (
          <button type="button" className="button" onClick={() => onDraftsChange(() => ({}))}>
            {t('catalogue.plan.discard')}
          </button>
        )}
        <button
          type="button"
          className="button button-primary"
          disabled={saving || changes.length === 0 || problems.size > 0}
          onClick={save}
          data-testid="plan-save"
        >
          {saving
            ? t('common.saving')
            : changes.length === 0
              ? t('catalogue.plan.saveNone')
              : t('catalogue.plan.save', { count: changes.length })}
        </button>
      </div>
      {problems.size > 0 && (
        <p className="notice notice-warning" role="status">
          {t('catalogue.plan.fixFirst', { count: problems.size })}
        </p>
      )}
      {progress && (
        <div className="progress" role="status" aria-live="polite" data-testid="plan-progress">
          <progress value={progress.done} max={progress.total} aria-label={t('catalogue.plan.progress')} />
          <span>
            {t('catalogue.plan.progressText', { done: progress.done, total: progress.total })}
            {progress.failed > 0 && ` · ${t('catalogue.plan.failedCount', { count: progress.failed })}`}
          </span>
        </div>
      )}
      <div className="table-wrap">
        <table className="table catalogue-table plan-grid" data-testid="plan-table">
          <caption className="visually-hidden">
            {t('catalogue.plan.caption', { name: localName(lang, indicator.name, indicator.nameEn), year })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('catalogue.plan.unit')}</th>
              <th scope="col" className="numeric">
                {t('catalogue.plan.current', { year })}
                {unit && <span className="plan-unit"> ({unit})</span>}
              </th>
              <th scope="col">{t('catalogue.plan.new')}</th>
              <th scope="col">{t('catalogue.plan.result')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((row, index) => (
              <tr
                key={row.unit}
                className={row.unit === root ? 'plan-province' : undefined}
                data-testid={`plan-row-${row.unit}`}
              >
                <th scope="row">
                  {localName(lang, row.name, row.nameEn)}
                  <code className="muted small"> {row.unit}</code>
                </th>
                <td className="numeric">{row.saved === null ? '—' : fmt.number(row.saved, indicator.decimals)}</td>
                <td>
                  <input
                    ref={(element) => {
                      if (element) inputs.current.set(row.unit, element);
                      else inputs.current.delete(row.unit);
                    }}
                    className="plan-input"
                    inputMode="decimal"
                    value={shown(row)}
                    onChange={(event) => setDraft(row.unit, event.target.value)}
                    onKeyDown={(event) => onKeyDown(event, index)}
                    disabled={saving}
                    aria-invalid={problems.has(row.unit) ? true : undefined}
                    aria-label={t('catalogue.plan.inputLabel', { unit: localName(lang, row.name, row.nameEn), year })}
                    data-testid={`plan-input-${row.unit}`}
                  />
                </td>
                <td>{status(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cumulative && (
        <p className="muted small">
          {t('catalogue.plan.communesTotal', {
            total: fmt.number(communesTotal, indicator.decimals),
            province: provincePlan === null ? '—' : fmt.number(provincePlan, indicator.decimals),
          })}
        </p>
      )}
    </div>
  );
}
