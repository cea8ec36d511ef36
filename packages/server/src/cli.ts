import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ALL_PERMISSIONS } from '@ioc/shared';
import dotenv from 'dotenv';
import type { Kysely } from 'kysely';
import { type OpenPlatform, openPlatform, preparePlatform } from './bootstrap.ts';
import { type Config, InvalidConfigError, loadConfig, printableSetting, SETTINGS } from './config.ts';
import { migrateToLatest } from './db/migrate.ts';
import { serve } from './main.ts';
import { type ChainReport, verifyChain } from './modules/audit/audit.service.ts';
import { useAuditKey } from './modules/audit/audit-key.ts';
import { type Actor, systemActor } from './modules/auth/actor.ts';
import { UserService } from './modules/auth/users.service.ts';
import { OrgUnitService } from './modules/orgunits/orgunits.service.ts';

const USAGE = `ioc — the IOC command line (settings from IOC_* variables and .env)

  ioc serve                              migrate, seed, and serve the web app and API
  ioc migrate                            apply database migrations
  ioc seed [--demo]                      seed the province (and the demo users with --demo)
  ioc user add USERNAME --role ROLE [--role ROLE…] --unit CODE [--name "Full name"] [--password P]
                                         create a user; without --password a temporary one is printed
  ioc import boundaries FILE [--code-property NAME]
                                         import unit boundaries from a GeoJSON FeatureCollection
  ioc audit verify                       check the audit log's hash chain; names the first bad entry
  ioc backup [FILE]                      copy the database while it runs (SQLite file or pg_dump archive)
  ioc config                             list every setting with its current value and meaning`;

/** What `audit verify` covered: the keyed and legacy segments, the anchor, this node's checkpoint. */
function describeChain(report: ChainReport): string {
  const lines = [
    report.keyId
      ? `  ${report.keyed} entries sealed with HMAC-SHA256 (key ${report.keyId}); chain head #${report.headId}`
      : `  no entry sealed with the key yet; chain head #${report.headId}`,
  ];
  if (report.legacy.count > 0) {
    const fixed =
      report.keyed > 0
        ? 'the first keyed entry links to the last of them, so they cannot be re-hashed unseen'
        : 'not yet fixed by a keyed entry: an edit with recomputed hashes there cannot be detected until the next audited write';
    lines.push(
      `  ${report.legacy.count} legacy entries (up to #${report.legacy.lastId}) were written before the key, checked by their SHA-256 links; ${fixed}`,
    );
  }
  if (report.checkpoint) lines.push(`  this node's checkpoint: #${report.checkpoint.id} at ${report.checkpoint.at}`);
  for (const warning of report.warnings) lines.push(`  note: ${warning}`);
  return `${lines.join('\n')}\n`;
}

/** The CLI acts as an administrator on the machine; its writes are audited under this name. */
const cliActor = (config: Config): Actor =>
  systemActor(`cli:${process.env.USER ?? 'operator'}`, config.rootUnit, new Set(ALL_PERMISSIONS));

async function withPlatform<T>(config: Config, work: (platform: OpenPlatform) => Promise<T>): Promise<T> {
  const platform = await openPlatform(config);
  try {
    await migrateToLatest(platform.db);
    // What the CLI writes is audited, and `audit verify` checks MACs: both need the chain's key.
    useAuditKey(platform.db as unknown as Kysely<unknown>, config);
    return await work(platform);
  } finally {
    await platform.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 1;
  }
  if (command === 'config') {
    for (const [name, setting] of Object.entries(SETTINGS)) {
      const value = process.env[name] ?? '';
      const shown = printableSetting(name, value) || `(default ${setting.default || 'empty'})`;
      process.stdout.write(`${name.padEnd(24)} ${shown}\n    ${setting.description}\n`);
    }
    return 0;
  }
  const config = loadConfig();

  switch (command) {
    case 'serve':
      await serve(config);
      return -1;
    case 'migrate':
      return withPlatform(config, async (platform) => {
        const applied = await migrateToLatest(platform.db);
        process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
        return 0;
      });
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean', default: false } } });
      return withPlatform(config, async (platform) => {
        const report = await preparePlatform(platform, { demo: Boolean(values.demo) });
        process.stdout.write(
          `units seeded: ${report.seededUnits || 'already present'}; demo users created: ${report.demoUsers.join(', ') || 'none'}; ${report.seeded.join('; ') || 'no demo data seeded'}\n`,
        );
        if (report.adminPassword)
          process.stdout.write(`admin created with password ${report.adminPassword} (change it at first sign-in)\n`);
        return 0;
      });
    }
    case 'user': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          role: { type: 'string', multiple: true },
          unit: { type: 'string' },
          name: { type: 'string' },
          password: { type: 'string' },
        },
      });
      const [sub, username] = positionals;
      if (sub !== 'add' || !username || !values.role?.length || !values.unit) {
        process.stderr.write(
          'usage: ioc user add USERNAME --role ROLE --unit CODE [--name "Full name"] [--password P]\n',
        );
        return 2;
      }
      return withPlatform(config, async (platform) => {
        const { user, temporaryPassword } = await new UserService(platform, new OrgUnitService(platform)).create(
          cliActor(config),
          {
            username,
            displayName: values.name ?? username,
            roles: values.role ?? [],
            orgUnitCode: values.unit ?? '',
            password: values.password,
          },
        );
        process.stdout.write(`created user ${user.username} (${user.roles.join(', ')}) in ${user.orgUnitName}\n`);
        if (temporaryPassword)
          process.stdout.write(`temporary password: ${temporaryPassword} (must be changed at first sign-in)\n`);
        return 0;
      });
    }
    case 'import': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { 'code-property': { type: 'string' } },
      });
      const [what, file] = positionals;
      if (what !== 'boundaries' || !file) {
        process.stderr.write('usage: ioc import boundaries FILE [--code-property NAME]\n');
        return 2;
      }
      const geojson: unknown = JSON.parse(readFileSync(resolve(file), 'utf8'));
      return withPlatform(config, async (platform) => {
        const result = await new OrgUnitService(platform).importBoundaries(
          cliActor(config),
          geojson,
          values['code-property'],
        );
        process.stdout.write(`boundaries imported for ${result.matched} units\n`);
        if (result.unmatched.length)
          process.stdout.write(`features matching no current unit: ${result.unmatched.join(', ')}\n`);
        if (result.unitsWithoutBoundary.length) {
          process.stdout.write(`units still without a boundary: ${result.unitsWithoutBoundary.join(', ')}\n`);
        }
        return 0;
      });
    }
    case 'audit': {
      if (rest[0] !== 'verify') {
        process.stderr.write('usage: ioc audit verify\n');
        return 2;
      }
      return withPlatform(config, async (platform) => {
        const report = await verifyChain(platform.db);
        if (report.ok) {
          process.stdout.write(`audit log intact: ${report.checked} entries verified\n${describeChain(report)}`);
          return 0;
        }
        process.stderr.write(
          `audit log TAMPERED at entry #${report.broken?.id}: ${report.broken?.reason}\n${describeChain(report)}`,
        );
        return 1;
      });
    }
    case 'backup': {
      return withPlatform(config, async (platform) => {
        const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..+/, '').replace('T', '-');
        const extension = platform.store.engine === 'sqlite' ? 'sqlite' : 'pgdump';
        const destination = resolve(rest[0] ?? join(config.dataDir, 'backups', `ioc-${stamp}.${extension}`));
        mkdirSync(dirname(destination), { recursive: true });
        await platform.store.backup(destination);
        process.stdout.write(`backup written: ${destination}\n`);
        return 0;
      });
    }
    default:
      process.stderr.write(`unknown command: ${command}\n\n${USAGE}\n`);
      return 2;
  }
}

dotenv.config({ quiet: true });
run(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof InvalidConfigError) {
      process.stderr.write(`${error.message}\nSee \`ioc config\` for every setting.\n`);
    } else {
      const detail = (error as { details?: unknown }).details;
      process.stderr.write(
        `error: ${(error as Error).message}${detail ? `\n${JSON.stringify(detail, null, 2)}` : ''}\n`,
      );
    }
    process.exit(1);
  },
);
