import type { DataEntryForm, DataSet, EntryValue, ValuesBatchResult } from '@ioc/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { ApiError, apiCall } from '../../api/client.ts';
import { describeFieldError } from '../../api/errorMessages.ts';
import { apiKey, readNow, refreshQueries, useApiQuery } from '../../api/queries.ts';
import { useAuth } from '../../auth/AuthContext.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { localName, useI18n } from '../../i18n/index.tsx';
import { unitLabel } from '../unitLabels.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { optionName } from './categoryOptions.ts';
import { EntryInput } from './EntryInput.tsx';
import { EntryStatus } from './EntryStatus.tsx';
import {
  type Conflict,
  cellKey,
  conflictsOf,
  type MappedErrors,
  mapEntryErrors,
  type SentValue,
} from './entryErrors.ts';
import { SaveResult } from './SaveResult.tsx';
import { useValueWording } from './useValueWording.ts';
import { checkValue, formatForInput, type ValueProblem } from './valueChecks.ts';

type Element = DataEntryForm['elements'][number];

interface EntryFormProps {
  dataSet: DataSet;
  unit: string;
  period: string;
  onDirtyChange(dirty: boolean): void;
}

const NO_ERRORS: MappedErrors = { cells: new Map(), form: [] };

/** The cells of an element: its total, then one per category option. */
function cellsOf(element: Element): { key: string; category: string }[] {
  return [
    { key: element.code, category: '' },
    ...element.categories.map((category) => ({ key: cellKey(element.code, category), category })),
  ];
}

/**
 * One data set's form for a unit and period. Only the cells the officer changed are sent, so a value someone else
 * stored meanwhile in another cell is left alone; one they stored in a changed cell comes back as a conflict to settle.
 */
export function EntryForm({ dataSet, unit, period, onDirtyChange }: EntryFormProps) {
  const { t, lang, fmt } = useI18n();
  const { can } = useAuth();
  const idPrefix = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const queryClient = useQueryClient();
  const request = { query: { dataSet: dataSet.code, unit, period } };
  const form = useApiQuery('GET /api/v1/data-entry', request);
  const violations = useApiQuery(
    'GET /api/v1/validation-violations',
    can('indicators.read') ? { query: { dataSet: dataSet.code, period, parent: unit } } : null,
  );
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [serverErrors, setServerErrors] = useState<MappedErrors>(NO_ERRORS);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [result, setResult] = useState<ValuesBatchResult | null>(null);
  const [notice, setNotice] = useState<'noChanges' | 'invalid' | null>(null);
  const [saving, setSaving] = useState(false);
  const wording = useValueWording();

  const data = form.data;
  const elements = data?.elements ?? [];
  const stored = useMemo(() => {
    const map = new Map<string, EntryValue>();
    for (const value of data?.values ?? []) map.set(cellKey(value.element, value.category), value);
    return map;
  }, [data]);
  const elementOf = useMemo(() => new Map(elements.map((element) => [element.code, element])), [elements]);

  const textOf = (key: string) => {
    const draft = drafts[key];
    if (draft !== undefined) return draft;
    const value = stored.get(key);
    return value ? formatForInput(value.value, lang) : '';
  };

  // What the drafts amount to: the changed cells to send, and the cells that cannot be sent as typed.
  const { changes, changed, problems } = useMemo(() => {
    const changes: SentValue[] = [];
    const changed = new Set<string>();
    const problems = new Map<string, ValueProblem>();
    for (const [key, text] of Object.entries(drafts)) {
      const [code = '', category = ''] = key.split('.');
      const element = elementOf.get(code);
      if (!element) continue;
      const checked = checkValue(text, element, lang);
      if ('problem' in checked) {
        problems.set(key, checked.problem);
        continue;
      }
      if (checked.value !== (stored.get(key)?.value ?? null)) {
        changed.add(key);
        changes.push(
          category ? { element: code, category, value: checked.value } : { element: code, value: checked.value },
        );
      }
    }
    return { changes, changed, problems };
  }, [drafts, elementOf, stored, lang]);

  const dirty = changes.length > 0 || problems.size > 0;
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange(false), [onDirtyChange]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const inputs = () => [...(tableRef.current?.querySelectorAll<HTMLInputElement>('input[data-entry-cell]') ?? [])];

  const edit = (key: string, text: string) => {
    setDrafts((current) => ({ ...current, [key]: text }));
    setNotice(null);
    if (serverErrors.cells.has(key)) {
      setServerErrors((current) => {
        const cells = new Map(current.cells);
        cells.delete(key);
        return { ...current, cells };
      });
    }
  };

  const save = async (loadedAt: string | undefined = data?.loadedAt) => {
    if (!loadedAt || saving) return;
    setNotice(null);
    setResult(null);
    setFailure(null);
    if (problems.size > 0) {
      setTouched(new Set(Object.keys(drafts)));
      setNotice('invalid');
      const first = inputs().find((input) => problems.has(input.dataset.entryCell ?? ''));
      first?.focus();
      return;
    }
    if (changes.length === 0) {
      setNotice('noChanges');
      return;
    }
    const sent = changes;
    setSaving(true);
    setServerErrors(NO_ERRORS);
    setConflicts([]);
    try {
      const outcome = await apiCall('POST /api/v1/data-entry', {
        body: { dataSet: dataSet.code, unit, period, loadedAt, values: sent },
      });
      // The stored form comes back first, so the saved notice never stands over the status from before the save.
      await refreshQueries(queryClient, [
        apiKey('GET /api/v1/data-entry', request),
        'GET /api/v1/validation-violations',
      ]);
      setResult(outcome);
      setDrafts({});
      setTouched(new Set());
    } catch (cause) {
      const details = cause instanceof ApiError ? cause.fieldErrors : [];
      const found = cause instanceof ApiError && cause.code === 'CONFLICT' ? conflictsOf(details, sent) : [];
      if (found.length > 0) {
        setConflicts(found);
      } else if (details.length > 0) {
        const mapped = mapEntryErrors(details, sent);
        setServerErrors(mapped);
        const first = inputs().find((input) => mapped.cells.has(input.dataset.entryCell ?? ''));
        first?.focus();
      } else {
        setFailure(cause);
      }
    } finally {
      setSaving(false);
    }
  };

  /** Their values win in the conflicting cells; the officer's other changes stay. */
  const takeTheirs = () => {
    const keys = new Set(conflicts.map((conflict) => conflict.key));
    setDrafts((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !keys.has(key))));
    setConflicts([]);
    void form.refetch();
  };

  /** A fresh read gives a new loadedAt: sending again with it stores the officer's values over theirs. */
  const keepMine = async () => {
    try {
      const fresh = await readNow(queryClient, 'GET /api/v1/data-entry', request);
      setConflicts([]);
      await save(fresh.loadedAt);
    } catch (cause) {
      setFailure(cause);
    }
  };

  const discard = () => {
    setDrafts({});
    setTouched(new Set());
    setServerErrors(NO_ERRORS);
    setConflicts([]);
    setNotice(null);
  };

  // Enter and the arrows move between cells like a spreadsheet; only the save button or Ctrl+Enter saves.
  const onCellKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.ctrlKey || event.metaKey) && (event.key === 'Enter' || event.key === 's')) {
      event.preventDefault();
      void save();
      return;
    }
    const step =
      (event.key === 'Enter' && !event.shiftKey) || event.key === 'ArrowDown'
        ? 1
        : (event.key === 'Enter' && event.shiftKey) || event.key === 'ArrowUp'
          ? -1
          : 0;
    if (step === 0 || event.altKey) return;
    event.preventDefault();
    const list = inputs();
    const next = list[list.indexOf(event.currentTarget) + step];
    next?.focus();
    next?.select();
  };

  if (form.error !== null && !data) return <ErrorNotice error={form.error} onRetry={form.refetch} />;
  if (!data) return <LoadingBlock />;

  const locked = data.locked;
  const errorOf = (key: string): string | undefined => {
    const server = serverErrors.cells.get(key);
    if (server) return describeFieldError(server, t, lang);
    const conflict = conflicts.find((candidate) => candidate.key === key);
    if (conflict) {
      const now = conflict.current === null ? t('data.conflict.empty') : fmt.number(conflict.current, 6);
      return describeFieldError({ field: key, message: '', rule: 'conflict', limit: now }, t, lang);
    }
    const problem = problems.get(key);
    return problem && touched.has(key) ? wording(problem, drafts[key] ?? '') : undefined;
  };
  const optionSum = (element: Element): number | null => {
    let sum: number | null = null;
    for (const category of element.categories) {
      const checked = checkValue(textOf(cellKey(element.code, category)), element, lang);
      if ('value' in checked && checked.value !== null) sum = (sum ?? 0) + checked.value;
    }
    return sum;
  };

  return (
    <section className="card entry-card" aria-labelledby={`${idPrefix}-title`}>
      <h2 id={`${idPrefix}-title`} className="visually-hidden">
        {localName(lang, data.dataSet.name, data.dataSet.nameEn)} — {localName(lang, data.unit.name, data.unit.nameEn)}
      </h2>
      <EntryStatus form={data} violations={(violations.data ?? []).filter((violation) => violation.unit === unit)} />
      {locked && <p className="notice notice-warning">{t('data.entry.lockedNote')}</p>}
      {conflicts.length > 0 && (
        <ConflictNotice
          conflicts={conflicts}
          elements={elementOf}
          onTakeTheirs={takeTheirs}
          onKeepMine={keepMine}
          busy={saving}
        />
      )}
      {serverErrors.form.map((error) => (
        <div key={`${error.rule}|${error.limit}`} className="notice notice-danger" role="alert">
          {describeFieldError(error, t, lang)}
          {error.rule === 'validationRule' && <span className="small">{error.message}</span>}
        </div>
      ))}
      {serverErrors.cells.size > 0 && (
        <div className="notice notice-danger" role="alert">
          {t('data.entry.serverRefused', { count: serverErrors.cells.size })}
        </div>
      )}
      {notice === 'invalid' && (
        <div className="notice notice-danger" role="alert">
          {t('data.entry.invalid', { count: problems.size })}
        </div>
      )}
      {failure !== null && <ErrorNotice error={failure} />}
      {form.error !== null && <ErrorNotice error={form.error} onRetry={form.refetch} />}
      {result && <SaveResult result={result} />}

      <form className="entry-form" onSubmit={(event) => event.preventDefault()} noValidate>
        <table className="table entry-table" ref={tableRef}>
          <thead>
            <tr>
              <th scope="col">{t('data.entry.element')}</th>
              <th scope="col" className="entry-value-col">
                {t('data.entry.value')}
              </th>
              <th scope="col">{t('data.entry.storedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {elements.map((element) => {
              const sum = element.categories.length > 0 ? optionSum(element) : null;
              const total = checkValue(textOf(element.code), element, lang);
              const totalValue = 'value' in total ? total.value : null;
              const mismatch = sum !== null && totalValue !== null && Math.abs(sum - totalValue) > 1e-9;
              return cellsOf(element).map(({ key, category }) => {
                const value = stored.get(key);
                const inputId = `${idPrefix}-${key}`;
                const name = localName(lang, element.name, element.nameEn);
                return (
                  <tr key={key} className={category ? 'entry-option' : 'entry-element'}>
                    <th scope="row">
                      <label htmlFor={inputId}>
                        {category ? optionName(category, lang) : name}
                        {category && <span className="visually-hidden"> — {name}</span>}
                      </label>
                      <code className="entry-code">{key}</code>
                    </th>
                    <td className="entry-value-col">
                      <EntryInput
                        id={inputId}
                        cell={key}
                        unit={unitLabel(element.unit, lang)}
                        text={textOf(key)}
                        changed={changed.has(key)}
                        error={errorOf(key)}
                        readOnly={locked}
                        onChange={(text) => edit(key, text)}
                        onBlur={() => setTouched((current) => new Set(current).add(key))}
                        onKeyDown={onCellKey}
                      />
                      {!category && sum !== null && (
                        <small className={mismatch ? 'entry-sum entry-sum-off' : 'entry-sum'}>
                          {t(mismatch ? 'data.entry.sumDiffers' : 'data.entry.sum', {
                            sum: sum,
                          })}
                        </small>
                      )}
                    </td>
                    <td className="muted small">
                      {value ? `${value.storedBy ?? t('common.system')} · ${fmt.shortDateTime(value.storedAt)}` : ''}
                    </td>
                  </tr>
                );
              });
            })}
          </tbody>
        </table>
        <div className="entry-actions">
          <button
            type="button"
            className="button button-primary"
            onClick={() => void save()}
            disabled={saving || locked}
            data-testid="entry-save"
          >
            {saving ? t('common.saving') : t('data.entry.save')}
          </button>
          <button type="button" className="button" onClick={discard} disabled={!dirty || saving}>
            {t('data.entry.discard')}
          </button>
          <span className="muted small" aria-live="polite">
            {notice === 'noChanges'
              ? t('data.entry.noChanges')
              : dirty
                ? t('data.entry.pending', { count: changes.length + problems.size })
                : ''}
          </span>
          <span className="spacer" />
          <small className="muted">{t('data.entry.keys')}</small>
        </div>
      </form>
    </section>
  );
}
