import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from './config.ts';
import type { Db } from './db/connect.ts';
import type { Database } from './db/schema.ts';
import type { Bus } from './modules/bus/index.ts';

/** What every service is given: no global singletons, so tests build as many independent apps as they like. */
export interface Platform {
  config: Config;
  db: Kysely<Database>;
  store: Db;
  bus: Bus;
  log: FastifyBaseLogger;
  now: () => Date;
}
