import { between, matching, pick, type Random } from './random.ts';

/** A JSON Schema as the OpenAPI document gives it (TypeBox's, through @fastify/swagger). */
export type Schema = { [keyword: string]: unknown };

const asSchema = (value: unknown): Schema | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Schema) : undefined;

export const typesOf = (schema: Schema): string[] =>
  Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];

/** Values that mean something to the IOC, so that a valid request reaches the service rather than a 404. */
const MEANINGFUL: Record<string, readonly string[]> = {
  '^[0-9]{2,6}$': ['42', '18073', '18775'],
  '^[0-9]{2,6}(@[0-9]{4})?$': ['18073', '42', '18070@2024'],
  '^(19|2[0-2])[0-9]{2}(Q[1-4]|W[0-9]{2}|[0-9]{2}|[0-9]{4})?$': ['2026', '2026Q3', '202611', '2026W27', '20261115'],
  '^https?://[^\\s/?#]+[^\\s]*$': ['http://127.0.0.1:9/token'],
};
/** Fields whose valid values are rows the IOC holds: the fuzz's request then reaches the service. */
const MEANINGFUL_FIELDS: Record<string, readonly string[]> = {
  roles: ['leader', 'operator', 'unit_officer'],
  permissions: ['orgunits.read', 'indicators.read'],
  leadUnit: ['SYT', 'SXD'],
  cooperatingUnits: ['SGDDT', 'SYT'],
  agencyCode: ['SYT'],
  orgUnitCode: ['42', '18073'],
  unitId: ['18073'],
};
const WORDS = ['Báo cáo', 'tình hình', 'kinh tế', 'xã hội', 'Hà Tĩnh', 'quý', 'năm', 'dự án', 'Sở Y tế', 'thủ tục'];

function text(schema: Schema, random: Random): string {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 60;
  let out = '';
  while (out.length < Math.max(min, between(random, 1, 3))) out = `${out} ${pick(random, WORDS)}`.trim();
  return out.length > max ? out.slice(0, max) : out.padEnd(min, 'x');
}

function formatted(format: string, random: Random): string | undefined {
  const day = `2027-${String(between(random, 1, 12)).padStart(2, '0')}-${String(between(random, 1, 28)).padStart(2, '0')}`;
  if (format === 'date') return day;
  if (format === 'date-time') return `${day}T0${between(random, 1, 9)}:30:00+07:00`;
  if (format === 'email') return `fuzz${between(random, 1, 999)}@example.vn`;
  return undefined;
}

function stringSample(schema: Schema, random: Random): string {
  if (typeof schema.format === 'string') {
    const value = formatted(schema.format, random);
    if (value !== undefined) return value;
  }
  if (typeof schema.pattern === 'string') {
    const known = MEANINGFUL[schema.pattern];
    // A drawn URL names a random host: looking it up would leave the test machine, so a URL is always a known one.
    const always = schema.pattern.startsWith('^https?:');
    return known && (always || random() < 0.8) ? pick(random, known) : matching(schema.pattern, random);
  }
  return text(schema, random);
}

function numberSample(schema: Schema, random: Random, integer: boolean): number {
  const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
  const max = typeof schema.maximum === 'number' ? Math.min(schema.maximum, min + 1000) : min + 100;
  const value = integer ? between(random, Math.ceil(min), Math.floor(max)) : min + random() * (max - min);
  return integer ? value : Math.round(value * 100) / 100;
}

export interface Sampler {
  random: Random;
  /** Every optional property too: a field absent from the sample is a field no aimed value reaches. */
  full?: boolean;
  /** `#/components/schemas/X` → its schema. */
  resolve(ref: string): Schema | undefined;
}

/** A value the schema accepts (mostly: patterns and formats are drawn, not proved), built to reach the service. */
export function sampleOf(schema: Schema, sampler: Sampler, depth = 0, field?: string): unknown {
  const { random } = sampler;
  if (typeof schema.$ref === 'string') {
    const target = sampler.resolve(schema.$ref);
    return target ? sampleOf(target, sampler, depth, field) : null;
  }
  const known = field === undefined ? undefined : MEANINGFUL_FIELDS[field];
  if (known && typesOf(schema).includes('string') && random() < 0.8) return pick(random, known);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return pick(random, schema.enum);
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(branches)) {
    const concrete = branches.filter((branch) => !typesOf(branch).includes('null'));
    return sampleOf(pick(random, concrete.length > 0 ? concrete : branches), sampler, depth, field);
  }
  const type = typesOf(schema)[0];
  if (type === 'string') return stringSample(schema, random);
  if (type === 'integer' || type === 'number') return numberSample(schema, random, type === 'integer');
  if (type === 'boolean') return random() < 0.5;
  if (type === 'null') return null;
  if (type === 'array') {
    const items = asSchema(schema.items) ?? {};
    const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
    const max = typeof schema.maxItems === 'number' ? schema.maxItems : min + 3;
    const count = depth > 4 ? min : between(random, min, Math.min(max, min + 2));
    const values = Array.from({ length: count }, () => sampleOf(items, sampler, depth + 1, field));
    return schema.uniqueItems ? [...new Map(values.map((v) => [JSON.stringify(v), v])).values()] : values;
  }
  if (type === 'object' || schema.properties) {
    const properties = asSchema(schema.properties) ?? {};
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    const out: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(properties)) {
      const wanted = required.has(name) || (depth < 4 && (sampler.full || random() < 0.5));
      if (wanted) out[name] = sampleOf(property as Schema, sampler, depth + 1, name);
    }
    const extra =
      asSchema(schema.additionalProperties) ?? asSchema(Object.values(asSchema(schema.patternProperties) ?? {})[0]);
    if (extra && depth < 4) {
      for (let i = between(random, 0, 2); i > 0; i--) out[`key${i}`] = sampleOf(extra, sampler, depth + 1);
    }
    return out;
  }
  // No type (Type.Unknown): what a free-form record holds.
  return { note: pick(random, WORDS), count: between(random, 0, 9) };
}
