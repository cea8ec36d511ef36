import { MAX_ID } from '@ioc/shared';
import Ajv, { type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { scanRequestValue } from './request-scan.ts';

const common: Options = { allErrors: true, strict: false, useDefaults: true };

type JsonSchema = { [key: string]: unknown };
type ValidationContext = Parameters<ValidateFunction>[1];

/**
 * A copy of a request schema in which an integer its author left unbounded is held to the database's 32-bit integer
 * columns, so that no route, however declared, lets `99999999999` reach PostgreSQL. The shared schemas state their
 * own bounds; this catches the rest.
 */
export function withBoundedIntegers(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withBoundedIntegers);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = key === 'const' ? value : withBoundedIntegers(value);
  const types = Array.isArray(copy.type) ? copy.type : [copy.type];
  if (types.includes('integer')) {
    if (copy.maximum === undefined && copy.exclusiveMaximum === undefined) copy.maximum = MAX_ID;
    if (copy.minimum === undefined && copy.exclusiveMinimum === undefined) copy.minimum = -MAX_ID - 1;
  }
  return copy;
}

/** The compiled schema, then the checks every request value gets whatever its schema (no NUL, finite numbers). */
function checked(check: ValidateFunction): ValidateFunction {
  const validate = ((data: unknown, context?: ValidationContext) => {
    const valid = check(data, context);
    // A coerced root value (a query string's number) is written back to its parent: scan what the route will see.
    const value = context ? (context.parentData as Record<string | number, unknown>)[context.parentDataProperty] : data;
    const issues = scanRequestValue(value);
    const errors: ErrorObject[] = [...(check.errors ?? []), ...issues];
    validate.errors = errors.length > 0 ? errors : null;
    return valid && issues.length === 0;
  }) as ValidateFunction;
  // Fastify passes the parent (so ajv may coerce a root value) only to a function that carries its schemaEnv.
  validate.schemaEnv = check.schemaEnv;
  validate.schema = check.schema;
  return validate;
}

/**
 * Bodies are validated as sent: a string where a number belongs is an error naming the field, never silently coerced.
 * Query strings and path parameters are text by nature, so they are coerced to the declared types.
 */
export function registerValidation(app: FastifyInstance): void {
  const body = new Ajv({ ...common, coerceTypes: false, removeAdditional: false });
  const text = new Ajv({ ...common, coerceTypes: 'array', removeAdditional: false });
  addFormats.default(body);
  addFormats.default(text);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    checked((httpPart === 'body' ? body : text).compile(withBoundedIntegers(schema) as JsonSchema)),
  );
}
