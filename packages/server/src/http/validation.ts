import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

const common: Options = { allErrors: true, strict: false, useDefaults: true };

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
    httpPart === 'body' ? body.compile(schema) : text.compile(schema),
  );
}
