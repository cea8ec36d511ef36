import { AgencyService } from './modules/agencies/agencies.service.ts';
import { AlertService } from './modules/alerts/alerts.service.ts';
import { RuleService } from './modules/alerts/rules/rules.service.ts';
import { ApiKeyService } from './modules/auth/apikeys.service.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { UserService } from './modules/auth/users.service.ts';
import { CalendarService } from './modules/calendar/calendar.service.ts';
import { NotificationService } from './modules/notifications/notifications.service.ts';
import { ObservationService } from './modules/observations/observations.service.ts';
import { OrgUnitService } from './modules/orgunits/orgunits.service.ts';
import type { Platform } from './platform.ts';

/**
 * What every subsystem stands on: the platform (config, database, bus, clock, log) and the platform's services —
 * units, agencies, the working calendar, alerts, users. A subsystem is handed this and nothing of its siblings.
 */
export interface Kernel {
  platform: Platform;
  orgUnits: OrgUnitService;
  agencies: AgencyService;
  calendar: CalendarService;
  alerts: AlertService;
  auth: AuthService;
  users: UserService;
  apiKeys: ApiKeyService;
  /** Time series: stations, streams, observations, rollups. */
  observations: ObservationService;
  /** Alert rules over streams, evaluated as observations arrive and on the clock. */
  rules: RuleService;
  /** Outgoing notifications of alerts: signed webhooks and e-mail, with a delivery log. */
  notifications: NotificationService;
}

export function createKernel(platform: Platform): Kernel {
  const orgUnits = new OrgUnitService(platform);
  const agencies = new AgencyService(platform, orgUnits);
  const kernel: Omit<Kernel, 'rules'> = {
    platform,
    orgUnits,
    agencies,
    calendar: new CalendarService(platform),
    alerts: new AlertService(platform),
    auth: new AuthService(platform, orgUnits),
    users: new UserService(platform, orgUnits, async (code) => (await agencies.find(code)) !== undefined),
    apiKeys: new ApiKeyService(platform, orgUnits),
    observations: new ObservationService(platform, orgUnits),
    notifications: new NotificationService(platform, orgUnits),
  };
  return { ...kernel, rules: new RuleService(platform, kernel.alerts, kernel.observations) };
}
