import type { Kernel } from '../../kernel.ts';
import { defineSubsystem } from '../../subsystem.ts';
import { ScanJob } from '../system/scan-job.ts';
import { catchUp, seedHydroDemo } from './hydro-demo.ts';

function createDisasterServices(kernel: Kernel) {
  return {
    /** The demo's hydro-meteorological simulator: adds the points due up to now (IOC_DEMO only). */
    hydroSimulator: { catchUp: () => catchUp(kernel, kernel.platform.now().getTime()) },
  };
}

export type DisasterServices = ReturnType<typeof createDisasterServices>;

/**
 * Subsystem 7 (server side so far): floods and storms. It stands on the platform's time series and alert rules; for
 * now it brings the demo's hydro-meteorological network, its history, its live simulator and the official alarm rules.
 */
export const disasterSubsystem = defineSubsystem({
  name: 'disaster',
  create: createDisasterServices,
  routes() {},
  async prepare(kernel, { demo }) {
    if (!demo) return undefined;
    const seeded = await seedHydroDemo(kernel);
    return `hydro demo: ${seeded.stations} stations, ${seeded.points} observations added, ${seeded.rules} alarm rules`;
  },
  jobs(services, { platform }, log) {
    if (!platform.config.demo) return [];
    return [
      new ScanJob(
        {
          name: 'hydro demo simulator',
          scan: () => services.hydroSimulator.catchUp(),
          everyMs: 60_000,
          firstAfterMs: 10_000,
          alongside: null,
        },
        log,
      ),
    ];
  },
});
