import { between, pick, type Random } from './random.ts';

type Path = (string | number)[];

/** A number written into the JSON text as given (1e400 is no JavaScript number: JSON.parse makes it Infinity). */
const raw = (token: string) => `~raw~${token}~`;
const RAW = /"~raw~([^~"]*)~"/g;
/** A key written as given, so `__proto__` reaches the server's parser as text. */
const rawKey = (key: string) => `~key~${key}~`;
const RAW_KEY = /"~key~([^~"]*)~"/g;

export const HUGE_NUMBERS = [
  '1e400',
  '-1e400',
  '99999999999',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '1e308',
  '1e16',
  '-1',
  '0',
  '1.5',
  '-0',
];
export const BAD_DATES = [
  '2025-02-30',
  '2025-13-01',
  '0000-01-01',
  '2025-02-29',
  '9999-12-31',
  '2025-01-01T25:00:00+07:00',
  '2025-02-30T08:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59-12:00',
  '2016-12-31T23:59:60Z',
  '2025-01-01T08:00:00+07',
  '2025/01/01 25:00:00',
  '00000101000000',
  '20250230080000',
  '20251301000000',
  '0000',
  '000001',
  '2025W54',
  '2025Q5',
  '20250230',
];
const ODD_TEXT = [
  '\ud800',
  'a\u202eb',
  '🇻🇳👍🏽',
  'e\u0301\u0301\u0301',
  '\u200b',
  '  ',
  '<script>',
  "' OR 1=1 --",
  '../../etc/passwd',
];
const WRONG_TYPES: unknown[] = [0, -1, 'x', '', true, false, null, [], {}, [null], { a: null }, [[[]]]];

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Every path into a value, the root first. */
function pathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) pathsOf(item, [...at, index], out);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) pathsOf(item, [...at, key], out);
  }
  return out;
}

function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)?.[key], value);
}

function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const parent = getAt(value, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path.at(-1)!] = replacement;
  return value;
}

function removeAt(value: unknown, path: Path): unknown {
  if (path.length === 0) return undefined;
  const parent = getAt(value, path.slice(0, -1));
  if (Array.isArray(parent)) parent.splice(Number(path.at(-1)), 1);
  else delete (parent as Record<string, unknown>)[String(path.at(-1))];
  return value;
}

function pathWhere(random: Random, value: unknown, test: (node: unknown) => boolean): Path {
  const all = pathsOf(value);
  const fitting = all.filter((path) => test(getAt(value, path)));
  return pick(random, fitting.length > 0 ? fitting : all);
}

const isString = (node: unknown) => typeof node === 'string';
const isContainer = (node: unknown) => node !== null && typeof node === 'object';

/** One way of spoiling a valid value; each returns the value to send (or undefined: no body). */
const MUTATIONS: Record<string, (value: unknown, random: Random) => unknown> = {
  wrongType: (value, random) =>
    setAt(
      value,
      pathWhere(random, value, () => true),
      clone(pick(random, WRONG_TYPES)),
    ),
  nul: (value, random) => {
    const path = pathWhere(random, value, isString);
    const current = getAt(value, path);
    const textValue = typeof current === 'string' ? current : 'a';
    const at = between(random, 0, textValue.length);
    return setAt(value, path, `${textValue.slice(0, at)}\u0000${textValue.slice(at)}`);
  },
  nulKey: (value, random) => {
    const path = pathWhere(random, value, (node) => isContainer(node) && !Array.isArray(node));
    const node = getAt(value, path);
    if (node && typeof node === 'object' && !Array.isArray(node)) (node as Record<string, unknown>)['x\u0000y'] = 1;
    return value;
  },
  number: (value, random) =>
    setAt(
      value,
      pathWhere(random, value, (node) => typeof node === 'number'),
      raw(pick(random, HUGE_NUMBERS)),
    ),
  date: (value, random) => setAt(value, pathWhere(random, value, isString), pick(random, BAD_DATES)),
  longText: (value, random) =>
    setAt(
      value,
      pathWhere(random, value, isString),
      pick(random, ['x', 'ệ', 'ab ']).repeat(pick(random, [1_001, 10_000, 60_000])),
    ),
  oddText: (value, random) => setAt(value, pathWhere(random, value, isString), pick(random, ODD_TEXT)),
  nestedNull: (value, random) => {
    const path = pathWhere(random, value, isContainer);
    const node = getAt(value, path);
    const nulled = Array.isArray(node) ? [null, ...node] : { ...(node as object), nested: { deeper: null } };
    return setAt(value, path, random() < 0.5 ? null : nulled);
  },
  missing: (value, random) => {
    const paths = pathsOf(value).filter((path) => path.length > 0);
    return paths.length > 0 ? removeAt(value, pick(random, paths)) : value;
  },
  extra: (value, random) => {
    const path = pathWhere(random, value, (node) => isContainer(node) && !Array.isArray(node));
    const node = getAt(value, path);
    if (node && typeof node === 'object' && !Array.isArray(node)) {
      const key = pick(random, ['extra', rawKey('__proto__'), 'constructor', 'toString']);
      (node as Record<string, unknown>)[key] = key === 'constructor' ? { prototype: { admin: true } } : { admin: true };
    }
    return value;
  },
};
const KINDS = Object.keys(MUTATIONS);

/** Bodies that are not the shape at all, as JSON text. */
const WHOLE_BODIES = [
  'null',
  '[]',
  '""',
  '"text"',
  '0',
  'true',
  '{',
  '{"a":1}}',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
];

export interface BodyCase {
  kind: string;
  /** The JSON text to send; undefined: no body at all. */
  payload: string | undefined;
}

function serialise(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return JSON.stringify(value).replace(RAW, '$1').replace(RAW_KEY, '"$1"');
}

/** A valid body spoiled once or twice at random places, or replaced whole. */
export function spoilBody(valid: unknown, random: Random): BodyCase {
  const roll = random();
  if (roll < 0.06) return { kind: 'whole', payload: pick(random, WHOLE_BODIES) };
  if (roll < 0.08) return { kind: 'absent', payload: undefined };
  const times = roll < 0.2 ? 2 : 1;
  let value = clone(valid);
  const kinds: string[] = [];
  for (let i = 0; i < times; i++) {
    const kind = pick(random, KINDS);
    kinds.push(kind);
    value = MUTATIONS[kind]!(value, random);
  }
  return { kind: kinds.join('+'), payload: serialise(value) };
}

/** The values most likely to get past a schema and hurt: each is tried on every field of its type. */
const AIMED_AT_NUMBERS = ['1e400', '-1e400', '99999999999', '1e16'];
const AIMED_AT_TEXT = [
  'a\u0000b',
  '2025-02-30',
  '0000-01-01T00:00:00Z',
  '2025-01-01T25:00:00+07:00',
  'x'.repeat(60_000),
];

/** Every field of a valid body (all optional fields present) spoiled in turn, alone, with each aimed value. */
export function aimedBodies(valid: unknown): BodyCase[] {
  const out: BodyCase[] = [];
  for (const path of pathsOf(valid)) {
    const node = getAt(valid, path);
    const name = path.join('/');
    const values =
      typeof node === 'number'
        ? AIMED_AT_NUMBERS.map(raw)
        : typeof node === 'string'
          ? AIMED_AT_TEXT
          : node !== null && typeof node === 'object'
            ? [null, 'x']
            : [];
    for (const replacement of values) {
      const kind = `aimed /${name}=${JSON.stringify(replacement).slice(0, 24)}`;
      out.push({ kind, payload: serialise(setAt(clone(valid), path, replacement)) });
    }
  }
  return out;
}

/** What a path or query parameter may be sent as instead of its valid value (before percent-encoding). */
export const BAD_PARAMETERS = [
  '',
  '\u0000',
  'a\u0000b',
  '1e400',
  '-1e400',
  '99999999999',
  '2147483648',
  '2147483647',
  '-1',
  '0',
  '1.5',
  'NaN',
  'Infinity',
  'true',
  'null',
  '[]',
  ...BAD_DATES,
  '🇻🇳',
  '%',
  ' ',
  'x'.repeat(99),
];

/** Values aimed at a parameter of this type, each tried alone on it. */
export function aimedParameterValues(types: string[], inPath: boolean): string[] {
  if (types.includes('integer') || types.includes('number')) {
    return ['1e400', '-1e400', '99999999999', '2147483648', '-1', '1.5', 'NaN', 'abc', '\u0000'];
  }
  if (types.includes('string')) {
    const long = 'x'.repeat(inPath ? 99 : 5_000);
    return ['\u0000', 'a\u0000b', '2025-02-30', '0000-01-01', '2025-01-01T25:00:00Z', '000001', '0000', '', long];
  }
  return ['\u0000', 'maybe', '1e400', ''];
}
