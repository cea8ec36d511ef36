import type { DataElement, SaveValidationRuleBody, ValidationRule } from '@ioc/shared';
import { useMemo, useState } from 'react';
import { apiCall } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.tsx';
import { CatalogueDialog, CodeField, NameFields } from './CatalogueDialog.tsx';
import { codeAndNameProblems, labelOf, OPERATOR_LABEL, OPERATOR_SIGN, OPERATORS } from './catalogue.ts';
import { FormulaEditor, type Refusal } from './FormulaEditor.tsx';
import { ChoiceGroup, SelectField } from './fields.tsx';
import { formulaProblems } from './formula.ts';
import { elementReferables } from './referables.ts';
import { useCatalogueSave } from './useCatalogueSave.ts';

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
  const { busy, errors, check, save } = useCatalogueSave(FIELDS);
  const [code, setCode] = useState(rule?.code ?? '');
  const [name, setName] = useState(rule?.name ?? '');
  const [nameEn, setNameEn] = useState(rule?.nameEn ?? '');
  const [left, setLeft] = useState(rule?.left ?? '');
  const [operator, setOperator] = useState(rule?.operator ?? '<=');
  const [right, setRight] = useState(rule?.right ?? '');
  const [severity, setSeverity] = useState(rule?.severity ?? 'error');
  const [refusals, setRefusals] = useState<Record<Side, Refusal | null>>({ left: null, right: null });
  const elementItems = useMemo(() => elementReferables(elements, lang), [elements, lang]);

  const submit = async () => {
    const found = codeAndNameProblems(t, { code, name, nameEn }, rule, rules);
    if (!left.trim()) found.left = t('common.required');
    if (!right.trim()) found.right = t('common.required');
    if (!check(found)) return;
    const sent = { left: left.trim(), right: right.trim() };
    setLeft(sent.left);
    setRight(sent.right);
    const body: SaveValidationRuleBody = {
      name: name.trim(),
      nameEn: nameEn.trim(),
      left: sent.left,
      operator: operator as SaveValidationRuleBody['operator'],
      right: sent.right,
      severity: severity === 'warning' ? 'warning' : 'error',
    };
    await save(
      async () => onSaved(await apiCall('PUT /api/v1/validation-rules/:code', { params: { code }, body })),
      (cause, named) => {
        const refusalOf = (side: Side): Refusal | null => {
          const problems = formulaProblems(cause, side);
          return problems.length > 0 ? { formula: sent[side], problems } : null;
        };
        const next = { left: refusalOf('left'), right: refusalOf('right') };
        setRefusals(next);
        if (next.left || next.right) delete named.form;
        return named;
      },
    );
  };

  return (
    <CatalogueDialog
      title={rule ? t('catalogue.rule.editTitle', { code: rule.code }) : t('catalogue.rule.newTitle')}
      formId={FORM_ID}
      busy={busy}
      formError={errors.form}
      onClose={onClose}
      onSubmit={submit}
    >
      <CodeField
        value={code}
        onChange={setCode}
        fixed={rule !== undefined}
        error={errors.code}
        data-testid="rule-code"
      />
      <span aria-hidden="true" />
      <NameFields name={name} onName={setName} nameEn={nameEn} onNameEn={setNameEn} errors={errors} testId="rule" />
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
    </CatalogueDialog>
  );
}
