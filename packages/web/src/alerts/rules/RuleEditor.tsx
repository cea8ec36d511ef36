import type { AlertRule } from '@ioc/shared';
import { type FormEvent, useState } from 'react';
import { apiCall } from '../../api/client.ts';
import { useFieldErrors } from '../../api/errorText.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { Drawer } from '../../components/Drawer.tsx';
import { TextField } from '../../components/Field.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { localName, useI18n } from '../../i18n/index.tsx';
import { SEVERITIES } from '../alertView.ts';
import { PreviewChart } from './PreviewChart.tsx';
import { emptyForm, formOf, inputOf, RULE_TYPES, type RuleForm } from './ruleForm.ts';

const FIELDS = [
  'code',
  'name',
  'nameEn',
  'type',
  'streams',
  'indicator',
  'levels',
  'windowSeconds',
  'pendingSeconds',
  'keepFiringSeconds',
  'intervalSeconds',
];

interface RuleEditorProps {
  /** null: a new rule. */
  rule: AlertRule | null;
  mayManage: boolean;
  onSaved(rule: AlertRule | null, message: 'saved' | 'deleted'): void;
  onClose(): void;
}

/**
 * A rule in a panel: its type, streams, levels with their severity, the pending and keep-firing periods, whether it
 * is on; the preview of when it would have fired; save and delete for those who manage alerts. A reader sees the
 * same fields, read-only, and may preview.
 */
export function RuleEditor({ rule, mayManage, onSaved, onClose }: RuleEditorProps) {
  const { t, lang } = useI18n();
  const fieldErrors = useFieldErrors();
  const [form, setForm] = useState<RuleForm>(() => (rule ? formOf(rule) : emptyForm()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof RuleForm>(name: K, value: RuleForm[K]) =>
    setForm((current) => ({ ...current, [name]: value }));
  const setLevel = (index: number, patch: Partial<RuleForm['levels'][number]>) =>
    set(
      'levels',
      form.levels.map((level, i) => (i === index ? { ...level, ...patch } : level)),
    );
  const onIndicator = form.watch === 'indicator';
  const leveled = form.type === 'threshold' || form.type === 'rate' || onIndicator;
  const readOnly = !mayManage;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      const body = inputOf(form, rule);
      const saved = rule
        ? await apiCall('PUT /api/v1/alert-rules/:id', { params: { id: rule.id }, body })
        : await apiCall('POST /api/v1/alert-rules', { body });
      onSaved(saved, 'saved');
    } catch (cause) {
      setErrors(fieldErrors(cause, FIELDS));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!rule) return;
    try {
      await apiCall('DELETE /api/v1/alert-rules/:id', { params: { id: rule.id } });
      onSaved(null, 'deleted');
    } catch (cause) {
      setErrors(fieldErrors(cause, []));
    }
  };

  return (
    <Drawer
      title={
        rule
          ? t('alerts.rules.editorTitle', { name: localName(lang, rule.name, rule.nameEn) })
          : t('alerts.rules.newTitle')
      }
      subtitle={
        rule && (
          <span className={rule.enabled ? 'badge badge-success' : 'badge'}>
            {t(rule.enabled ? 'alerts.rules.enabled' : 'alerts.rules.disabled')}
          </span>
        )
      }
      onClose={onClose}
      data-testid="rule-editor"
    >
      <form className="form rule-form" onSubmit={save}>
        {readOnly && <p className="notice notice-info form-span">{t('alerts.rules.readOnly')}</p>}
        <FormAlert message={errors.form} />
        <fieldset className="rule-fields" disabled={readOnly || busy}>
          <TextField
            label={t('alerts.rules.name')}
            value={form.name}
            onChange={(value) => set('name', value)}
            error={errors.name}
            required
            maxLength={200}
          />
          <TextField
            label={t('alerts.rules.nameEn')}
            value={form.nameEn}
            onChange={(value) => set('nameEn', value)}
            error={errors.nameEn}
            required
            maxLength={200}
          />
          <TextField
            label={t('alerts.rules.code')}
            value={form.code}
            onChange={(value) => set('code', value)}
            error={errors.code}
            hint={t('alerts.rules.codeHint')}
            required
            readOnly={rule !== null}
            maxLength={120}
          />
          <div className="field">
            <label htmlFor="rule-watch">{t('alerts.rules.watch')}</label>
            <select
              id="rule-watch"
              value={form.watch}
              onChange={(event) => set('watch', event.target.value as RuleForm['watch'])}
              data-testid="rule-watch"
            >
              <option value="streams">{t('alerts.rules.watch.streams')}</option>
              <option value="indicator">{t('alerts.rules.watch.indicator')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="rule-type">{t('alerts.rules.type')}</label>
            <select
              id="rule-type"
              value={onIndicator ? 'threshold' : form.type}
              disabled={onIndicator}
              onChange={(event) => set('type', event.target.value as RuleForm['type'])}
            >
              {RULE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`alerts.rules.type.${type}`)}
                </option>
              ))}
            </select>
          </div>
          {onIndicator ? (
            <TextField
              label={t('alerts.rules.indicator')}
              value={form.indicator}
              onChange={(value) => set('indicator', value)}
              error={errors.indicator}
              hint={t('alerts.rules.indicatorHint')}
              required
              maxLength={64}
              data-testid="rule-indicator"
            />
          ) : (
            <div className={errors.streams ? 'field field-invalid form-span' : 'field form-span'}>
              <label htmlFor="rule-streams">{t('alerts.rules.streams')}</label>
              <textarea
                id="rule-streams"
                rows={3}
                value={form.streams}
                onChange={(event) => set('streams', event.target.value)}
                aria-describedby="rule-streams-hint"
                required
              />
              <small id="rule-streams-hint" className={errors.streams ? 'field-error' : 'field-hint'}>
                {errors.streams ?? t('alerts.rules.streamsHint')}
              </small>
            </div>
          )}
          <fieldset className="form-span rule-levels">
            <legend>{t('alerts.rules.levels')}</legend>
            {errors.levels && (
              <small className="field-error" role="alert">
                {errors.levels}
              </small>
            )}
            <table className="table rule-levels-table">
              <thead>
                <tr>
                  <th scope="col">{t('alerts.rules.level')}</th>
                  <th scope="col">{t('alerts.rules.severity')}</th>
                  {leveled && <th scope="col">{t('alerts.rules.op')}</th>}
                  {leveled && <th scope="col">{t('alerts.rules.value')}</th>}
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {form.levels.map((level, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; the index is their identity.
                  <tr key={index}>
                    <td>
                      <input
                        aria-label={t('alerts.rules.level')}
                        value={level.level}
                        onChange={(event) => setLevel(index, { level: event.target.value })}
                        maxLength={20}
                        size={5}
                      />
                    </td>
                    <td>
                      <select
                        aria-label={t('alerts.rules.severity')}
                        value={level.severity}
                        onChange={(event) => setLevel(index, { severity: event.target.value as typeof level.severity })}
                      >
                        {SEVERITIES.map((severity) => (
                          <option key={severity} value={severity}>
                            {t(`severity.${severity}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    {leveled && (
                      <td>
                        <select
                          aria-label={t('alerts.rules.op')}
                          value={level.op}
                          onChange={(event) => setLevel(index, { op: event.target.value as typeof level.op })}
                        >
                          <option value="above">{t('alerts.rules.op.above')}</option>
                          <option value="below">{t('alerts.rules.op.below')}</option>
                        </select>
                      </td>
                    )}
                    {leveled && (
                      <td>
                        <input
                          aria-label={t('alerts.rules.value')}
                          inputMode="decimal"
                          value={level.value}
                          onChange={(event) => setLevel(index, { value: event.target.value })}
                          size={8}
                        />
                      </td>
                    )}
                    <td>
                      {form.levels.length > 1 && (
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() =>
                            set(
                              'levels',
                              form.levels.filter((_, i) => i !== index),
                            )
                          }
                        >
                          {t('alerts.rules.removeLevel', { level: level.level })}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {leveled && (
              <button
                type="button"
                className="button button-small"
                onClick={() =>
                  set('levels', [...form.levels, { level: '', severity: 'critical', op: 'above', value: '' }])
                }
              >
                {t('alerts.rules.addLevel')}
              </button>
            )}
          </fieldset>
          {!onIndicator && (form.type === 'rate' || form.type === 'absence') && (
            <TextField
              label={t('alerts.rules.window')}
              value={form.windowSeconds}
              onChange={(value) => set('windowSeconds', value)}
              error={errors.windowSeconds}
              inputMode="numeric"
            />
          )}
          {!onIndicator && (
            <>
              <TextField
                label={t('alerts.rules.pending')}
                value={form.pendingSeconds}
                onChange={(value) => set('pendingSeconds', value)}
                error={errors.pendingSeconds}
                inputMode="numeric"
              />
              <TextField
                label={t('alerts.rules.keepFiring')}
                value={form.keepFiringSeconds}
                onChange={(value) => set('keepFiringSeconds', value)}
                error={errors.keepFiringSeconds}
                inputMode="numeric"
              />
            </>
          )}
          <TextField
            label={t('alerts.rules.interval')}
            value={form.intervalSeconds}
            onChange={(value) => set('intervalSeconds', value)}
            error={errors.intervalSeconds}
            inputMode="numeric"
          />
          <label className="checkbox form-span">
            <input type="checkbox" checked={form.enabled} onChange={(event) => set('enabled', event.target.checked)} />
            {t('alerts.rules.enabled')}
          </label>
        </fieldset>
        <div className="form-span">
          <PreviewChart input={() => inputOf(form, rule)} />
        </div>
        {mayManage && (
          <div className="form-actions form-span">
            <button type="submit" className="button button-primary" disabled={busy} data-testid="rule-save">
              {busy ? t('common.saving') : t('common.save')}
            </button>
            {rule && (
              <ConfirmButton
                label={t('common.delete')}
                question={t('alerts.rules.deleteConfirm', { name: localName(lang, rule.name, rule.nameEn) })}
                onConfirm={remove}
                danger
              />
            )}
          </div>
        )}
      </form>
    </Drawer>
  );
}
