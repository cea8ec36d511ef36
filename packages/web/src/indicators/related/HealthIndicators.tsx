import { useMemo } from 'react';
import { useHomeUnit, useMe } from '../../auth/AuthContext.tsx';
import { currentMonth } from '../../calendar/days.ts';
import { localName, useI18n } from '../../i18n/index.tsx';
import { pickHealth } from '../catalogue.ts';
import { HeadlineKpis } from '../overview/HeadlineKpis.tsx';

const HEALTH = { pick: pickHealth, title: 'health.indicators.title', testId: 'health-indicators' } as const;

/**
 * The health indicators this subsystem holds (dengue, bed occupancy, immunisation, outpatient visits), lent to the
 * health page until subsystem 4 lands: the province for a leader, their commune for a commune officer.
 */
export function HealthIndicators() {
  const { lang } = useI18n();
  const me = useMe();
  const unit = useHomeUnit();
  const month = useMemo(() => currentMonth(new Date()), []);
  const own = me.orgUnit ?? me.rootUnit;
  return <HeadlineKpis unit={unit} unitName={localName(lang, own.name, own.nameEn)} month={month} topic={HEALTH} />;
}
