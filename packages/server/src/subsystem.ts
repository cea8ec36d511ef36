import type { FastifyBaseLogger } from 'fastify';
import type { App } from './http/app-types.ts';
import type { Kernel } from './kernel.ts';
import type { BackgroundWork } from './modules/system/scan-job.ts';

/**
 * One subsystem (indicators, public services, documents, …) as the composition root sees it: everything it adds to
 * the IOC is declared here, so adding a subsystem is one line in subsystems.ts.
 */
export interface Subsystem<Name extends string = string, Services extends object = object> {
  /** The key its services go under in `Services` (e.g. `publicServices`). */
  name: Name;
  /** Builds its services on the kernel; may register the kernel hooks it needs (calendar, agency changes). */
  create(kernel: Kernel): Services;
  /** Its HTTP routes, each with a schema and a permission. */
  routes(app: App, services: Services, kernel: Kernel): void;
  /**
   * At every start, after the kernel is seeded and before serving: its migrations' seed data and, with the demo on,
   * its demo data. Must be idempotent. Answers a line for the start report when it seeded something.
   */
  prepare?(kernel: Kernel, options: { demo: boolean }): Promise<string | undefined>;
  /** What runs beside the server while it serves (scans, connector pulls, the demo feeder); `serve` starts them. */
  jobs?(services: Services, kernel: Kernel, log: FastifyBaseLogger): BackgroundWork[];
}

/** Keeps the literal name and the services' type, so `Services` knows each subsystem's services by name. */
export function defineSubsystem<Name extends string, Services extends object>(
  subsystem: Subsystem<Name, Services>,
): Subsystem<Name, Services> {
  return subsystem;
}
