import type { Kernel } from '../../kernel.ts';
import { defineSubsystem } from '../../subsystem.ts';
import { agencyMatcher } from '../agencies/agencies.ts';
import { ScanJob } from '../system/scan-job.ts';
import { rematchDossiers } from './agency-rematch.ts';
import { procedureCatalogueRoutes } from './catalogue/catalogue.routes.ts';
import { ProcedureCatalogueService } from './catalogue/catalogue.service.ts';
import { connectorRoutes } from './connector/connector.routes.ts';
import { ConnectorScheduler } from './connector/connector.scheduler.ts';
import { ConnectorService } from './connector/connector.service.ts';
import { applyConnectorConfig } from './connector/onestop.config.ts';
import { seedDemoCatalogue } from './demo/catalogue-seed.ts';
import { PublicServiceDemoFeeder } from './demo/feeder.ts';
import { feedbackRoutes } from './feedback/feedback.routes.ts';
import { FeedbackService } from './feedback/feedback.service.ts';
import { figuresChanged } from './figures-version.ts';
import { plainDossierRoutes } from './plain/plain.routes.ts';
import { PlainDossierService } from './plain/plain.service.ts';
import { scoringRulesRoutes } from './scoring/scoring.routes.ts';
import { ScoringRulesService } from './scoring/scoring.service.ts';
import { PublicServiceAlertScan } from './summary/alerts.ts';
import { ensureDaily, recountAcross } from './summary/rebuild.ts';
import { publicServiceSummaryRoutes } from './summary/summary.routes.ts';
import { PublicServiceSummaryService } from './summary/summary.service.ts';
import { publicServiceSyncRoutes } from './sync.routes.ts';
import { DossierSyncService } from './sync.service.ts';

function createPublicServices(kernel: Kernel) {
  const { platform, orgUnits, agencies, calendar } = kernel;
  const workingCalendar = () => calendar.calendar();
  const dossierSync = new DossierSyncService(platform, agencies, workingCalendar);
  const feedback = new FeedbackService(platform, orgUnits, agencies, calendar);
  const scoringRules = new ScoringRulesService(platform);
  const connectors = new ConnectorService(platform, dossierSync);
  // Dossiers in processing across a changed calendar day are counted again in the same transaction.
  calendar.whenDayChanges(async (trx, day, before, after) => {
    await recountAcross(trx, day, before, after);
    await figuresChanged(trx, platform.now().toISOString());
  });
  // An agency saved now may be the one a stored dossier's DonViXuLy named: give it those dossiers.
  agencies.whenSaved(async (trx, agency) => {
    const match = agencyMatcher([agency]);
    await figuresChanged(trx, platform.now().toISOString());
    return rematchDossiers(trx, agency, await calendar.calendar(trx), (name) => match(name) !== null);
  });
  return {
    platform,
    dossierSync,
    connectors,
    connectorScheduler: new ConnectorScheduler(connectors, platform.log),
    procedureCatalogue: new ProcedureCatalogueService(platform, agencies),
    feedback,
    scoringRules,
    summary: new PublicServiceSummaryService(platform, orgUnits, agencies, calendar, feedback, scoringRules),
    plainDossiers: new PlainDossierService(platform, orgUnits, dossierSync),
    alertScan: new PublicServiceAlertScan(platform, kernel.alerts, agencies, workingCalendar),
  };
}

export type PublicServiceServices = ReturnType<typeof createPublicServices>;

/** Subsystem 2: online public services and the one-stop office (dossiers, catalogues, feedback, the 766 index). */
export const publicServicesSubsystem = defineSubsystem({
  name: 'publicServices',
  create: createPublicServices,
  routes(app, services) {
    publicServiceSyncRoutes(app, services);
    connectorRoutes(app, services);
    publicServiceSummaryRoutes(app, services);
    plainDossierRoutes(app, services);
    scoringRulesRoutes(app, services);
    procedureCatalogueRoutes(app, services);
    feedbackRoutes(app, services);
  },
  async prepare({ platform, calendar }, { demo }) {
    await ensureDaily(platform.db, () => calendar.calendar());
    await applyConnectorConfig(platform);
    const procedures = demo ? await seedDemoCatalogue(platform) : 0;
    return procedures > 0 ? `public-services demo catalogue: ${procedures} procedures` : undefined;
  },
  jobs(services, { platform, calendar, agencies }, log) {
    const { config } = platform;
    return [
      services.connectorScheduler,
      new ScanJob(
        {
          name: 'public-service alert scan',
          scan: () => services.alertScan.run(),
          everyMs: 5 * 60_000,
          firstAfterMs: 60_000,
          alongside:
            config.demo && config.demoDossiersPerDay > 0
              ? new PublicServiceDemoFeeder(platform, agencies, services.dossierSync, () => calendar.calendar(), {
                  dossiersPerDay: config.demoDossiersPerDay,
                  historyMonths: config.demoHistoryMonths,
                })
              : null,
        },
        log,
      ),
    ];
  },
});
