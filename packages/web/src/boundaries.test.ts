import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The subsystems' folders; every other folder under src/ is the platform kit they build on. */
const SUBSYSTEM_FOLDERS = ['indicators', 'publicservices', 'documents'];
const SRC = import.meta.dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [relative(SRC, path)] : [];
  });
}

/** The src-relative targets of a file's relative imports, static and dynamic, CSS included. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => normalize(join(dirname(file), specifier)));
}

const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '');
const isSubsystem = (path: string) => SUBSYSTEM_FOLDERS.includes(folderOf(path));
const files = sourceFiles(SRC);

// The sibling rule itself (no subsystem imports another, the kit only through modules.ts) is checked for the server
// and the web app alike by scripts/boundaries.mjs, which npm test runs; these are the web's own rules beside it.
describe('subsystems are siblings on one kit', () => {
  it('no import path names a folder `direction`', () => {
    const named = files.filter((file) => importsOf(file).some((target) => target.split('/').includes('direction')));
    expect(named).toEqual([]);
  });
});

describe('strings live with the code that says them', () => {
  const keysOf = (file: string) =>
    [...readFileSync(join(SRC, file), 'utf8').matchAll(/^ {2}'([^']+)':/gm)].map((m) => m[1]!);
  const messageFiles = files.filter((file) => isSubsystem(file) && file.endsWith('i18n.vi.ts'));
  const subsystemKeys = new Set(messageFiles.flatMap(keysOf));
  const keysUsed = (file: string) =>
    [...readFileSync(join(SRC, file), 'utf8').matchAll(/'([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+)'/g)].map((match) => match[1]!);

  it('the platform says nothing in a subsystem’s words', () => {
    const borrowed = files
      .filter((file) => !isSubsystem(file) && !file.endsWith('.test.ts'))
      .flatMap((file) =>
        keysUsed(file)
          .filter((key) => subsystemKeys.has(key))
          .map((key) => `${file}: ${key}`),
      );
    expect(borrowed).toEqual([]);
  });

  it('a subsystem says nothing in another subsystem’s words', () => {
    const own = (folder: string) => new Set(messageFiles.filter((file) => folderOf(file) === folder).flatMap(keysOf));
    const borrowed = SUBSYSTEM_FOLDERS.flatMap((folder) => {
      const mine = own(folder);
      return files
        .filter((file) => folderOf(file) === folder && !file.endsWith('.test.ts'))
        .flatMap((file) =>
          keysUsed(file)
            .filter((key) => subsystemKeys.has(key) && !mine.has(key))
            .map((key) => `${file}: ${key}`),
        );
    });
    expect(borrowed).toEqual([]);
  });
});
