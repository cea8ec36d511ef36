import { disasterSubsystem } from './modules/disaster/module.ts';
import { documentsSubsystem } from './modules/documents/module.ts';
import { indicatorsSubsystem } from './modules/indicators/module.ts';
import { publicServicesSubsystem } from './modules/publicservices/module.ts';

/**
 * The composition root: every subsystem the IOC runs, one line each, in the order the mission numbers them. Adding a
 * subsystem is a folder under modules/ with its module.ts, and a line here (see docs/adding-a-subsystem.md).
 */
export const SUBSYSTEMS = [
  indicatorsSubsystem,
  publicServicesSubsystem,
  documentsSubsystem,
  disasterSubsystem,
] as const;
