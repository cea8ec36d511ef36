export { formatPortalDate } from '../../calendar/local-time.ts';
export type { SimulatorAgency } from './plan.ts';
export { type OnlineLevel, PROCEDURES, type Procedure, type ProcedureLevel } from './procedures.ts';
export {
  createSimulator,
  type SimulatedDay,
  type Simulator,
  type SimulatorOptions,
  type SyncBatch,
} from './simulator.ts';
