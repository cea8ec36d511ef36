import type { ErrorObject } from 'ajv';

/** Enough to name every bad field of a form; a body of a million NULs is not worth a million messages. */
const MAX_ISSUES = 20;

interface Visit {
  value: unknown;
  parent: Visit | null;
  key: string | number;
}

/** The JSON pointer of a visited value (RFC 6901 escapes), with NULs written `\u0000` so the message stays printable. */
function pointerOf(visit: Visit, last: string | number): string {
  const keys = [String(last)];
  for (let at: Visit | null = visit; at?.parent; at = at.parent) keys.push(String(at.key));
  return keys
    .reverse()
    .map((key) => `/${key.replaceAll('~', '~0').replaceAll('/', '~1').replaceAll('\u0000', '\\u0000')}`)
    .join('');
}

function issue(instancePath: string, keyword: 'nul' | 'finite', message: string): ErrorObject {
  return { instancePath, schemaPath: '#', keyword, params: {}, message };
}

/** The problem of one leaf, if any: a string holding NUL, or a number that is not finite. */
function leafProblem(value: unknown): ['nul' | 'finite', string] | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? ['nul', 'must not contain NUL (U+0000) characters'] : null;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? null : ['finite', 'must be a finite number'];
  return null;
}

/**
 * Checks every string, object key and number of a request part, whatever its schema says (free-form records
 * included): no NUL, which PostgreSQL's text cannot hold, and no Infinity, which JSON's `1e400` parses to and a
 * coerced `?offset=1e400` becomes. Iterative, so a deeply nested body cannot overflow the stack.
 */
export function scanRequestValue(root: unknown): ErrorObject[] {
  const issues: ErrorObject[] = [];
  const rootProblem = leafProblem(root);
  if (rootProblem) return [issue('', ...rootProblem)];
  const pending: Visit[] = [{ value: root, parent: null, key: '' }];
  while (pending.length > 0 && issues.length < MAX_ISSUES) {
    const visit = pending.pop()!;
    const { value } = visit;
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) continue;
    const inspect = (key: string | number, child: unknown) => {
      const problem = leafProblem(child);
      if (problem) issues.push(issue(pointerOf(visit, key), ...problem));
      else if (child !== null && typeof child === 'object') pending.push({ value: child, parent: visit, key });
    };
    // Indexes, not entries: a boundary file holds millions of coordinates, each worth no allocation.
    if (Array.isArray(value)) for (let index = 0; index < value.length; index++) inspect(index, value[index]);
    else {
      for (const key of Object.keys(value)) {
        if (key.includes('\u0000')) {
          issues.push(issue(pointerOf(visit, key), 'nul', 'must not have NUL (U+0000) characters in its name'));
        }
        inspect(key, (value as Record<string, unknown>)[key]);
      }
    }
  }
  return issues.slice(0, MAX_ISSUES);
}
