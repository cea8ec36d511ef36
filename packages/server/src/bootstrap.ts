import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { type Config, withoutCredentials } from './config.ts';
import { connectDb } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createKernel } from './kernel.ts';
import { seedAgencies } from './modules/agencies/agencies.seed.ts';
import { appendAudit } from './modules/audit/audit.service.ts';
import { systemActor } from './modules/auth/actor.ts';
import { generatePassword, hashPassword } from './modules/auth/passwords.ts';
import { findUserByUsername, insertUser, newUserRow, setUserRoles } from './modules/auth/users.repo.ts';
import { createBus } from './modules/bus/index.ts';
import { seedCalendar } from './modules/calendar/calendar.service.ts';
import { seedDemo } from './modules/demo/demo.seed.ts';
import { seedShippedBoundaries } from './modules/orgunits/boundaries.seed.ts';
import { findUnit } from './modules/orgunits/orgunits.repo.ts';
import { loadCatalogue, seedOrgUnits, seedUrbanCentres } from './modules/orgunits/seed.ts';
import type { Platform } from './platform.ts';
import type { Subsystem } from './subsystem.ts';
import { SUBSYSTEMS } from './subsystems.ts';

export interface OpenPlatform extends Platform {
  close(): Promise<void>;
}

export async function openPlatform(config: Config, log?: FastifyBaseLogger): Promise<OpenPlatform> {
  const logger = log ?? (pino({ level: config.logLevel }) as unknown as FastifyBaseLogger);
  const store = connectDb(config);
  let bus: Awaited<ReturnType<typeof createBus>>;
  try {
    bus = await createBus(
      config,
      (error) => logger.error({ err: error }, 'event handler failed'),
      (problem) => logger.warn({ err: problem }, 'event bus'),
    );
  } catch (error) {
    await store.close();
    // NATS says only "CONNECTION_REFUSED": say which setting points where.
    throw new Error(
      `cannot connect to the event bus at IOC_BUS_URL=${withoutCredentials(config.busUrl ?? '')}: ${(error as { code?: string }).code ?? (error as Error).message}; start NATS there, or leave IOC_BUS_URL empty for a single server`,
      { cause: error },
    );
  }
  return {
    config,
    store,
    db: store.kysely,
    bus,
    log: logger,
    now: clockOf(config),
    close: async () => {
      await bus.close();
      await store.close();
    },
  };
}

/** The real time, or a clock that started at IOC_CLOCK_START when the process opened the platform and runs from there. */
function clockOf(config: Config): () => Date {
  if (!config.clockStart) return () => new Date();
  const shift = config.clockStart.getTime() - Date.now();
  return () => new Date(Date.now() + shift);
}

export interface PrepareReport {
  migrations: string[];
  seededUnits: number;
  /** Set only when the admin user was created with a generated password: shown once, then never again. */
  adminPassword: string | null;
  adminCreated: boolean;
  demoUsers: string[];
  /** What the subsystems seeded at this start (their demo data), one line each. */
  seeded: string[];
}

/** Migrates, seeds the province on an empty database, creates `admin` on first start, and the demo when asked. */
export function preparePlatform(platform: Platform, options: { demo: boolean }): Promise<PrepareReport> {
  // Several servers may start at once on one PostgreSQL: one prepares, the others wait and find it done.
  return platform.store.exclusive(() => prepare(platform, options));
}

async function prepare(platform: Platform, options: { demo: boolean }): Promise<PrepareReport> {
  const { db, config, now } = platform;
  const migrations = await migrateToLatest(db);
  const kernel = createKernel(platform);
  await kernel.users.seedRoles();
  let seededUnits = 0;
  const profileRoot = loadCatalogue().province.code;
  if (!(await findUnit(db, profileRoot))) {
    seededUnits = await db.transaction().execute(async (trx) => {
      const { units } = await seedOrgUnits(trx);
      await seedUrbanCentres(trx);
      await appendAudit(
        trx,
        systemActor('seed', config.rootUnit),
        { action: 'orgunits.seed', entityType: 'org_unit', entityId: profileRoot },
        null,
        { units },
        now(),
      );
      return units;
    });
  }
  if (!(await findUnit(db, config.rootUnit))) {
    throw new Error(
      `IOC_ROOT_UNIT=${config.rootUnit} is not a unit of this database (the seeded profile's root is ${profileRoot})`,
    );
  }
  // The agencies come with the province, like its units; so does the working calendar.
  await seedAgencies(db, config.rootUnit);
  await seedCalendar(db);
  const report: PrepareReport = {
    migrations,
    seededUnits,
    adminPassword: null,
    adminCreated: false,
    demoUsers: [],
    seeded: [],
  };
  if (!(await findUserByUsername(db, 'admin'))) {
    const password = config.adminPassword ?? generatePassword();
    const hash = await hashPassword(password);
    await db.transaction().execute(async (trx) => {
      const id = await insertUser(
        trx,
        newUserRow({
          username: 'admin',
          display_name: 'Quản trị hệ thống',
          email: null,
          password_hash: hash,
          org_unit_id: config.rootUnit,
          must_change_password: config.adminPassword ? 0 : 1,
          created_at: now().toISOString(),
        }),
      );
      await setUserRoles(trx, id, ['admin']);
      await appendAudit(
        trx,
        systemActor('bootstrap', config.rootUnit),
        { action: 'users.create', entityType: 'user', entityId: String(id) },
        null,
        { username: 'admin', roles: ['admin'] },
        now(),
      );
    });
    report.adminCreated = true;
    report.adminPassword = config.adminPassword ? null : password;
  }
  if (options.demo) {
    report.demoUsers = await seedDemo(platform);
    const map = await seedShippedBoundaries(platform, kernel.orgUnits);
    if (map) report.seeded.push(map);
  }
  for (const subsystem of SUBSYSTEMS as readonly Subsystem[]) {
    const seeded = await subsystem.prepare?.(kernel, options);
    if (seeded) report.seeded.push(seeded);
  }
  return report;
}
