import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { buildApp, loggerOptions } from './app.ts';
import { openPlatform, preparePlatform } from './bootstrap.ts';
import type { Config } from './config.ts';
import { deleteExpiredSessions } from './modules/auth/sessions.repo.ts';
import { DEMO_USERS } from './modules/demo/demo.seed.ts';

/** `ioc serve`: prepare the database, listen, and shut down gracefully on SIGINT/SIGTERM. */
export async function serve(config: Config): Promise<void> {
  const log = pino(loggerOptions(config.logLevel) as pino.LoggerOptions) as unknown as FastifyBaseLogger;
  const platform = await openPlatform(config, log);
  const report = await preparePlatform(platform, { demo: config.demo });
  const { app, close, jobs } = await buildApp(platform, { logger: log });
  await app.listen({ port: config.port, host: config.host });
  for (const job of jobs) job.start();

  const where = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  IOC Hà Tĩnh is running: ${where}`,
    `  API docs: ${where}/api/docs · data: ${platform.store.location} · bus: ${platform.bus.kind}`,
  ];
  if (report.adminPassword) {
    lines.push(
      `  First start: sign in as admin with password ${report.adminPassword}`,
      '  (shown once; you will be asked to change it)',
    );
  } else if (report.adminCreated) {
    lines.push('  First start: sign in as admin with the password from IOC_ADMIN_PASSWORD');
  } else {
    lines.push('  Sign in as admin (or another user an administrator created).');
  }
  if (config.demo) {
    lines.push(
      `  Demo users (password ${config.demoPassword}): ${DEMO_USERS.map((u) => `${u.username} (${u.roles.join(',')})`).join(', ')}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  // Expired sessions are refused on read; this only keeps the table small.
  const sweep = setInterval(() => {
    deleteExpiredSessions(platform.db, platform.now().toISOString()).catch((error: unknown) =>
      log.warn({ err: error }, 'session sweep failed'),
    );
  }, 3600_000);
  sweep.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    clearInterval(sweep);
    await close();
    await platform.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
