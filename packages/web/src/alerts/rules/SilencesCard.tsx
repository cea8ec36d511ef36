import type { AlertRule, AlertSilence } from '@ioc/shared';
import { ALERT_KIND_NAMES } from '@ioc/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { apiCall } from '../../api/client.ts';
import { useFieldErrors } from '../../api/errorText.ts';
import { compareUnits, useActiveUnits } from '../../api/orgUnits.ts';
import { refreshQueries, useApiQuery } from '../../api/queries.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { LoadingBlock } from '../../components/LoadingBlock.tsx';
import { localName, useI18n } from '../../i18n/index.tsx';
import type { DetailLookups } from '../alertWords.ts';
import { kindLabel } from '../alertWords.ts';

/** The kinds an alert can be of: those with a name. */
const KINDS = Object.keys(ALERT_KIND_NAMES);

/** A local time typed in a datetime-local field, read in the province's time (UTC+7), as ISO. */
export function provinceTime(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const parsed = Date.parse(`${local}:00+07:00`);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}

/** The state of a silence at `now`. */
export function silenceState(silence: AlertSilence, now: number): 'active' | 'pending' | 'expired' {
  if (Date.parse(silence.endsAt) <= now) return 'expired';
  return Date.parse(silence.startsAt) > now ? 'pending' : 'active';
}

interface SilencesCardProps {
  rules: readonly AlertRule[];
  look: DetailLookups;
  mayManage: boolean;
}

/** Maintenance windows: the current and coming ones (or all), a form to add one until a given time, and "end now". */
export function SilencesCard({ rules, look, mayManage }: SilencesCardProps) {
  const { t, lang, fmt } = useI18n();
  const fieldErrors = useFieldErrors();
  const queryClient = useQueryClient();
  const { units } = useActiveUnits();
  const [all, setAll] = useState(false);
  const silences = useApiQuery('GET /api/v1/alert-silences', { query: { state: all ? 'all' : 'active' } });
  const [kind, setKind] = useState('');
  const [ruleId, setRuleId] = useState('');
  const [unit, setUnit] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const ruleName = (id: number | null) => {
    const rule = rules.find((candidate) => candidate.id === id);
    return rule ? localName(lang, rule.name, rule.nameEn) : String(id);
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const ends = provinceTime(endsAt);
    if (!ends || Date.parse(ends) <= Date.now()) {
      setErrors({ endsAt: t('alerts.silences.endBeforeStart') });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await apiCall('POST /api/v1/alert-silences', {
        body: {
          ...(kind ? { kind } : {}),
          ...(ruleId ? { ruleId: Number(ruleId) } : {}),
          ...(unit ? { unit } : {}),
          endsAt: ends,
          comment: comment.trim(),
        },
      });
      setComment('');
      setEndsAt('');
      setDone(t('alerts.silences.created'));
      await refreshQueries(queryClient, ['GET /api/v1/alert-silences']);
    } catch (cause) {
      setErrors(fieldErrors(cause, ['kind', 'ruleId', 'unit', 'endsAt', 'comment']));
    } finally {
      setBusy(false);
    }
  };
  const expire = async (silence: AlertSilence) => {
    try {
      await apiCall('DELETE /api/v1/alert-silences/:id', { params: { id: silence.id } });
      setDone(t('alerts.silences.expired.done'));
      await refreshQueries(queryClient, ['GET /api/v1/alert-silences']);
    } catch (cause) {
      setErrors(fieldErrors(cause, []));
    }
  };
  const matches = (silence: AlertSilence) => {
    const parts = [
      silence.kind ? `${t('alerts.silences.kind')}: ${kindLabel(t, silence.kind)}` : null,
      silence.ruleId !== null ? `${t('alerts.silences.rule')}: ${ruleName(silence.ruleId)}` : null,
      silence.unit ? `${t('alerts.silences.unit')}: ${look.unitName(silence.unit) ?? silence.unit}` : null,
      silence.labelName
        ? t('alerts.silences.label', { name: silence.labelName, value: silence.labelValue ?? '' })
        : null,
    ].filter(Boolean);
    return parts.length ? parts.join(' · ') : t('alerts.silences.anything');
  };
  const now = Date.now();

  return (
    <section className="card silences-card" aria-labelledby="silences-title" data-testid="silences">
      <header className="card-header">
        <div>
          <h2 id="silences-title">{t('alerts.silences.title')}</h2>
          <p className="muted small">{t('alerts.silences.subtitle')}</p>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={all} onChange={(event) => setAll(event.target.checked)} />
          {t('alerts.silences.showAll')}
        </label>
      </header>
      {done && (
        <p className="notice notice-success" role="status">
          {done}
        </p>
      )}
      {silences.error !== null && <ErrorNotice error={silences.error} onRetry={silences.refetch} />}
      {silences.isLoading && <LoadingBlock />}
      {silences.data && silences.data.length === 0 && <p className="muted">{t('alerts.silences.empty')}</p>}
      {silences.data && silences.data.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('alerts.silences.matches')}</th>
                <th scope="col">{t('alerts.silences.startsAt')}</th>
                <th scope="col">{t('alerts.silences.endsAt')}</th>
                <th scope="col">{t('alerts.silences.comment')}</th>
                <th scope="col">{t('alerts.silences.by')}</th>
                <th scope="col">{t('alerts.silences.state')}</th>
                {mayManage && (
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {silences.data.map((silence) => {
                const state = silenceState(silence, now);
                return (
                  <tr key={silence.id} data-testid={`silence-${silence.id}`} data-state={state}>
                    <td>{matches(silence)}</td>
                    <td>{fmt.shortDateTime(silence.startsAt)}</td>
                    <td>{fmt.shortDateTime(silence.endsAt)}</td>
                    <td>{silence.comment}</td>
                    <td>{silence.createdBy}</td>
                    <td>
                      <span className={state === 'active' ? 'badge badge-warning' : 'badge'}>
                        {t(`alerts.silences.${state}`)}
                      </span>
                    </td>
                    {mayManage && (
                      <td>
                        {state !== 'expired' && (
                          <ConfirmButton
                            label={t('alerts.silences.expire')}
                            question={t('alerts.silences.expireConfirm')}
                            onConfirm={() => expire(silence)}
                          />
                        )}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {mayManage && (
        <form className="form silence-form" onSubmit={create} aria-labelledby="silence-new-title">
          <h3 id="silence-new-title" className="form-span">
            {t('alerts.silences.new')}
          </h3>
          <FormAlert message={errors.form} />
          <div className="field">
            <label htmlFor="silence-kind">{t('alerts.silences.kind')}</label>
            <select id="silence-kind" value={kind} onChange={(event) => setKind(event.target.value)}>
              <option value="">{t('alerts.filter.any')}</option>
              {KINDS.map((code) => (
                <option key={code} value={code}>
                  {kindLabel(t, code)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="silence-rule">{t('alerts.silences.rule')}</label>
            <select id="silence-rule" value={ruleId} onChange={(event) => setRuleId(event.target.value)}>
              <option value="">{t('alerts.filter.any')}</option>
              {rules.map((rule) => (
                <option key={rule.id} value={rule.id}>
                  {localName(lang, rule.name, rule.nameEn)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="silence-unit">{t('alerts.silences.unit')}</label>
            <select id="silence-unit" value={unit} onChange={(event) => setUnit(event.target.value)}>
              <option value="">{t('alerts.filter.any')}</option>
              {[...units].sort(compareUnits).map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {localName(lang, candidate.name, candidate.nameEn)}
                </option>
              ))}
            </select>
          </div>
          <div className={errors.endsAt ? 'field field-invalid' : 'field'}>
            <label htmlFor="silence-ends">{t('alerts.silences.endsAt')}</label>
            <input
              id="silence-ends"
              type="datetime-local"
              value={endsAt}
              required
              onChange={(event) => setEndsAt(event.target.value)}
              aria-describedby="silence-ends-hint"
              data-testid="silence-ends"
            />
            <small id="silence-ends-hint" className={errors.endsAt ? 'field-error' : 'field-hint'}>
              {errors.endsAt ?? t('alerts.silences.endsAtHint')}
            </small>
          </div>
          <div className={errors.comment ? 'field field-invalid form-span' : 'field form-span'}>
            <label htmlFor="silence-comment">{t('alerts.silences.comment')}</label>
            <input
              id="silence-comment"
              value={comment}
              required
              maxLength={2000}
              onChange={(event) => setComment(event.target.value)}
              data-testid="silence-comment"
            />
            {errors.comment && <small className="field-error">{errors.comment}</small>}
          </div>
          <div className="form-actions form-span">
            <button type="submit" className="button button-primary" disabled={busy} data-testid="silence-create">
              {t('alerts.silences.new')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
