import type { AlertRule } from '@ioc/shared';
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
      streams: [],
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
    expect(input).toMatchObject({ type: 'threshold', streams: [], indicator: 'POVERTY_RATE' });
    expect(input).not.toHaveProperty('pendingSeconds');
    expect(inputOf({ ...emptyForm(), streams: 'son-diem/water_level' }, null)).not.toHaveProperty('indicator');
  });
});
