import type { Kernel } from '../../kernel.ts';
import { defineSubsystem } from '../../subsystem.ts';
import { ScanJob } from '../system/scan-job.ts';
import { DocumentDemoFeeder } from './demo/feeder.ts';
import { DocumentLinker } from './document-linker.ts';
import { documentRoutes } from './documents.routes.ts';
import { DocumentService } from './documents.service.ts';
import { TaskAlertScan } from './tasks/task-alerts.ts';
import { TaskSummaryService } from './tasks/task-summary.ts';
import { taskRoutes } from './tasks/tasks.routes.ts';
import { TaskService } from './tasks/tasks.service.ts';

function createDocumentServices(kernel: Kernel) {
  const { platform, orgUnits, agencies, alerts } = kernel;
  const taskAlerts = new TaskAlertScan(platform, alerts, () => agencies.list());
  const documents = new DocumentService(platform, orgUnits, agencies);
  const linker = new DocumentLinker(platform, agencies);
  // An agency saved now (its national id recorded, an alias added) may be the one stored documents name.
  agencies.whenSaved((trx, agency) => {
    documents.forgetAgencies();
    return linker.linkAgency(trx, agency);
  });
  return {
    platform,
    documents,
    tasks: new TaskService(platform, orgUnits, agencies, taskAlerts),
    taskSummary: new TaskSummaryService(platform, orgUnits, agencies),
    taskAlerts,
  };
}

export type DocumentServices = ReturnType<typeof createDocumentServices>;

/** Subsystem 3: document management (incoming and outgoing registers, edXML) and the tasks leaders direct. */
export const documentsSubsystem = defineSubsystem({
  name: 'documents',
  create: createDocumentServices,
  routes(app, services) {
    documentRoutes(app, services);
    taskRoutes(app, services);
  },
  async prepare({ platform, agencies }) {
    const linked = await new DocumentLinker(platform, agencies).linkEarlier();
    return linked > 0 ? `documents linked to their agencies: ${linked}` : undefined;
  },
  jobs(services, { platform, orgUnits, agencies, alerts }, log) {
    const { config } = platform;
    return [
      // Each minute: a deadline passes at midnight with no request to notice it.
      new ScanJob(
        {
          name: 'task alert scan',
          scan: () => services.taskAlerts.run(),
          everyMs: 60_000,
          firstAfterMs: 5_000,
          alongside:
            config.demo && config.demoDocumentsPerDay > 0
              ? new DocumentDemoFeeder(platform, orgUnits, agencies, alerts, {
                  documentsPerDay: config.demoDocumentsPerDay,
                  historyMonths: config.demoHistoryMonths,
                })
              : null,
        },
        log,
      ),
    ];
  },
});
