import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findViolations as check } from '../../../scripts/boundaries.mjs';

const REPO = join(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'ioc-boundaries-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A tiny repository laid out like ours, with the given files. */
function repoWith(files: Record<string, string>): string {
  const repo = mkdtempSync(join(scratch, 'repo-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  return repo;
}

const SERVER = 'packages/server/src';
const WEB = 'packages/web/src';

describe('the sibling rule between subsystems', () => {
  it('holds in this repository, server and web', () => {
    expect(check(REPO)).toEqual([]);
  });

  it('refuses a subsystem importing a sibling, on the server and in the web app', () => {
    const repo = repoWith({
      [`${SERVER}/modules/calendar/local-time.ts`]: 'export const DAY = 1;',
      [`${SERVER}/modules/publicservices/clock.ts`]: 'export const x = 1;',
      [`${SERVER}/modules/documents/plan.ts`]:
        "import { DAY } from '../calendar/local-time.ts';\nimport { x } from '../publicservices/clock.ts';\n",
      [`${WEB}/publicservices/format.ts`]: 'export const f = 1;',
      [`${WEB}/documents/TaskBits.tsx`]: "const lazy = () => import('../publicservices/format.ts');\n",
    });
    expect(check(repo)).toEqual([
      `${SERVER}/modules/documents/plan.ts: imports ../publicservices/clock.ts (subsystem 'documents' imports subsystem 'publicservices'; what both need belongs to the platform)`,
      `${WEB}/documents/TaskBits.tsx: imports ../publicservices/format.ts (subsystem 'documents' imports subsystem 'publicservices'; what both need belongs to the platform)`,
    ]);
  });

  it('lets only the composition root import subsystems from platform code', () => {
    const repo = repoWith({
      [`${SERVER}/modules/indicators/module.ts`]: 'export const indicators = {};',
      [`${SERVER}/subsystems.ts`]: "import { indicators } from './modules/indicators/module.ts';\n",
      [`${SERVER}/app.ts`]: "export type { indicators } from './modules/indicators/module.ts';\n",
      [`${WEB}/modules.ts`]: "import { indicators } from './indicators/module.tsx';\n",
      [`${WEB}/indicators/module.tsx`]: 'export const indicators = {};',
      [`${WEB}/shell/Nav.tsx`]: "import type { X } from '../indicators/module.tsx';\n",
      [`${WEB}/indicators/Page.tsx`]: "import { SUBSYSTEMS } from '../modules.ts';\n",
    });
    expect(check(repo)).toEqual([
      `${SERVER}/app.ts: imports ./modules/indicators/module.ts (platform code imports subsystem 'indicators'; only subsystems.ts may)`,
      `${WEB}/indicators/Page.tsx: imports ../modules.ts (a subsystem never imports the composition root)`,
      `${WEB}/shell/Nav.tsx: imports ../indicators/module.tsx (platform code imports subsystem 'indicators'; only modules.ts may)`,
    ]);
  });
});
