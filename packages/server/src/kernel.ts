import { AgencyService } from './modules/agencies/agencies.service.ts';
import { AlertService } from './modules/alerts/alerts.service.ts';
import { ApiKeyService } from './modules/auth/apikeys.service.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { UserService } from './modules/auth/users.service.ts';
import { CalendarService } from './modules/calendar/calendar.service.ts';
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
}

export function createKernel(platform: Platform): Kernel {
  const orgUnits = new OrgUnitService(platform);
  const agencies = new AgencyService(platform, orgUnits);
  return {
    platform,
    orgUnits,
    agencies,
    calendar: new CalendarService(platform),
    alerts: new AlertService(platform),
    auth: new AuthService(platform, orgUnits),
    users: new UserService(platform, orgUnits, async (code) => (await agencies.find(code)) !== undefined),
    apiKeys: new ApiKeyService(platform, orgUnits),
  };
}
