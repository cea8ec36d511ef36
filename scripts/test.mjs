#!/usr/bin/env node
// `npm test`: type-check, lint, the server suite on SQLite and again on PostgreSQL, then the browser tests.
// On a machine without PostgreSQL or Chromium those tiers are skipped with a warning; under CI=true they are required.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';

const ci = Boolean(process.env.CI);
const pgUrl = process.env.IOC_TEST_DATABASE_URL ?? 'postgres://127.0.0.1/test';
const chromium = process.env.IOC_TEST_CHROMIUM ?? '/usr/bin/chromium';

function step(title, command, args, env = {}) {
  process.stdout.write(`\n=== ${title}\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    process.stderr.write(`\n✗ ${title} failed\n`);
    process.exit(result.status ?? 1);
  }
}

function reachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 5432), timeout: 1000 });
    socket.once('connect', () => resolve(socket.end() && true));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => resolve(socket.destroy() && false));
  });
}

function skip(what, why) {
  if (ci) {
    process.stderr.write(`\n✗ ${what} cannot run under CI: ${why}\n`);
    process.exit(1);
  }
  process.stdout.write(`\n!!! ${what} SKIPPED: ${why}\n`);
}

step('type-check', 'npm', ['run', 'typecheck']);
step('lint', 'npm', ['run', 'lint']);
step('module boundaries', 'node', ['scripts/boundaries.mjs']);
step('server tests on SQLite', 'npx', ['vitest', 'run', '--project', 'server', '--project', 'server-isolated']);
step('web unit tests', 'npx', ['vitest', 'run', '--project', 'web']);
if (await reachable(pgUrl)) {
  step(
    `server tests on PostgreSQL (${pgUrl})`,
    'npx',
    ['vitest', 'run', '--project', 'server', '--project', 'server-isolated'],
    {
      IOC_TEST_DATABASE_URL: pgUrl,
    },
  );
} else {
  skip('server tests on PostgreSQL', `${pgUrl} is not reachable`);
}
if (existsSync(chromium)) {
  step('build the web app', 'npm', ['run', 'build:web']);
  step('browser tests', 'npx', ['vitest', 'run', '--project', 'e2e'], { IOC_TEST_CHROMIUM: chromium });
} else {
  skip('browser tests', `${chromium} is missing (apt-get install -y chromium)`);
}
process.stdout.write('\nall test tiers passed\n');
