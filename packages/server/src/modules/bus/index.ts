import type { Config } from '../../config.ts';
import { type Bus, MemoryBus } from './bus.ts';
import { NatsBus } from './nats-bus.ts';

export type { Bus } from './bus.ts';

export async function createBus(
  config: Pick<Config, 'busUrl' | 'nodeId'>,
  onHandlerError: (error: unknown) => void,
): Promise<Bus> {
  return config.busUrl ? NatsBus.connect(config.busUrl, config.nodeId, onHandlerError) : new MemoryBus(onHandlerError);
}
