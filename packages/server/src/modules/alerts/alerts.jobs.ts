import type { FastifyBaseLogger } from 'fastify';
import { type BackgroundWork, ScanJob } from '../system/scan-job.ts';
import type { AlertService } from './alerts.service.ts';

/** Every 30 s: alerts a silence held back are notified once no silence matches them any more. */
export function heldAlertsJob(alerts: AlertService, log: FastifyBaseLogger): BackgroundWork {
  return new ScanJob(
    {
      name: 'notifying alerts after their silence',
      scan: () => alerts.publishHeld(),
      everyMs: 30_000,
      firstAfterMs: 30_000,
      alongside: null,
    },
    log,
  );
}
