import type { Config } from '../../config.ts';
import { type Bus, MemoryBus } from './bus.ts';
import { NatsBus } from './nats-bus.ts';

export type { Bus, Revocation } from './bus.ts';

/**
 * The in-process bus, or NATS when IOC_BUS_URL is set. `onProblem` hears of bus messages dropped as bad and of a
 * lost subscription; without it they are reported through `onHandlerError`.
 */
export async function createBus(
  config: Pick<Config, 'busUrl' | 'nodeId' | 'busSubject' | 'busCaFile' | 'busCredsFile'>,
  onHandlerError: (error: unknown) => void,
  onProblem?: (error: Error) => void,
): Promise<Bus> {
  if (!config.busUrl) return new MemoryBus(onHandlerError);
  return NatsBus.connect(
    {
      url: config.busUrl,
      subject: config.busSubject,
      nodeId: config.nodeId,
      caFile: config.busCaFile,
      credsFile: config.busCredsFile,
    },
    onHandlerError,
    onProblem,
  );
}
