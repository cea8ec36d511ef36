import { AppError } from '../../../errors.ts';
import type { Platform } from '../../../platform.ts';
import { systemActor } from '../../auth/actor.ts';
import { findConnector } from './connector.repo.ts';
import { saveConnector } from './connector.service.ts';

/** The connector IOC_ONESTOP_* sets up. */
export const CONFIGURED_CONNECTOR = 'onestop';

/**
 * At start, when IOC_ONESTOP_* is set: creates connector `onestop`, or brings its endpoint, credentials, services,
 * interval and page size in line with the settings. Its cursor, health, overlap and enabled flag are kept, and
 * nothing is written (or audited) when it already matches. Unsetting the variables leaves the connector as it is.
 */
export async function applyConnectorConfig(platform: Platform): Promise<boolean> {
  const settings = platform.config.onestop;
  if (!settings) return false;
  const stored = await findConnector(platform.db, CONFIGURED_CONNECTOR);
  if (
    stored &&
    stored.token_url === settings.tokenUrl &&
    stored.base_url === settings.baseUrl &&
    stored.client_id === settings.clientId &&
    stored.client_secret === settings.clientSecret &&
    stored.services === JSON.stringify(settings.services) &&
    stored.interval_seconds === settings.intervalSeconds &&
    stored.page_size === settings.pageSize
  ) {
    return false;
  }
  try {
    await saveConnector(platform, systemActor('config', platform.config.rootUnit), CONFIGURED_CONNECTOR, {
      name: stored?.name ?? 'Hệ thống thông tin giải quyết TTHC của tỉnh',
      tokenUrl: settings.tokenUrl,
      baseUrl: settings.baseUrl,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      services: settings.services,
      intervalSeconds: settings.intervalSeconds,
      pageSize: settings.pageSize,
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // A start stopped by a setting names it: tokenUrl → IOC_ONESTOP_TOKEN_URL, baseUrl → IOC_ONESTOP_BASE_URL.
    const named = error.message
      .replace(/^tokenUrl/, 'IOC_ONESTOP_TOKEN_URL')
      .replace(/^baseUrl/, 'IOC_ONESTOP_BASE_URL');
    throw new Error(named, { cause: error });
  }
  return true;
}
