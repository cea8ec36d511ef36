#!/usr/bin/env node
// The sibling rule, checked over the imports of the server and the web app: a subsystem imports platform modules
// and @ioc/shared, never another subsystem; platform code never imports a subsystem, except the composition root
// that lists them. `npm test` runs this; packages/server/test/boundaries.test.ts shows it failing on a bad import.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Subsystem folder names, built or to come; a name with no folder is simply not there yet. */
export const SUBSYSTEM_NAMES = [
  'indicators',
  'publicservices',
  'documents',
  'health',
  'education',
  'tourism',
  'cameras',
  'disaster',
  'fieldreports',
];

/** Where each side keeps its subsystems, and the one file allowed to import them all. */
export const SIDES = [
  { name: 'server', root: 'packages/server/src', subsystemsIn: 'modules', compositionRoot: 'subsystems.ts' },
  { name: 'web', root: 'packages/web/src', subsystemsIn: '.', compositionRoot: 'modules.ts' },
];

const SOURCE = /\.(ts|tsx|mts|js|mjs)$/;
const SPECIFIER =
  /(?:\bimport\s*(?:type\s+)?(?:[\w*${}\s,]+\s+from\s+)?|\bexport\s+(?:type\s+)?[\w*${}\s,]+\s+from\s+|\bimport\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (SOURCE.test(entry)) out.push(path);
  }
  return out;
}

/** The subsystem a path belongs to on this side, or null for platform code. */
function ownerOf(path, subsystemsDir) {
  const rel = relative(subsystemsDir, path);
  if (rel.startsWith('..')) return null;
  const first = rel.split(sep)[0];
  return SUBSYSTEM_NAMES.includes(first) && rel.includes(sep) ? first : null;
}

/** Every import that breaks the rule, as `file: imports target (why)`, paths relative to `repo`. */
export function findViolations(repo, sides = SIDES) {
  const violations = [];
  for (const side of sides) {
    const root = resolve(repo, side.root);
    let files;
    try {
      files = sourceFiles(root);
    } catch {
      continue;
    }
    const subsystemsDir = resolve(root, side.subsystemsIn);
    const compositionRoot = resolve(root, side.compositionRoot);
    for (const file of files) {
      const from = ownerOf(file, subsystemsDir);
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(SPECIFIER)) {
        const target = resolve(dirname(file), match[1]);
        if (from !== null && target === compositionRoot) {
          violations.push(
            `${relative(repo, file)}: imports ${match[1]} (a subsystem never imports the composition root)`,
          );
          continue;
        }
        const to = ownerOf(target, subsystemsDir);
        if (to === null || to === from) continue;
        if (from === null && file === compositionRoot) continue;
        const why =
          from === null
            ? `platform code imports subsystem '${to}'; only ${side.compositionRoot} may`
            : `subsystem '${from}' imports subsystem '${to}'; what both need belongs to the platform`;
        violations.push(`${relative(repo, file)}: imports ${match[1]} (${why})`);
      }
    }
  }
  return violations;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const violations = findViolations(repo);
  if (violations.length > 0) {
    process.stderr.write(
      `Module boundaries broken (${violations.length}):\n${violations.map((v) => `  ${v}`).join('\n')}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    'module boundaries hold: no subsystem imports a sibling, no platform code imports a subsystem\n',
  );
}
