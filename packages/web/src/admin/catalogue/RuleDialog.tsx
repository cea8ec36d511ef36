import type { DataElement, SaveValidationRuleBody, ValidationRule } from '@ioc/shared';
import { type FormEvent, useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import { useFieldErrors } from '../../api/errorText.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { TextField } from '../../components/Field.tsx';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { CODE_PATTERN, itemPath, labelOf, OPERATOR_LABEL, OPERATOR_SIGN, OPERATORS, PATHS } from './catalogue.ts';
import { FormulaEditor, type Refusal } from './FormulaEditor.tsx';
import { ChoiceGroup, SelectField } from './fields.tsx';
import { formulaProblems } from './formula.ts';
import { elementReferables } from './referables.ts';

const FIELDS = ['name', 'nameEn', 'operator', 'severity'] as const;
const FORM_ID = 'rule-form';

type Side = 'left' | 'right';

interface RuleDialogProps {
  /** Absent: a new rule. */
  rule?: ValidationRule;
  rules: readonly ValidationRule[];
  elements: readonly DataElement[];
  onClose(): void;
  onSaved(rule: ValidationRule): void;
}

export function RuleDialog({ rule, rules, elements, onClose, onSaved }: RuleDialogProps) {
  const { t, lang } = useI18n();
  const fieldErrors = useFieldErrors();
  const [code, setCode] = useState(rule?.code ?? '');
  const [name, setName] = useState(rule?.name ?? '');
  const [nameEn, setNameEn] = useState(rule?.nameEn ?? '');
  const [left, setLeft] = useState(rule?.left ?? '');
  const [operator, setOperator] = useState(rule?.operator ?? '<=');
  const [right, setRight] = useState(rule?.right ?? '');
  const [severity, setSeverity] = useState(rule?.severity ?? 'error');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusals, setRefusals] = useState<Record<Side, Refusal | null>>({ left: null, right: null });
  const [busy, setBusy] = useState(false);
  const elementItems = useMemo(() => elementReferables(elements, lang), [elements, lang]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!rule) {
      if (!CODE_PATTERN.test(code)) found.code = t('catalogue.codeRule');
      else if (rules.some((other) => other.code === code)) found.code = t('catalogue.codeTaken');
    }
    if (!name.trim()) found.name = t('common.required');
    if (!nameEn.trim()) found.nameEn = t('common.required');
    if (!left.trim()) found.left = t('common.required');
    if (!right.trim()) found.right = t('common.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const sent = { left: left.trim(), right: right.trim() };
    setLeft(sent.left);
    setRight(sent.right);
    setBusy(true);
    try {
      const body: SaveValidationRuleBody = {
        name: name.trim(),
        nameEn: nameEn.trim(),
        left: sent.left,
        operator: operator as SaveValidationRuleBody['operator'],
        right: sent.right,
        severity: severity === 'warning' ? 'warning' : 'error',
      };
      onSaved(await api.put<ValidationRule>(itemPath(PATHS.rules, code), body));
    } catch (cause) {
      const refusalOf = (side: Side): Refusal | null => {
        const problems = formulaProblems(cause, side);
        return problems.length > 0 ? { formula: sent[side], problems } : null;
      };
      const next = { left: refusalOf('left'), right: refusalOf('right') };
      setRefusals(next);
      const named = fieldErrors(cause, FIELDS);
      if (next.left || next.right) delete named.form;
      setErrors(named);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={rule ? t('catalogue.rule.editTitle', { code: rule.code }) : t('catalogue.rule.newTitle')}
      onClose={onClose}
      wide
      actions={
        <button
          type="submit"
          form={FORM_ID}
          className="button button-primary"
          disabled={busy}
          data-testid="catalogue-save"
        >
          {busy ? t('common.saving') : t('common.save')}
        </button>
      }
    >
      <form id={FORM_ID} className="form form-grid catalogue-form" onSubmit={submit} noValidate>
        <TextField
          label={t('catalogue.code')}
          value={code}
          onChange={(value) => setCode(value.toUpperCase())}
          readOnly={rule !== undefined}
          required
          spellCheck={false}
          autoComplete="off"
          hint={rule ? undefined : t('catalogue.codeRule')}
          error={errors.code}
          data-testid="rule-code"
        />
        <span aria-hidden="true" />
        <TextField
          label={t('catalogue.name')}
          value={name}
          onChange={setName}
          required
          error={errors.name}
          data-testid="rule-name"
        />
        <TextField
          label={t('catalogue.nameEn')}
          value={nameEn}
          onChange={setNameEn}
          required
          lang="en"
          error={errors.nameEn}
          data-testid="rule-name-en"
        />
        <div className="form-span">
          <FormulaEditor
            label={t('catalogue.rule.left')}
            value={left}
            onChange={setLeft}
            refusal={refusals.left}
            elements={elementItems}
            hint={t('catalogue.rule.sideHint')}
            error={errors.left}
            testId="formula-input-left"
            errorTestId="formula-error-left"
          />
        </div>
        <div className="form-span rule-operator">
          <SelectField
            label={t('catalogue.rule.operator')}
            value={operator}
            onChange={setOperator}
            options={OPERATORS.map((value) => ({
              value,
              label: `${OPERATOR_SIGN[value] ?? value}  ${labelOf(t, OPERATOR_LABEL, value)}`,
            }))}
            error={errors.operator}
            data-testid="rule-operator"
          />
        </div>
        <div className="form-span">
          <FormulaEditor
            label={t('catalogue.rule.right')}
            value={right}
            onChange={setRight}
            refusal={refusals.right}
            elements={elementItems}
            hint={t('catalogue.rule.sideHint')}
            error={errors.right}
            testId="formula-input-right"
            errorTestId="formula-error-right"
          />
        </div>
        <div className="form-span">
          <ChoiceGroup
            legend={t('catalogue.rule.severity')}
            name="severity"
            value={severity}
            onChange={setSeverity}
            error={errors.severity}
            choices={[
              { value: 'error', label: t('catalogue.severity.error'), detail: t('catalogue.severity.errorHint') },
              { value: 'warning', label: t('catalogue.severity.warning'), detail: t('catalogue.severity.warningHint') },
            ]}
            data-testid="rule-severity"
          />
        </div>
        <FormAlert message={errors.form} />
      </form>
    </Dialog>
  );
}
