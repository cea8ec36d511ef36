import { type AlertRule, AlertRuleInput } from '@ioc/shared';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { emptyForm, formOf, inputOf } from './ruleForm.ts';

const stored: AlertRule = {
  id: 7,
  code: 'dengue-incidence',
  name: 'Tỷ lệ mắc sốt xuất huyết cao',
  nameEn: 'High dengue incidence',
  type: 'threshold',
  streams: [],
  indicator: 'DENGUE_INCIDENCE',
  levels: [{ level: 'I', severity: 'warning', op: 'above', value: 100 }],
  pendingSeconds: 0,
  keepFiringSeconds: 0,
  intervalSeconds: 300,
  route: { units: ['18073'] },
  labels: { source: 'health' },
  enabled: true,
} as unknown as AlertRule;

describe('the rule form', () => {
  it('keeps an indicator rule on its indicator: no streams, no waiting periods, route and labels kept', () => {
    const form = formOf(stored);
    expect(form.watch).toBe('indicator');
    expect(inputOf(form, stored)).toEqual({
      code: 'dengue-incidence',
      name: 'Tỷ lệ mắc sốt xuất huyết cao',
      nameEn: 'High dengue incidence',
      type: 'threshold',
      indicator: 'DENGUE_INCIDENCE',
      levels: [{ level: 'I', severity: 'warning', op: 'above', value: 100 }],
      intervalSeconds: 300,
      route: { units: ['18073'] },
      labels: { source: 'health' },
      enabled: true,
    });
  });

  it('sends a new rule switched to an indicator as a threshold on it, whatever type was chosen before', () => {
    const form = { ...emptyForm(), type: 'rate' as const, watch: 'indicator' as const, indicator: ' POVERTY_RATE ' };
    const input = inputOf(form, null);
    expect(input).toMatchObject({ type: 'threshold', indicator: 'POVERTY_RATE' });
    // The API takes no streams at all for an indicator rule (an empty list is refused).
    expect(input).not.toHaveProperty('streams');
    expect(input).not.toHaveProperty('pendingSeconds');
    expect(inputOf({ ...emptyForm(), streams: 'son-diem/water_level' }, null)).not.toHaveProperty('indicator');
    // What the editor sends is what the API's schema takes (an empty stream list was refused once).
    const named = {
      ...form,
      code: 'bed-occupancy',
      name: 'Giường bệnh',
      nameEn: 'Beds',
      levels: [{ ...form.levels[0]!, value: '85' }],
    };
    expect(Value.Check(AlertRuleInput, inputOf(named, null))).toBe(true);
    expect(Value.Check(AlertRuleInput, inputOf(formOf(stored), stored))).toBe(true);
  });
});
