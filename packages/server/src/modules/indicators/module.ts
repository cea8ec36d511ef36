import type { Kernel } from '../../kernel.ts';
import { defineSubsystem } from '../../subsystem.ts';
import { ScanJob } from '../system/scan-job.ts';
import { dataSetRoutes } from './datasets.routes.ts';
import { DataSetService } from './datasets.service.ts';
import { seedIndicatorDemo } from './demo-seed.ts';
import { EntryService } from './entry.service.ts';
import { indicatorRoutes } from './indicators.routes.ts';
import { IndicatorService } from './indicators.service.ts';
import { LateReportScan } from './late-reports.ts';
import { IndicatorRuleSource } from './rule-source.ts';
import { spreadsheetRoutes } from './spreadsheet/spreadsheet.routes.ts';
import { SpreadsheetService } from './spreadsheet/spreadsheet.service.ts';
import { ValueService } from './values.service.ts';
import { indicatorViewRoutes } from './views.routes.ts';
import { IndicatorViewService } from './views.service.ts';

function createIndicatorServices({ platform, orgUnits, alerts, agencies, rules }: Kernel) {
  const values = new ValueService(platform, alerts, () => agencies.matcher());
  // The platform's threshold rules over an indicator read its values through this.
  rules.registerIndicatorSource(new IndicatorRuleSource(platform));
  const dataSets = new DataSetService(platform, orgUnits);
  return {
    platform,
    indicators: new IndicatorService(platform, orgUnits),
    indicatorViews: new IndicatorViewService(platform, orgUnits),
    values,
    dataSets,
    entries: new EntryService(platform, orgUnits, dataSets, values),
    spreadsheets: new SpreadsheetService(platform, orgUnits, values),
    lateReports: new LateReportScan(platform, alerts, dataSets),
  };
}

export type IndicatorServices = ReturnType<typeof createIndicatorServices>;

/** Subsystem 1: socio-economic indicators (data elements, formulas, data sets and their deadlines, plans). */
export const indicatorsSubsystem = defineSubsystem({
  name: 'indicators',
  create: createIndicatorServices,
  routes(app, services) {
    indicatorRoutes(app, services);
    indicatorViewRoutes(app, services);
    dataSetRoutes(app, services);
    spreadsheetRoutes(app, services);
  },
  async prepare({ platform }, { demo }) {
    const seeded = demo ? await seedIndicatorDemo(platform) : null;
    return seeded ? `indicator demo: ${seeded.values} values, ${seeded.alerts} anomaly alerts` : undefined;
  },
  jobs(services, _kernel, log) {
    // Every five minutes: reports missing past their deadline, and those that arrived since.
    const scan = { name: 'late-report alert scan', scan: () => services.lateReports.run(), alongside: null };
    return [new ScanJob({ ...scan, everyMs: 5 * 60_000, firstAfterMs: 60_000 }, log)];
  },
});
